/**
 * Reads an Avro container file with avsc's own file decoder — an independent reader of what
 * avro-container.ts writes — with `long`s as bigints, and the header's schema and metadata.
 */
import avro from 'avsc';
import { avroType } from '../avro-container.js';

export interface AvscFile {
  readonly schema: Record<string, unknown>;
  readonly metadata: Record<string, string | undefined>;
  readonly records: Record<string, unknown>[];
}

export function readAvroWithAvsc(path: string): Promise<AvscFile> {
  return new Promise((resolve, reject) => {
    const records: Record<string, unknown>[] = [];
    let schema: Record<string, unknown> = {};
    let metadata: Record<string, string> = {};
    avro
      .createFileDecoder(path, { parseHook: (s: unknown) => avroType(s as object) } as unknown as avro.DecoderOptions)
      .on('metadata', (_type: unknown, _codec: unknown, header: { meta: Record<string, Buffer> }) => {
        schema = JSON.parse(header.meta['avro.schema']!.toString()) as Record<string, unknown>;
        metadata = Object.fromEntries(Object.entries(header.meta).map(([key, value]) => [key, value.toString()]));
      })
      .on('data', (record: Record<string, unknown>) => records.push({ ...record }))
      .on('error', reject)
      .on('end', () => resolve({ schema, metadata, records }));
  });
}
