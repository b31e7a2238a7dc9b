/**
 * The access request form's rules, checked in the browser before anything is sent so each
 * mistake shows beside its field; the server checks them again (and a few more, such as the
 * longest period) and its refusal is shown with its code.
 */
import type { AccessRequestBody } from './access-types.js';

/** What the form holds: the port as `<port>@<major>`, dates as `YYYY-MM-DD` (UTC days). */
export interface RequestForm {
  readonly port: string;
  readonly purpose: string;
  readonly start: string;
  readonly end: string;
}

export type RequestFormErrors = Partial<Record<keyof RequestForm, string>>;

const MAX_PURPOSE = 2000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Every problem of the form at once, by field; empty when it may be sent. `today` is `YYYY-MM-DD`. */
export function validateRequestForm(form: RequestForm, today: string): RequestFormErrors {
  const errors: { -readonly [K in keyof RequestForm]?: string } = {};
  if (parsePortChoice(form.port) === null) errors.port = 'Choose the output port you need.';
  const purpose = form.purpose.trim();
  if (purpose === '') errors.purpose = 'Say what you will use the data for.';
  else if (purpose.length > MAX_PURPOSE) errors.purpose = `Keep the purpose under ${MAX_PURPOSE} characters.`;
  if (!isDay(form.start)) errors.start = 'Give the first day of access.';
  else if (form.start < today) errors.start = 'The start date cannot be in the past.';
  if (!isDay(form.end)) errors.end = 'Give the last day of access: access is granted for a limited period.';
  else if (form.end < today) errors.end = 'The end date cannot be in the past.';
  else if (isDay(form.start) && form.end < form.start) errors.end = 'The end date must be on or after the start date.';
  return errors;
}

/**
 * The request the API takes. A start of today (or any day already begun in UTC) is left out,
 * so access starts now: the first instant of today is already past, and the server refuses a
 * start in the past.
 */
export function requestBody(productId: string, form: RequestForm, now: Date): AccessRequestBody {
  const port = parsePortChoice(form.port);
  if (port === null) throw new Error(`not a port choice: ${form.port}`);
  const startsLater = Date.parse(`${form.start}T00:00:00.000Z`) > now.getTime();
  return {
    product: productId,
    port: port.port,
    major: port.major,
    purpose: form.purpose.trim(),
    ...(startsLater ? { startsAt: form.start } : {}),
    endsAt: form.end,
  };
}

/** `<port>@<major>`, the value of a port option. */
export function portChoice(port: string, major: number): string {
  return `${port}@${major}`;
}

export function parsePortChoice(value: string): { port: string; major: number } | null {
  const at = value.lastIndexOf('@');
  const major = Number(value.slice(at + 1));
  if (at <= 0 || !/^\d+$/.test(value.slice(at + 1)) || !Number.isSafeInteger(major)) return null;
  return { port: value.slice(0, at), major };
}

function isDay(value: string): boolean {
  // A real calendar day: 2026-02-30 does not round-trip.
  return DATE.test(value) && !Number.isNaN(Date.parse(value)) && new Date(value).toISOString().startsWith(value);
}
