/**
 * DCS `links` (a map of label → URL) → ODCS authoritative definitions, the label as `type`.
 * Entries whose value is not a string stay behind as a custom property named `links`.
 */
import type { KeyReader } from './dcs-key-reader.js';
import { isString, setMember, type JsonObject } from './dcs-values.js';

export function readLinks(reader: KeyReader): JsonObject[] {
  const links = reader.object('links');
  if (links === undefined) return [];
  const definitions: JsonObject[] = [];
  const rest: JsonObject = {};
  for (const [type, url] of Object.entries(links)) {
    if (isString(url)) definitions.push({ type, url });
    else setMember(rest, type, url);
  }
  if (Object.keys(rest).length > 0) reader.keep('links', rest);
  return definitions;
}
