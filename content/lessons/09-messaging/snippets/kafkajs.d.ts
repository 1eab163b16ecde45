// The part of kafkajs 2's API (its types/index.d.ts) that this lesson's blocks use.
declare module "kafkajs" {
  export interface IHeaders {
    [key: string]: Buffer | string | (Buffer | string)[] | undefined;
  }
  export interface Message {
    key?: Buffer | string | null;
    value: Buffer | string | null;
    partition?: number;
    headers?: IHeaders;
  }
  export interface KafkaMessage {
    key: Buffer | null;
    value: Buffer | null;
    timestamp: string;
    offset: string;
    headers?: IHeaders;
  }
  export interface EachMessagePayload {
    topic: string;
    partition: number;
    message: KafkaMessage;
    heartbeat(): Promise<void>;
  }
  export interface Consumer {
    connect(): Promise<void>;
    subscribe(subscription: { topics: (string | RegExp)[]; fromBeginning?: boolean }): Promise<void>;
    run(config?: { autoCommit?: boolean; eachMessage?: (payload: EachMessagePayload) => Promise<void> }): Promise<void>;
    commitOffsets(offsets: { topic: string; partition: number; offset: string }[]): Promise<void>;
  }
  export interface Producer {
    connect(): Promise<void>;
    send(record: { topic: string; messages: Message[] }): Promise<unknown[]>;
  }
  export class Kafka {
    constructor(config: { brokers: string[]; clientId?: string });
    consumer(config: { groupId: string }): Consumer;
    producer(): Producer;
  }
}
