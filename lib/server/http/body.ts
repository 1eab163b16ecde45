import "server-only";
import type * as z from "zod";
import { ProblemError } from "./problem";

/** Most requests carry a few fields; sync passes its own, larger limit. */
export const DEFAULT_BODY_LIMIT = 16 * 1024;

/**
 * Reads the body as bytes, or null as soon as it passes `maxBytes`, whether or not the client
 * declared a Content-Length (a declared length over the limit is refused before reading, and a
 * stream that runs past it is cancelled): nothing larger is ever held in memory.
 */
export async function readBytesWithin(req: Request, maxBytes: number): Promise<Uint8Array<ArrayBuffer> | null> {
  const declared = Number(req.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > maxBytes) return null;
  if (!req.body) return new Uint8Array();
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** The body as bytes (readBytesWithin), refused with a 413 problem past `maxBytes`. */
export async function readBodyBytes(req: Request, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  const bytes = await readBytesWithin(req, maxBytes);
  if (!bytes) throw tooLarge(maxBytes);
  return bytes;
}

function tooLarge(maxBytes: number): ProblemError {
  return new ProblemError("payload-too-large", `The body may be at most ${maxBytes} bytes.`, { extensions: { maxBytes } });
}

/** The field-by-field list a client can show next to its inputs. */
export function issuesOf(error: z.ZodError): { field: string; message: string }[] {
  return error.issues.map((issue) => ({ field: issue.path.join(".") || "(body)", message: issue.message }));
}

/**
 * Parses a JSON body with a zod schema: 415 unless it says it is JSON, 413 past the limit,
 * 400 for bytes that are not JSON, 400 with every invalid field listed for the wrong shape.
 */
export async function readJsonBody<S extends z.ZodType>(
  req: Request,
  schema: S,
  { maxBytes = DEFAULT_BODY_LIMIT }: { maxBytes?: number } = {},
): Promise<z.output<S>> {
  const contentType = req.headers.get("content-type") ?? "";
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(contentType)) {
    throw new ProblemError("unsupported-media-type", "Send the body as application/json.");
  }
  const bytes = await readBodyBytes(req, maxBytes);
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    throw new ProblemError("malformed-request", "The body is not valid JSON.");
  }
  const result = schema.safeParse(data);
  if (!result.success) {
    const errors = issuesOf(result.error);
    throw new ProblemError("validation-failed", errors.map((e) => `${e.field}: ${e.message}`).join("; "), { extensions: { errors } });
  }
  return result.data;
}
