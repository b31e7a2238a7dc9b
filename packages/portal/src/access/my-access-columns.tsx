/** The tables of "My access": my agreements (with days left) and my requests (with the decision). */
import { createColumnHelper } from '@tanstack/react-table';
import type { DataTableColumns, DataTableFeatures } from '../components/data-table.js';
import type { Agreement } from './access-types.js';
import { Decision, FirstDay, LastDay, ProductPort, Remaining, StateBadge } from './agreement-parts.js';
import { StepButton } from './step-controls.js';

const column = createColumnHelper<DataTableFeatures, Agreement>();

const productPort = column.accessor('productId', {
  header: 'Product and port',
  cell: (info) => <ProductPort agreement={info.row.original} />,
});
const purpose = column.accessor('purpose', { header: 'Purpose' });
const from = column.accessor('startsAt', {
  header: 'From',
  cell: (info) => <FirstDay agreement={info.row.original} />,
});
const through = column.accessor('endsAt', {
  header: 'Through',
  cell: (info) => <LastDay agreement={info.row.original} />,
});
const state = column.accessor('status', {
  header: 'Status',
  cell: (info) => <StateBadge agreement={info.row.original} />,
});

export const myAgreementColumns = column.columns([
  productPort,
  purpose,
  from,
  through,
  column.display({ id: 'remaining', header: 'Days left', cell: (info) => <Remaining agreement={info.row.original} /> }),
  state,
]) satisfies DataTableColumns<Agreement>;

export const myRequestColumns = column.columns([
  productPort,
  purpose,
  from,
  through,
  state,
  column.display({ id: 'decision', header: 'Decision', cell: (info) => <Decision agreement={info.row.original} /> }),
  column.display({
    id: 'actions',
    header: 'Actions',
    cell: (info) =>
      info.row.original.status === 'pending' ? (
        <StepButton agreement={info.row.original} step="cancel">
          Cancel request
        </StepButton>
      ) : null,
  }),
]) satisfies DataTableColumns<Agreement>;
