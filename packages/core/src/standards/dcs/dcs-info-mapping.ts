/**
 * DCS `info` → ODCS name, version, status, description purpose, team and support.
 * The owner (a team name in DCS) becomes the ODCS team's name; the contact becomes support
 * channels: its URL as one channel, its email as a `mailto:` channel.
 */
import type { ConversionContext } from './dcs-conversion-context.js';
import { readKeys } from './dcs-key-reader.js';
import { readLinks } from './dcs-links-mapping.js';
import { childPointer, isFiniteNumber, type CustomProperty, type JsonObject } from './dcs-values.js';

export interface InfoConversion {
  readonly name?: string;
  /** Undefined when info has no usable version, which ODCS requires (reported as an error). */
  readonly version?: string;
  readonly status: string;
  readonly purpose?: string;
  readonly team?: JsonObject;
  readonly support: JsonObject[];
  /** Links of the info section (DCS 0.9), as document-level authoritative definitions. */
  readonly authoritativeDefinitions: JsonObject[];
  /** Members with no ODCS place, for the document's custom properties. */
  readonly customProperties: CustomProperty[];
}

export function convertInfo(info: JsonObject, pointer: string, context: ConversionContext): InfoConversion {
  const reader = readKeys(info, pointer, context);
  const name = reader.string('title');
  const version = readVersion(reader.take('version'), childPointer(pointer, 'version'), context, (v) =>
    reader.keep('version', v),
  );
  let status = reader.string('status');
  if (status === undefined) {
    context.report(
      'MW5113',
      'info',
      childPointer(pointer, 'status'),
      'info has no status; the contract was imported as "draft"',
    );
    status = 'draft';
  }
  const purpose = reader.string('description');
  const owner = reader.string('owner');
  const contact = reader.object('contact');
  const support = contact === undefined ? [] : convertContact(contact, childPointer(pointer, 'contact'), context);
  const authoritativeDefinitions = readLinks(reader);
  return {
    name,
    version,
    status,
    purpose,
    team: owner === undefined ? undefined : { name: owner },
    support,
    authoritativeDefinitions,
    customProperties: reader.leftovers(),
  };
}

function readVersion(
  raw: unknown,
  pointer: string,
  context: ConversionContext,
  keep: (value: unknown) => void,
): string | undefined {
  if (typeof raw === 'string') return raw;
  if (isFiniteNumber(raw)) {
    // YAML reads `version: 1.0` as the number 1; quote versions to keep them exact.
    context.report('MW5112', 'warning', pointer, `version ${raw} is a number; it was imported as "${String(raw)}"`);
    return String(raw);
  }
  if (raw !== undefined && raw !== null) keep(raw);
  context.report('MW5104', 'error', pointer, 'info.version is missing; ODCS requires a version');
  return undefined;
}

function convertContact(contact: JsonObject, pointer: string, context: ConversionContext): JsonObject[] {
  const reader = readKeys(contact, pointer, context);
  const name = reader.string('name');
  const url = reader.string('url');
  const email = reader.string('email');
  const channels: JsonObject[] = [];
  if (url !== undefined) channels.push({ channel: name ?? 'contact', url });
  if (email !== undefined) channels.push({ channel: name ?? 'email', url: `mailto:${email}`, tool: 'email' });
  if (channels.length === 0) channels.push({ channel: name ?? 'contact' });
  const leftovers = reader.leftovers();
  if (leftovers.length > 0) channels[0] = { ...channels[0], customProperties: leftovers };
  return channels;
}
