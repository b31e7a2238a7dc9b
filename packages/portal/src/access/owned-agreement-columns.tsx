/** The owner's table of agreements on their products: consumer, port, period, days left, Revoke. */
import { createColumnHelper } from '@tanstack/react-table';
import type { DataTableColumns, DataTableFeatures } from '../components/data-table.js';
import type { Agreement } from './access-types.js';
import { Decision, FirstDay, LastDay, ProductPort, Remaining, StateBadge } from './agreement-parts.js';
import { NoteStep } from './step-controls.js';

const column = createColumnHelper<DataTableFeatures, Agreement>();

export const ownedAgreementColumns = column.columns([
  column.accessor('principalId', { header: 'Consumer' }),
  column.accessor('productId', {
    header: 'Product and port',
    cell: (info) => <ProductPort agreement={info.row.original} />,
  }),
  column.accessor('purpose', { header: 'Purpose' }),
  column.accessor('startsAt', { header: 'From', cell: (info) => <FirstDay agreement={info.row.original} /> }),
  column.accessor('endsAt', { header: 'Through', cell: (info) => <LastDay agreement={info.row.original} /> }),
  column.display({ id: 'remaining', header: 'Days left', cell: (info) => <Remaining agreement={info.row.original} /> }),
  column.accessor('status', {
    header: 'Status',
    cell: (info) => (
      <>
        <StateBadge agreement={info.row.original} /> <Decision agreement={info.row.original} />
      </>
    ),
  }),
  column.display({
    id: 'actions',
    header: 'Actions',
    cell: (info) => {
      const agreement = info.row.original;
      // Revocable while approved and not ended (a later start may still be revoked).
      const revocable = agreement.status === 'approved' && Date.parse(agreement.endsAt) > Date.now();
      return revocable ? (
        <NoteStep
          agreement={agreement}
          step="revoke"
          openLabel="Revoke"
          noteLabel="Reason for revoking"
          submitLabel="Revoke agreement"
        />
      ) : null;
    },
  }),
]) satisfies DataTableColumns<Agreement>;
