/**
 * A restored audit chain must verify and end exactly at the head backup.json recorded: a chain
 * alone cannot show that its newest events were cut off, the recorded head can.
 */
import { InputError } from '@meshwork/core';
import type { AuditVerification } from '../../metadata/metadata-types.js';
import type { AuditHead } from './backup-manifest.js';

export function assertAuditMatches(result: AuditVerification, expected: AuditHead | null, backup: string): void {
  if (!result.ok) {
    throw new InputError(
      'MW8318',
      `the audit log in ${backup} does not verify at event ${result.firstBadSeq}: ${result.reason}; nothing was restored`,
    );
  }
  const head = expected ?? { seq: 0, hash: undefined };
  if (result.count !== head.seq || (expected !== null && result.headHash !== expected.hash)) {
    throw new InputError(
      'MW8318',
      `the audit log in ${backup} ends at event ${result.count}, but backup.json records its head at event ${head.seq}; nothing was restored`,
    );
  }
}
