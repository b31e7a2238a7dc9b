/**
 * An agreement's state in one word for people: the stored status, refined by the clock the way
 * the server decides access (an approved agreement grants access only between its start and its
 * end), with a tone so badges can colour it — the word always says it, the colour only helps.
 */
import type { Agreement } from './access-types.js';

export type StateTone = 'good' | 'waiting' | 'bad' | 'neutral';

export interface AgreementState {
  readonly label: string;
  readonly tone: StateTone;
}

export function agreementState(
  agreement: Pick<Agreement, 'status' | 'active' | 'startsAt'>,
  now: Date,
): AgreementState {
  switch (agreement.status) {
    case 'pending':
      return { label: 'pending', tone: 'waiting' };
    case 'approved':
      if (agreement.active) return { label: 'active', tone: 'good' };
      // Approved but not in force: it starts later, or it ended and the sweeper has not recorded it yet.
      return Date.parse(agreement.startsAt) > now.getTime()
        ? { label: 'approved, not started', tone: 'waiting' }
        : { label: 'ended', tone: 'neutral' };
    case 'rejected':
      return { label: 'rejected', tone: 'bad' };
    case 'revoked':
      return { label: 'revoked', tone: 'bad' };
    case 'cancelled':
      return { label: 'cancelled', tone: 'neutral' };
    case 'expired':
      return { label: 'expired', tone: 'neutral' };
  }
}
