// The part of Pact JS (@pact-foundation/pact 12 and later) that this lesson's blocks use.
declare module "@pact-foundation/pact" {
  export interface V3MockServer {
    port: number;
    url: string;
    id: string;
  }
  export interface V3Request {
    method: string;
    path: string;
    headers?: Record<string, string>;
    body?: unknown;
  }
  export interface V3Response {
    status: number;
    headers?: Record<string, string>;
    body?: unknown;
  }
  export class PactV3 {
    constructor(options: { consumer: string; provider: string; dir?: string });
    given(providerState: string, parameters?: Record<string, unknown>): PactV3;
    uponReceiving(description: string): PactV3;
    withRequest(request: V3Request): PactV3;
    willRespondWith(response: V3Response): PactV3;
    executeTest<T>(testFn: (mockServer: V3MockServer) => Promise<T>): Promise<T | undefined>;
  }
  export namespace MatchersV3 {
    interface Matcher<T> {
      "pact:matcher:type": string;
      value?: T;
    }
    function string(example?: string): Matcher<string>;
    function regex(pattern: RegExp | string, example: string): Matcher<string>;
  }
  export interface VerifierOptions {
    provider: string;
    providerBaseUrl: string;
    pactBrokerUrl?: string;
    pactBrokerToken?: string;
    consumerVersionSelectors?: { mainBranch?: boolean; deployedOrReleased?: boolean; branch?: string }[];
    enablePending?: boolean;
    stateHandlers?: Record<string, (parameters?: unknown) => Promise<unknown>>;
    publishVerificationResult?: boolean;
    providerVersion?: string;
    providerVersionBranch?: string;
  }
  export class Verifier {
    constructor(options: VerifierOptions);
    verifyProvider(): Promise<string>;
  }
}
