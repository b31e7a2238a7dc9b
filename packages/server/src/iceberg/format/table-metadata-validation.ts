/**
 * Checks a table metadata object against the fields the Iceberg v2 spec requires
 * (https://iceberg.apache.org/spec/#table-metadata-fields, #snapshots, #snapshot-references,
 * #schemas, Appendix C). Returns every problem at once, each naming its field — diagnostics are
 * data. Longs may be JS numbers or bigints (parseIcebergJson hands over bigints past 2^53).
 *
 * Beyond presence and types it checks what the spec states as relations between fields: the
 * current schema, default spec and default sort order exist; `current-snapshot-id` (unless -1)
 * is a listed snapshot and the `main` branch; `last-column-id` and `last-sequence-number` are
 * the highest assigned.
 */
type Json = Record<string, unknown>;

const OPERATIONS = new Set(['append', 'replace', 'overwrite', 'delete']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function tableMetadataProblems(value: unknown): string[] {
  const problems: string[] = [];
  if (!isObject(value)) return ['table metadata is not a JSON object'];
  const m = value;
  const need = (key: string, check: (v: unknown) => boolean, what: string) => {
    if (!(key in m) || m[key] === undefined) problems.push(`missing required field ${key}`);
    else if (!check(m[key])) problems.push(`${key} must be ${what}`);
  };
  need('format-version', (v) => v === 2, 'the integer 2');
  need('table-uuid', (v) => typeof v === 'string' && UUID.test(v), 'a UUID string');
  need('location', isText, 'a non-empty string');
  need('last-sequence-number', isLong, 'a non-negative long');
  need('last-updated-ms', isLong, 'a long (milliseconds since the epoch)');
  need('last-column-id', isInt, 'a non-negative integer');
  need('schemas', Array.isArray, 'a list of schemas');
  need('current-schema-id', isInt, 'an integer');
  need('partition-specs', Array.isArray, 'a list of partition specs');
  need('default-spec-id', isInt, 'an integer');
  need('last-partition-id', isInt, 'a non-negative integer');
  need('sort-orders', Array.isArray, 'a list of sort orders');
  need('default-sort-order-id', isInt, 'an integer');

  const schemas = Array.isArray(m.schemas) ? m.schemas : [];
  schemas.forEach((schema, index) => problems.push(...schemaProblems(schema, `schemas[${index}]`)));
  const schemaIds = schemas.filter(isObject).map((schema) => schema['schema-id']);
  if (isInt(m['current-schema-id']) && Array.isArray(m.schemas) && !schemaIds.includes(m['current-schema-id'])) {
    problems.push(`current-schema-id ${m['current-schema-id']} names no schema in schemas`);
  }
  const maxFieldId = Math.max(0, ...schemas.filter(isObject).map((schema) => maxId(schema.fields)));
  if (isInt(m['last-column-id']) && m['last-column-id'] < maxFieldId) {
    problems.push(`last-column-id ${m['last-column-id']} is below the highest field id ${maxFieldId}`);
  }

  const specs = Array.isArray(m['partition-specs']) ? m['partition-specs'] : [];
  specs.forEach((spec, index) => problems.push(...partitionSpecProblems(spec, `partition-specs[${index}]`)));
  if (
    isInt(m['default-spec-id']) &&
    specs.length > 0 &&
    !specs.some((s) => isObject(s) && s['spec-id'] === m['default-spec-id'])
  ) {
    problems.push(`default-spec-id ${m['default-spec-id']} names no spec in partition-specs`);
  }
  const orders = Array.isArray(m['sort-orders']) ? m['sort-orders'] : [];
  orders.forEach((order, index) => problems.push(...sortOrderProblems(order, `sort-orders[${index}]`)));
  if (
    isInt(m['default-sort-order-id']) &&
    orders.length > 0 &&
    !orders.some((o) => isObject(o) && o['order-id'] === m['default-sort-order-id'])
  ) {
    problems.push(`default-sort-order-id ${m['default-sort-order-id']} names no sort order in sort-orders`);
  }

  problems.push(...optionalProblems(m));
  return problems;
}

function optionalProblems(m: Json): string[] {
  const problems: string[] = [];
  if (
    m.properties !== undefined &&
    (!isObject(m.properties) || !Object.values(m.properties).every((v) => typeof v === 'string'))
  ) {
    problems.push('properties must map strings to strings');
  }
  const snapshots = m.snapshots === undefined ? [] : m.snapshots;
  if (!Array.isArray(snapshots)) problems.push('snapshots must be a list');
  else snapshots.forEach((snapshot, index) => problems.push(...snapshotProblems(snapshot, `snapshots[${index}]`)));
  const ids = Array.isArray(snapshots) ? snapshots.filter(isObject).map((s) => asLong(s['snapshot-id'])) : [];
  const current = m['current-snapshot-id'];
  if (current !== undefined && current !== null) {
    const id = asLong(current);
    if (id === undefined) problems.push('current-snapshot-id must be a long');
    else if (id !== -1n && !ids.includes(id)) problems.push(`current-snapshot-id ${id} names no snapshot in snapshots`);
  }
  if (isLong(m['last-sequence-number']) && Array.isArray(snapshots)) {
    const highest = snapshots
      .filter(isObject)
      .reduce((top, s) => (isLong(s['sequence-number']) ? bigMax(top, asLong(s['sequence-number'])!) : top), 0n);
    if (asLong(m['last-sequence-number'])! < highest) {
      problems.push(`last-sequence-number is below the highest snapshot sequence-number ${highest}`);
    }
  }
  if (m.refs !== undefined) {
    if (!isObject(m.refs)) problems.push('refs must be a map of snapshot references');
    else {
      for (const [name, ref] of Object.entries(m.refs)) {
        if (!isObject(ref) || asLong(ref['snapshot-id']) === undefined)
          problems.push(`refs.${name}.snapshot-id must be a long`);
        else if (ref.type !== 'branch' && ref.type !== 'tag') problems.push(`refs.${name}.type must be branch or tag`);
      }
      const main = isObject(m.refs.main) ? asLong(m.refs.main['snapshot-id']) : undefined;
      const currentId = current === undefined || current === null ? undefined : asLong(current);
      if (main !== undefined && currentId !== undefined && currentId !== -1n && main !== currentId) {
        problems.push('refs.main.snapshot-id must equal current-snapshot-id');
      }
    }
  }
  problems.push(...logProblems(m['snapshot-log'], 'snapshot-log', 'snapshot-id', (v) => asLong(v) !== undefined));
  problems.push(...logProblems(m['metadata-log'], 'metadata-log', 'metadata-file', isText));
  for (const key of ['statistics', 'partition-statistics']) {
    if (m[key] !== undefined && !Array.isArray(m[key])) problems.push(`${key} must be a list`);
  }
  return problems;
}

function snapshotProblems(value: unknown, at: string): string[] {
  if (!isObject(value)) return [`${at} must be an object`];
  const problems: string[] = [];
  if (asLong(value['snapshot-id']) === undefined) problems.push(`${at} is missing snapshot-id (a long)`);
  if (value['parent-snapshot-id'] !== undefined && asLong(value['parent-snapshot-id']) === undefined) {
    problems.push(`${at}.parent-snapshot-id must be a long`);
  }
  if (!isLong(value['sequence-number'])) problems.push(`${at} is missing sequence-number (a long)`);
  if (!isLong(value['timestamp-ms'])) problems.push(`${at} is missing timestamp-ms (a long)`);
  if (!isText(value['manifest-list'])) problems.push(`${at} is missing manifest-list (a location)`);
  const summary = value.summary;
  if (!isObject(summary)) problems.push(`${at} is missing summary`);
  else if (typeof summary.operation !== 'string' || !OPERATIONS.has(summary.operation)) {
    problems.push(`${at}.summary.operation must be append, replace, overwrite or delete`);
  }
  if (value['schema-id'] !== undefined && !isInt(value['schema-id']))
    problems.push(`${at}.schema-id must be an integer`);
  return problems;
}

function schemaProblems(value: unknown, at: string): string[] {
  if (!isObject(value)) return [`${at} must be an object`];
  const problems: string[] = [];
  if (value.type !== 'struct') problems.push(`${at}.type must be struct`);
  if (!isInt(value['schema-id'])) problems.push(`${at} is missing schema-id (an integer)`);
  problems.push(...fieldsProblems(value.fields, `${at}.fields`));
  return problems;
}

function fieldsProblems(fields: unknown, at: string): string[] {
  if (!Array.isArray(fields)) return [`${at} must be a list`];
  return fields.flatMap((field, index) => {
    const where = `${at}[${index}]`;
    if (!isObject(field)) return [`${where} must be an object`];
    const problems: string[] = [];
    if (!isInt(field.id)) problems.push(`${where} is missing id (an integer)`);
    if (!isText(field.name)) problems.push(`${where} is missing name`);
    if (typeof field.required !== 'boolean') problems.push(`${where} is missing required (a boolean)`);
    problems.push(...typeProblems(field.type, `${where}.type`));
    return problems;
  });
}

function typeProblems(type: unknown, at: string): string[] {
  if (isText(type)) return [];
  if (!isObject(type)) return [`${at} must be a type name or a nested type`];
  switch (type.type) {
    case 'struct':
      return fieldsProblems(type.fields, `${at}.fields`);
    case 'list':
      return [
        ...(isInt(type['element-id']) ? [] : [`${at} is missing element-id`]),
        ...(typeof type['element-required'] === 'boolean' ? [] : [`${at} is missing element-required`]),
        ...typeProblems(type.element, `${at}.element`),
      ];
    case 'map':
      return [
        ...(isInt(type['key-id']) ? [] : [`${at} is missing key-id`]),
        ...(isInt(type['value-id']) ? [] : [`${at} is missing value-id`]),
        ...(typeof type['value-required'] === 'boolean' ? [] : [`${at} is missing value-required`]),
        ...typeProblems(type.key, `${at}.key`),
        ...typeProblems(type.value, `${at}.value`),
      ];
    default:
      return [`${at}.type must be struct, list or map`];
  }
}

function partitionSpecProblems(value: unknown, at: string): string[] {
  if (!isObject(value)) return [`${at} must be an object`];
  const problems = isInt(value['spec-id']) ? [] : [`${at} is missing spec-id (an integer)`];
  if (!Array.isArray(value.fields)) return [...problems, `${at}.fields must be a list`];
  value.fields.forEach((field, index) => {
    const where = `${at}.fields[${index}]`;
    const source = isObject(field) && (isInt(field['source-id']) || Array.isArray(field['source-ids']));
    if (!isObject(field) || !source || !isInt(field['field-id']) || !isText(field.name) || !isText(field.transform)) {
      problems.push(`${where} needs source-id, field-id, name and transform`);
    }
  });
  return problems;
}

function sortOrderProblems(value: unknown, at: string): string[] {
  if (!isObject(value)) return [`${at} must be an object`];
  const problems = isInt(value['order-id']) ? [] : [`${at} is missing order-id (an integer)`];
  if (!Array.isArray(value.fields)) return [...problems, `${at}.fields must be a list`];
  value.fields.forEach((field, index) => {
    const where = `${at}.fields[${index}]`;
    const source = isObject(field) && (isInt(field['source-id']) || Array.isArray(field['source-ids']));
    if (
      !isObject(field) ||
      !source ||
      !isText(field.transform) ||
      (field.direction !== 'asc' && field.direction !== 'desc') ||
      (field['null-order'] !== 'nulls-first' && field['null-order'] !== 'nulls-last')
    ) {
      problems.push(
        `${where} needs transform, source-id, direction (asc|desc) and null-order (nulls-first|nulls-last)`,
      );
    }
  });
  return problems;
}

function logProblems(value: unknown, key: string, field: string, check: (v: unknown) => boolean): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) return [`${key} must be a list`];
  return value.flatMap((entry, index) =>
    isObject(entry) && isLong(entry['timestamp-ms']) && check(entry[field])
      ? []
      : [`${key}[${index}] needs timestamp-ms and ${field}`],
  );
}

function maxId(fields: unknown): number {
  if (!Array.isArray(fields)) return 0;
  return Math.max(
    0,
    ...fields.filter(isObject).map((field) => Math.max(isInt(field.id) ? field.id : 0, maxNestedId(field.type))),
  );
}

function maxNestedId(type: unknown): number {
  if (!isObject(type)) return 0;
  const own = [type['element-id'], type['key-id'], type['value-id']].filter(isInt);
  return Math.max(
    0,
    ...own,
    maxId(type.fields),
    maxNestedId(type.element),
    maxNestedId(type.key),
    maxNestedId(type.value),
  );
}

function asLong(value: unknown): bigint | undefined {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return BigInt(value);
  return undefined;
}

function bigMax(a: bigint, b: bigint): bigint {
  return a > b ? a : b;
}

function isLong(value: unknown): boolean {
  const long = asLong(value);
  return long !== undefined && long >= 0n;
}

function isInt(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= -1;
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
