// The part of the AWS SDK for JavaScript v3's SQS client that this lesson's blocks use.
// As in the SDK's generated models, required members are typed `string | undefined`.
declare module "@aws-sdk/client-sqs" {
  export interface Message {
    MessageId?: string;
    ReceiptHandle?: string;
    Body?: string;
  }
  export class ReceiveMessageCommand {
    constructor(input: ReceiveMessageCommand["input"]);
    readonly input: { QueueUrl: string | undefined; MaxNumberOfMessages?: number; WaitTimeSeconds?: number; VisibilityTimeout?: number };
  }
  export class DeleteMessageCommand {
    constructor(input: DeleteMessageCommand["input"]);
    readonly input: { QueueUrl: string | undefined; ReceiptHandle: string | undefined };
  }
  export class ChangeMessageVisibilityCommand {
    constructor(input: ChangeMessageVisibilityCommand["input"]);
    readonly input: { QueueUrl: string | undefined; ReceiptHandle: string | undefined; VisibilityTimeout: number | undefined };
  }
  export class SQSClient {
    constructor(config: { region?: string });
    send(command: ReceiveMessageCommand): Promise<{ Messages?: Message[] }>;
    send(command: DeleteMessageCommand | ChangeMessageVisibilityCommand): Promise<object>;
  }
}
