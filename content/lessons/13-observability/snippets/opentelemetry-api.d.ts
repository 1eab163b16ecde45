// The part of @opentelemetry/api 1.x that this lesson's blocks use.
declare module "@opentelemetry/api" {
  export interface Context {
    getValue(key: symbol): unknown;
  }
  export enum SpanKind { INTERNAL = 0, SERVER = 1, CLIENT = 2, PRODUCER = 3, CONSUMER = 4 }
  export enum SpanStatusCode { UNSET = 0, OK = 1, ERROR = 2 }
  export interface Span {
    end(): void;
    recordException(exception: Error | string): void;
    setStatus(status: { code: SpanStatusCode; message?: string }): this;
  }
  export interface SpanOptions {
    kind?: SpanKind;
    attributes?: Record<string, string | number | boolean>;
  }
  export interface Tracer {
    startActiveSpan<F extends (span: Span) => unknown>(name: string, fn: F): ReturnType<F>;
    startActiveSpan<F extends (span: Span) => unknown>(name: string, options: SpanOptions, fn: F): ReturnType<F>;
    startActiveSpan<F extends (span: Span) => unknown>(name: string, options: SpanOptions, context: Context, fn: F): ReturnType<F>;
  }
  export const trace: { getTracer(name: string, version?: string): Tracer };
  export const context: { active(): Context };
  export const propagation: {
    inject<Carrier>(context: Context, carrier: Carrier): void;
    extract<Carrier>(context: Context, carrier: Carrier): Context;
  };
}
