/**
 * A commit's requirements checked against the table as it is now. The first one that does not
 * hold fails the commit with 409 CommitFailedException (MW8260) naming the requirement, what the
 * client expected and what the table has, so the client can reload and retry knowingly.
 */
import { ConflictError } from '@meshwork/core';
import type { IcebergTableMetadata } from '../table-metadata.js';
import type { TableRequirement } from './commit-request.js';

const INT_FIELDS = {
  'assert-last-assigned-field-id': ['last-column-id', 'last assigned field id'],
  'assert-current-schema-id': ['current-schema-id', 'current schema id'],
  'assert-last-assigned-partition-id': ['last-partition-id', 'last assigned partition id'],
  'assert-default-spec-id': ['default-spec-id', 'default spec id'],
  'assert-default-sort-order-id': ['default-sort-order-id', 'default sort order id'],
} as const;

/** `current` is undefined when the table does not exist (a create transaction). */
export function checkRequirements(
  requirements: readonly TableRequirement[],
  current: IcebergTableMetadata | undefined,
  table: string,
): void {
  requirements.forEach((requirement, index) => {
    const failure = failureOf(requirement, current);
    if (failure !== undefined) {
      throw new ConflictError(
        'MW8260',
        `commit to ${table} failed: requirement ${index} (${requirement.type}) does not hold: ${failure}; reload the table and retry`,
      );
    }
  });
}

function failureOf(requirement: TableRequirement, current: IcebergTableMetadata | undefined): string | undefined {
  if (requirement.type === 'assert-create') return current ? 'the table already exists' : undefined;
  if (!current) return 'the table does not exist yet';
  switch (requirement.type) {
    case 'assert-table-uuid':
      return requirement.uuid.toLowerCase() === current['table-uuid'].toLowerCase()
        ? undefined
        : `expected table uuid ${requirement.uuid}, the table's is ${current['table-uuid']}`;
    case 'assert-ref-snapshot-id': {
      const ref = current.refs?.[requirement.ref];
      if (requirement.snapshotId === null) {
        return ref === undefined
          ? undefined
          : `expected ref ${requirement.ref} not to exist, it points to snapshot ${ref['snapshot-id']}`;
      }
      if (ref === undefined) {
        return `expected ref ${requirement.ref} at snapshot ${requirement.snapshotId}, the ref does not exist`;
      }
      return ref['snapshot-id'] === requirement.snapshotId
        ? undefined
        : `expected ref ${requirement.ref} at snapshot ${requirement.snapshotId}, it is at snapshot ${ref['snapshot-id']}`;
    }
    default: {
      const [field, label] = INT_FIELDS[requirement.type];
      const actual = current[field];
      return actual === requirement.value
        ? undefined
        : `expected ${label} ${requirement.value}, the table's is ${actual}`;
    }
  }
}
