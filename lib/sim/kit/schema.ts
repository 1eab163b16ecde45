/**
 * Record schemas and the two ways of putting a record on the wire, for demos about schema
 * evolution. A field has a name, a number, a type, and is required or optional with a default.
 * `json` keys the wire by field name; `binary` keys it by field number and carries the wire
 * type (as protobuf does: an int and another int look the same). Decoding is the tolerant
 * reader: unknown keys are ignored, a missing optional field takes its default, a missing
 * required field or a wire type the reader does not expect rejects the record.
 */

export type FieldType = "int" | "string";
export type FieldValue = number | string;
export type WireFormat = "json" | "binary";

export interface FieldSpec {
  readonly name: string;
  readonly number: number;
  readonly type: FieldType;
  /** A required field must be present; an optional one falls back to `default`. */
  readonly required: boolean;
  readonly default?: FieldValue;
}

export interface Schema {
  readonly version: number;
  readonly fields: readonly FieldSpec[];
}

/** What travels: field values keyed by name (json) or by number (binary), with their wire type. */
export type Wire = ReadonlyMap<string, { readonly type: FieldType; readonly value: FieldValue }>;

export type Decoded =
  | { readonly ok: true; readonly record: Readonly<Record<string, FieldValue>>; readonly defaulted: readonly string[] }
  | { readonly ok: false; readonly reason: string };

const keyOf = (field: FieldSpec, format: WireFormat): string => (format === "json" ? field.name : `#${field.number}`);

/** Writes the schema's fields that the record has; a required field the record lacks is an error. */
export function encode(schema: Schema, record: Readonly<Record<string, FieldValue>>, format: WireFormat): Wire {
  const wire = new Map<string, { type: FieldType; value: FieldValue }>();
  for (const field of schema.fields) {
    const value = record[field.name];
    if (value === undefined) {
      if (field.required) throw new Error(`encode: required field ${field.name} is missing`);
      continue;
    }
    wire.set(keyOf(field, format), { type: field.type, value });
  }
  return wire;
}

/** Reads a wire record with the reader's schema, tolerantly (see the module comment). */
export function decode(schema: Schema, wire: Wire, format: WireFormat): Decoded {
  const record: Record<string, FieldValue> = {};
  const defaulted: string[] = [];
  for (const field of schema.fields) {
    const found = wire.get(keyOf(field, format));
    if (found === undefined) {
      if (field.required || field.default === undefined) return { ok: false, reason: `required field ${field.name} is missing` };
      record[field.name] = field.default;
      defaulted.push(field.name);
      continue;
    }
    if (found.type !== field.type) return { ok: false, reason: `field ${field.name} has type ${found.type}, not ${field.type}` };
    record[field.name] = found.value;
  }
  return { ok: true, record, defaulted };
}
