/**
 * A column's type as the schema and contract tables show it: the physical type, with the
 * logical type beside it when both are declared.
 */
export interface TypedColumn {
  readonly logicalType: string | null;
  readonly physicalType: string | null;
}

/** The text a type column sorts and filters on. */
export const columnTypeText = (column: TypedColumn): string => column.physicalType ?? column.logicalType ?? '—';

export function ColumnType({ column }: { readonly column: TypedColumn }) {
  return (
    <>
      {columnTypeText(column)}
      {column.logicalType && column.physicalType && <span className="muted"> ({column.logicalType})</span>}
    </>
  );
}
