/** Result encoders of the governed SQL gateway, for its front ends (HTTP API, CLI). */
export {
  RESULT_FORMATS,
  type EncodeOptions,
  type EncodeOutcome,
  type ReportedError,
  type ResultEncoder,
  type ResultFormat,
} from './encoder-types.js';
export { OutputClosedError, textSinkWriter, writableByteWriter, type ByteWriter } from './byte-writer.js';
export { prefetchFirstChunk, type PrefetchedStream } from './chunk-loop.js';
export { toJsonValue, jsonColumn, type JsonValue as ResultJsonValue } from './json-value.js';
export { csvCell } from './csv-encoder.js';
export { encoderFor, FORMAT_MEDIA_TYPES, negotiateFormat, type EncoderSettings } from './result-formats.js';
export { materializeParquet, type ParquetOptions, type ParquetResult } from './parquet-encoder.js';
export { loadArrow } from './arrow-encoder.js';
