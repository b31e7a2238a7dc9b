/**
 * The parts of a raw ODCS schema object the checks need, read defensively: the document was
 * validated upstream, but the checks must never crash on a shape they did not expect — a
 * field of the wrong type simply reads as absent.
 */

export type RawRecord = Readonly<Record<string, unknown>>;

export interface ColumnSpec {
  /** The ODCS property `name`. */
  readonly property: string;
  /** The column in the data: the property's `physicalName`, else its `name`. */
  readonly column: string;
  readonly logicalType?: string;
  readonly physicalType?: string;
  readonly required: boolean;
  readonly unique: boolean;
  readonly primaryKey: boolean;
  readonly primaryKeyPosition?: number;
  readonly options: RawRecord;
  readonly quality: readonly RawRecord[];
}

/** Quality rules of a property nested in a column (`address.zip`, `tags[]`). */
export interface NestedRules {
  readonly path: string;
  readonly rules: readonly RawRecord[];
}

export interface TableSpec {
  /** The object's `physicalName`, else its `name`: what SQL rules call the table. */
  readonly table: string;
  readonly columns: readonly ColumnSpec[];
  readonly quality: readonly RawRecord[];
  readonly nestedQuality: readonly NestedRules[];
}

export function readTableSpec(schemaObject: object): TableSpec {
  const raw = asRecord(schemaObject) ?? {};
  const name = text(raw.physicalName) ?? text(raw.name) ?? 'table';
  const properties = Array.isArray(raw.properties) ? raw.properties : [];
  return {
    table: name,
    columns: properties.flatMap((property) => {
      const column = readColumn(property);
      return column ? [column] : [];
    }),
    quality: records(raw.quality),
    nestedQuality: properties.flatMap((property) => {
      const record = asRecord(property);
      const name = text(record?.physicalName) ?? text(record?.name);
      return record && name ? nestedRules(record, name) : [];
    }),
  };
}

/** The quality rules below a property, through `properties` (objects) and `items` (arrays). */
function nestedRules(property: RawRecord, path: string): NestedRules[] {
  const children = Array.isArray(property.properties) ? property.properties : [];
  const found = children.flatMap((child) => {
    const record = asRecord(child);
    const name = text(record?.physicalName) ?? text(record?.name);
    if (!record || !name) return [];
    const own = records(record.quality);
    return [
      ...(own.length > 0 ? [{ path: `${path}.${name}`, rules: own }] : []),
      ...nestedRules(record, `${path}.${name}`),
    ];
  });
  const items = asRecord(property.items);
  if (items) {
    const own = records(items.quality);
    found.push(...(own.length > 0 ? [{ path: `${path}[]`, rules: own }] : []), ...nestedRules(items, `${path}[]`));
  }
  return found;
}

/** The primary key columns in key order (`primaryKeyPosition`, then declaration order). */
export function primaryKeyColumns(spec: TableSpec): ColumnSpec[] {
  const keyed = spec.columns.filter((column) => column.primaryKey);
  return keyed
    .map((column, index) => ({ column, index }))
    .sort((a, b) => position(a.column, a.index) - position(b.column, b.index))
    .map(({ column }) => column);
}

function position(column: ColumnSpec, index: number): number {
  const declared = column.primaryKeyPosition;
  // ODCS defaults the position to -1 ("not given"): those keep declaration order, after the others.
  return declared !== undefined && declared > 0 ? declared : 1_000_000 + index;
}

function readColumn(value: unknown): ColumnSpec | undefined {
  const raw = asRecord(value);
  const property = text(raw?.name);
  if (!raw || property === undefined) return undefined;
  return {
    property,
    column: text(raw.physicalName) ?? property,
    logicalType: text(raw.logicalType),
    physicalType: text(raw.physicalType),
    required: raw.required === true,
    unique: raw.unique === true,
    primaryKey: raw.primaryKey === true,
    primaryKeyPosition: typeof raw.primaryKeyPosition === 'number' ? raw.primaryKeyPosition : undefined,
    options: asRecord(raw.logicalTypeOptions) ?? {},
    quality: records(raw.quality),
  };
}

export function asRecord(value: unknown): RawRecord | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as RawRecord) : undefined;
}

function records(value: unknown): RawRecord[] {
  return Array.isArray(value) ? value.map((item) => asRecord(item) ?? {}) : [];
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
