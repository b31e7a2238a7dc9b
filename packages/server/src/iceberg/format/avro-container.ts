/**
 * Avro object container files, encoded with avsc: a header (magic, key-value metadata, sync
 * marker) and one block of records. Written by hand around avsc's types rather than with its
 * BlockEncoder stream for two reasons: the header must carry the schema exactly as given — with
 * Iceberg's `field-id`, `element-id` and `logicalType: map` attributes, which avsc drops when it
 * re-exports a parsed schema — and `long`s must be `bigint`s (snapshot ids pass 2^53).
 */
import { randomBytes } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';
import avro from 'avsc';

/** avsc's `long` as a JS `bigint`, both ways. */
const BIGINT_LONG = avro.types.LongType.__with({
  fromBuffer: (buffer: Buffer) => buffer.readBigInt64LE(),
  toBuffer: (value: bigint) => {
    const buffer = Buffer.alloc(8);
    buffer.writeBigInt64LE(BigInt(value));
    return buffer;
  },
  fromJSON: (value: unknown) => BigInt(value as string),
  toJSON: (value: bigint) => Number(value),
  isValid: (value: unknown) => typeof value === 'bigint',
  compare: (a: bigint, b: bigint) => (a < b ? -1 : a > b ? 1 : 0),
});

const HEADER = avro.Type.forSchema({
  type: 'record',
  name: 'org.apache.avro.file.Header',
  fields: [
    { name: 'magic', type: { type: 'fixed', name: 'Magic', size: 4 } },
    { name: 'meta', type: { type: 'map', values: 'bytes' } },
    { name: 'sync', type: { type: 'fixed', name: 'Sync', size: 16 } },
  ],
});
const LONG = avro.Type.forSchema('long');
const MAGIC = Buffer.from([0x4f, 0x62, 0x6a, 0x01]); // "Obj" 1

/** An avsc type whose `long`s are bigints. */
export function avroType(schema: object): avro.Type {
  return avro.Type.forSchema(schema as avro.Schema, { registry: { long: BIGINT_LONG } });
}

// Building an avsc type costs milliseconds; the same few schemas are written and read over and over.
const typesBySchema = new WeakMap<object, avro.Type>();
const typesByText = new Map<string, avro.Type>();
const TYPES_BY_TEXT_LIMIT = 32;

function cachedType(schema: object): avro.Type {
  let type = typesBySchema.get(schema);
  if (!type) typesBySchema.set(schema, (type = avroType(schema)));
  return type;
}

function cachedTypeOfText(text: string): avro.Type {
  let type = typesByText.get(text);
  if (!type) {
    if (typesByText.size >= TYPES_BY_TEXT_LIMIT) typesByText.clear();
    typesByText.set(text, (type = avroType(JSON.parse(text) as object)));
  }
  return type;
}

/** A container file of `records` written with `schema` (kept verbatim in the header). */
export function encodeAvroFile(
  schema: object,
  records: readonly unknown[],
  metadata: Readonly<Record<string, string>>,
): Buffer {
  const type = cachedType(schema);
  const sync = randomBytes(16);
  const meta: Record<string, Buffer> = {
    'avro.schema': Buffer.from(JSON.stringify(schema)),
    'avro.codec': Buffer.from('null'),
  };
  for (const [key, value] of Object.entries(metadata)) meta[key] = Buffer.from(value);
  const parts = [HEADER.toBuffer({ magic: MAGIC, meta, sync })];
  if (records.length > 0) {
    const body = Buffer.concat(records.map((record) => type.toBuffer(record)));
    parts.push(LONG.toBuffer(records.length), LONG.toBuffer(body.length), body, sync);
  }
  return Buffer.concat(parts);
}

export interface AvroFile {
  /** The writer's schema, as the header holds it (with every attribute). */
  readonly schema: Record<string, unknown>;
  /** Key-value metadata other than `avro.schema` and `avro.codec`, as text. */
  readonly metadata: Readonly<Record<string, string>>;
  readonly records: readonly Record<string, unknown>[];
}

/** Reads a container file (codec `null` or `deflate`); throws on anything malformed. */
export function decodeAvroFile(buffer: Buffer): AvroFile {
  if (buffer.length < 4 || !buffer.subarray(0, 4).equals(MAGIC)) throw new Error('not an Avro container file');
  const header = HEADER.decode(buffer, 0);
  if (header.offset < 0) throw new Error('truncated Avro header');
  const { meta, sync } = header.value as { meta: Record<string, Buffer>; sync: Buffer };
  const schemaText = meta['avro.schema']?.toString() ?? 'null';
  const schema = JSON.parse(schemaText) as Record<string, unknown>;
  const codec = meta['avro.codec']?.toString() ?? 'null';
  if (codec !== 'null' && codec !== 'deflate') throw new Error(`unsupported Avro codec ${codec}`);
  const type = cachedTypeOfText(schemaText);
  const records: Record<string, unknown>[] = [];
  let offset = header.offset;
  while (offset < buffer.length) {
    const count = LONG.decode(buffer, offset);
    const size = LONG.decode(buffer, count.offset);
    if (count.offset < 0 || size.offset < 0) throw new Error('truncated Avro block');
    const start = size.offset;
    const end = start + (size.value as number);
    if (end + 16 > buffer.length || !buffer.subarray(end, end + 16).equals(sync)) throw new Error('bad Avro block');
    let block = buffer.subarray(start, end);
    if (codec === 'deflate') block = inflateRawSync(block);
    let at = 0;
    for (let n = 0; n < (count.value as number); n += 1) {
      const record = type.decode(block, at);
      if (record.offset < 0) throw new Error('truncated Avro record');
      records.push(record.value as Record<string, unknown>);
      at = record.offset;
    }
    offset = end + 16;
  }
  const metadata = Object.fromEntries(
    Object.entries(meta)
      .filter(([key]) => key !== 'avro.schema' && key !== 'avro.codec')
      .map(([key, value]) => [key, value.toString()]),
  );
  return { schema, metadata, records };
}
