/**
 * The cursor of the incidents list, opaque to clients: base64url of `i1:<openedAt>|<productId>`,
 * and `|<seq>` when the page came from the store's breach index (the opening transition's number
 * in its product's history). A cursor without a seq stands for every breach of that product at
 * that time, so cursors given before the breach index still continue where they stopped.
 */
import { InputError } from '@meshwork/core';

const PREFIX = 'i1:';

export interface IncidentCursor {
  readonly openedAt: string;
  readonly productId: string;
  readonly seq?: number;
}

export function encodeIncidentCursor({ openedAt, productId, seq }: IncidentCursor): string {
  const key = seq === undefined ? `${openedAt}|${productId}` : `${openedAt}|${productId}|${seq}`;
  return Buffer.from(`${PREFIX}${key}`, 'utf8').toString('base64url');
}

/** MW8900 for anything `encodeIncidentCursor` did not write. */
export function decodeIncidentCursor(cursor: string): IncidentCursor {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const [openedAt, productId, seq, ...rest] = text.slice(PREFIX.length).split('|');
  const valid =
    text.startsWith(PREFIX) &&
    openedAt !== undefined &&
    isTimestamp(openedAt) &&
    !!productId &&
    (seq === undefined || (/^(0|[1-9]\d*)$/.test(seq) && Number.isSafeInteger(Number(seq)))) &&
    rest.length === 0;
  if (!valid) {
    throw new InputError('MW8900', 'after is not a cursor of this list; pass the `next` of the previous page.');
  }
  return { openedAt, productId, ...(seq === undefined ? {} : { seq: Number(seq) }) };
}

/** Years 1–9999, as the store keeps them. */
function isTimestamp(text: string): boolean {
  const year = new Date(text).getUTCFullYear();
  return year >= 1 && year <= 9999;
}
