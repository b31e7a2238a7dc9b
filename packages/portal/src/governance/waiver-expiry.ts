/**
 * How close a waiver is to its end, for the dashboard to highlight: expired (the server says so),
 * expiring soon (within 30 days), or in force. A waiver applies through its `expires` day (UTC).
 */
import type { Waiver } from './governance-types.js';

export const EXPIRING_SOON_DAYS = 30;
const DAY = 86_400_000;

export type WaiverExpiry =
  { readonly state: 'expired' } | { readonly state: 'soon' | 'in-force'; readonly daysLeft: number };

export function waiverExpiry(waiver: Pick<Waiver, 'expires' | 'status'>, now: Date): WaiverExpiry {
  const lastDay = Date.parse(`${waiver.expires}T00:00:00Z`);
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const daysLeft = Math.round((lastDay - today) / DAY);
  if (waiver.status === 'expired' || Number.isNaN(lastDay) || daysLeft < 0) return { state: 'expired' };
  return { state: daysLeft <= EXPIRING_SOON_DAYS ? 'soon' : 'in-force', daysLeft };
}

export function waiverExpiryText(expiry: WaiverExpiry): string {
  if (expiry.state === 'expired') return 'expired';
  if (expiry.daysLeft === 0) return 'expires today';
  return `expires in ${expiry.daysLeft} day${expiry.daysLeft === 1 ? '' : 's'}`;
}
