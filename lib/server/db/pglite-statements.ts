import "server-only";
import { type messages, type PGlite, parse, protocol } from "@electric-sql/pglite";
import { GENERIC_PLANS, type Statement, type Transact, valuesOf } from "./statements";
import { pgliteTransactionWithin } from "./timeouts";

const { serialize } = protocol;

/**
 * The sync's statements on PGlite (db/statements.ts), run the way node-postgres runs them on
 * PostgreSQL: each is a named prepared statement, parsed once for the life of the database
 * and planned once (GENERIC_PLANS), and each call is one message to the WebAssembly backend
 * (Parse when new, Bind, Describe, Execute, Sync) instead of PGlite's `query`, which parses,
 * plans and answers in six. Planning the write statement alone cost more than running it
 * (5.9 ms to plan, 0.8 ms to execute, EXPLAIN ANALYZE): this took a sync from 3.4 to 1.0 ms of
 * CPU (docs/performance.md, "The sync server under load").
 *
 * The transaction is PGlite's own (it holds the one session and issues BEGIN and COMMIT or
 * ROLLBACK); the statements go to the session with `execProtocol`, which takes no lock, so they
 * run inside it. The deadline is the one every PGlite transaction has (pgliteTransactionWithin,
 * db/timeouts.ts); each statement also checks it before it is sent.
 */
export function pglitePreparedTransact(client: PGlite, timeoutMs: number): Transact {
  const prepared = new Set<string>();
  return (work) =>
    pgliteTransactionWithin(client, timeoutMs, (_tx, remaining) => {
      let first = true;
      return work({
        run: async <Row>(statement: Statement, values: unknown[] | Record<string, unknown>) => {
          remaining();
          const parts = first ? [serialize.query(GENERIC_PLANS)] : [];
          first = false;
          if (!prepared.has(statement.name)) parts.push(serialize.parse({ name: statement.name, text: statement.text }));
          const params = valuesOf(statement, values).map((value) => asText(value, statement.name));
          parts.push(serialize.bind({ statement: statement.name, values: params }), serialize.describe({ type: "P" }), serialize.execute({}), serialize.sync());
          const { messages } = await client.execProtocol(concat(parts), { syncToFs: false, throwOnError: false });
          // A statement is prepared once its Parse completed, even if its execution then failed.
          if (messages.some((m) => m.name === "parseComplete")) prepared.add(statement.name);
          const failure = messages.find((m): m is messages.DatabaseError => m.name === "error");
          if (failure) {
            // Should the session ever lose it (invalid_sql_statement_name), parse it again next time.
            if (failure.code === "26000") prepared.delete(statement.name);
            throw failure;
          }
          return (parse.parseResults(messages, client.parsers).at(-1)?.rows ?? []) as Row[];
        },
      });
    });
}

/** A parameter in PostgreSQL's text format; its type is the one the statement gives it. */
function asText(value: unknown, statement: string): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return arrayLiteral(value, statement);
  throw new TypeError(`${statement}: a parameter must be text, a number, a boolean, null or an array of them`);
}

/** `{"a","b\"c",NULL}`: every element quoted (so "NULL" the text stays text), `"` and `\` escaped. */
function arrayLiteral(values: readonly unknown[], statement: string): string {
  const elements = values.map((value) => {
    if (Array.isArray(value)) throw new TypeError(`${statement}: nested arrays are not supported`);
    const text = asText(value, statement);
    return text === null ? "NULL" : `"${text.replace(/["\\]/g, (c) => `\\${c}`)}"`;
  });
  return `{${elements.join(",")}}`;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const message = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    message.set(part, offset);
    offset += part.length;
  }
  return message;
}
