/**
 * DCS `servers` (a map by name) → ODCS `servers` (a list with `server` as the name).
 * The type is kept when ODCS knows it and the server has the fields ODCS requires for it;
 * otherwise the server becomes an ODCS `custom` server, the DCS type kept as `dcsType`.
 */
import type { ConversionContext } from './dcs-conversion-context.js';
import { readKeys } from './dcs-key-reader.js';
import { encodeAsUri, isUri } from './dcs-odcs-shapes.js';
import { ODCS_SERVER_TYPES, type ServerFieldKind } from './dcs-server-types.js';
import {
  childPointer,
  compact,
  customProperty,
  isInteger,
  isObject,
  isString,
  type CustomProperty,
  type JsonObject,
} from './dcs-values.js';

export function convertServers(raw: JsonObject, pointer: string, context: ConversionContext): JsonObject[] {
  return Object.entries(raw).map(([name, server]) => convertServer(name, server, childPointer(pointer, name), context));
}

function convertServer(name: string, raw: unknown, pointer: string, context: ConversionContext): JsonObject {
  if (!isObject(raw)) {
    context.report(
      'MW5112',
      'warning',
      pointer,
      `server "${name}" should be an object; it was kept as a custom server`,
    );
    return { server: name, type: 'custom', customProperties: [customProperty('server', raw)] };
  }
  const reader = readKeys(raw, pointer, context);
  const dcsType = reader.string('type');
  const common = compact({
    description: reader.string('description'),
    environment: reader.string('environment'),
    roles: convertRoles(reader.take('roles'), childPointer(pointer, 'roles'), context),
  });
  const connection = Object.fromEntries(
    Object.keys(raw)
      .filter((key) => !['type', 'description', 'environment', 'roles'].includes(key))
      .map((key) => [key, reader.take(key)]),
  );
  const leftovers = reader.leftovers();

  const candidate = dcsType?.toLowerCase();
  const typed = candidate !== undefined && Object.hasOwn(ODCS_SERVER_TYPES, candidate) ? candidate : undefined;
  if (typed !== undefined) {
    const mapped = mapConnection(typed, connection, pointer, context);
    if (mapped.missing.length === 0) {
      return serverObject(name, typed, common, mapped.fields, [...mapped.kept, ...leftovers]);
    }
    context.report(
      'MW5108',
      'warning',
      pointer,
      `server "${name}" lacks ${mapped.missing.join(', ')} that ODCS requires for type ${typed}; it was imported as a custom server`,
    );
  } else {
    const why = dcsType === undefined ? 'has no type' : `has type "${dcsType}", which ODCS does not know`;
    context.report('MW5108', 'warning', pointer, `server "${name}" ${why}; it was imported as a custom server`);
  }
  const mapped = mapConnection('custom', connection, pointer, context);
  const original = dcsType === undefined ? [] : [customProperty('dcsType', dcsType)];
  return serverObject(name, 'custom', common, mapped.fields, [...original, ...mapped.kept, ...leftovers]);
}

function serverObject(
  name: string,
  type: string,
  common: JsonObject,
  fields: JsonObject,
  customProperties: CustomProperty[],
): JsonObject {
  return compact({ server: name, type, ...common, ...fields, customProperties });
}

function mapConnection(
  type: string,
  connection: JsonObject,
  pointer: string,
  context: ConversionContext,
): { fields: JsonObject; kept: CustomProperty[]; missing: string[] } {
  const spec = ODCS_SERVER_TYPES[type]!;
  const fields: JsonObject = {};
  const kept: CustomProperty[] = [];
  for (const [key, value] of Object.entries(connection)) {
    const kind = Object.hasOwn(spec.fields, key) ? spec.fields[key] : undefined;
    const fitted = kind === undefined ? undefined : fit(kind, value);
    if (fitted === undefined) {
      kept.push(customProperty(key, value));
      continue;
    }
    fields[key] = fitted;
    if (fitted !== value) {
      // Encoded to be a URI: keep the original too, placeholders such as {model} included.
      kept.push(customProperty(key, value));
      context.report(
        'MW5114',
        'info',
        childPointer(pointer, key),
        `"${String(value)}" was percent-encoded to be a URI`,
      );
    }
  }
  return { fields, kept, missing: spec.required.filter((key) => !Object.hasOwn(fields, key)) };
}

function fit(kind: ServerFieldKind, value: unknown): unknown {
  switch (kind) {
    case 'string':
      return isString(value) ? value : undefined;
    case 'integer':
      return isInteger(value) ? value : undefined;
    case 'uri':
      return isUri(value) ? value : isString(value) ? encodeAsUri(value) : undefined;
    case 'sftpUri': {
      const uri = fit('uri', value);
      return isString(uri) && uri.startsWith('sftp://') ? uri : undefined;
    }
  }
}

function convertRoles(raw: unknown, pointer: string, context: ConversionContext): JsonObject[] | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (!Array.isArray(raw)) {
    context.report('MW5112', 'warning', pointer, '"roles" should be a list; it was kept as a role');
    return [{ role: 'roles', customProperties: [customProperty('roles', raw)] }];
  }
  return raw.map((role, index) => {
    const rolePointer = childPointer(pointer, index);
    if (!isObject(role)) {
      context.report('MW5112', 'warning', rolePointer, 'a role should be an object; it was kept as a custom property');
      return { role: String(index), customProperties: [customProperty('role', role)] };
    }
    const reader = readKeys(role, rolePointer, context);
    const name = reader.string('name');
    if (name === undefined) {
      context.report('MW5112', 'warning', rolePointer, `role ${index} has no name; it was named "${index}"`);
    }
    const members = compact({
      role: name ?? String(index),
      description: reader.string('description'),
      access: reader.string('access'),
      firstLevelApprovers: reader.string('firstLevelApprovers'),
      secondLevelApprovers: reader.string('secondLevelApprovers'),
    });
    return compact({ ...members, customProperties: reader.leftovers() });
  });
}
