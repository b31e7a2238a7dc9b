/**
 * A plain, accessible table over TanStack Table's core row model: a caption, column headers,
 * one row per item. The markup and its keyboard behaviour are ours: the table sits in a focusable
 * scrolling region, so a wide table scrolls with the arrow keys, not only with a mouse.
 */
import { tableFeatures, useTable, type ColumnDef, type RowData } from '@tanstack/react-table';

export const dataTableFeatures = tableFeatures({});
export type DataTableFeatures = typeof dataTableFeatures;
/**
 * Each column has its own value type, so a list of them is `any` in its value, as TanStack's own
 * `columnHelper.columns([...])` returns it (the value type is invariant: no narrower type fits).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type DataTableColumns<TData extends RowData> = ColumnDef<DataTableFeatures, TData, any>[];

export interface DataTableProps<TData extends RowData> {
  /** Names the table for screen readers (and the scrolling region around it). */
  readonly caption: string;
  /** Stable between renders (module scope or useMemo): a new array rebuilds every row. */
  readonly columns: DataTableColumns<TData>;
  readonly data: TData[];
  readonly getRowId?: (row: TData, index: number) => string;
  readonly className?: string;
}

export function DataTable<TData extends RowData>({
  caption,
  columns,
  data,
  getRowId,
  className,
}: DataTableProps<TData>) {
  const table = useTable({
    features: dataTableFeatures,
    columns,
    data,
    ...(getRowId ? { getRowId } : {}),
  });
  return (
    // A scrollable region must be reachable by keyboard to be scrolled by keyboard.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
    <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table className={className}>
        <caption>{caption}</caption>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => (
                <th key={header.id} scope="col">
                  {header.isPlaceholder ? null : <table.FlexRender header={header} />}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id}>
              {row.getAllCells().map((cell) => (
                <td key={cell.id}>
                  <table.FlexRender cell={cell} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
