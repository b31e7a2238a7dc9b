/**
 * Does one text value look like personal data? One validator per detector, built on the
 * `validator` package, each tuned against false positives: the profile is read by policies that
 * classify whole columns, so an integer id column, order numbers, dates or amounts must score
 * (close to) zero while a column of real emails or IBANs scores (close to) one.
 *
 * @example
 * isPhone('+49 30 1234567');            // true  (E.164 once separators are removed)
 * isPhone('4915123456789');             // false (no `+`: indistinguishable from an id)
 * isPaymentCard('4111 1111 1111 1111'); // true  (card network prefix, length, Luhn)
 * isPaymentCard('4111111111111112');    // false (fails Luhn)
 */
import validator from 'validator';
import { isNationalId } from './national-identifiers.js';

export const DETECTOR_NAMES = ['email', 'phone', 'iban', 'paymentCard', 'nationalId'] as const;
export type DetectorName = (typeof DETECTOR_NAMES)[number];

/**
 * No value any detector accepts is longer (emails stop at 254 characters, RFC 5321); longer
 * values are rejected before any validator sees them, which also bounds their cost.
 */
export const MAX_DETECTABLE_LENGTH = 256;

export const VALUE_VALIDATORS: Readonly<Record<DetectorName, (value: string) => boolean>> = Object.freeze({
  email: isEmailAddress,
  phone: isPhone,
  iban: isIban,
  paymentCard: isPaymentCard,
  nationalId: isNationalId,
});

/** The detectors that accept `value` (surrounding whitespace ignored), in DETECTOR_NAMES order. */
export function detectorsAccepting(value: string): DetectorName[] {
  const text = value.trim();
  if (text === '' || text.length > MAX_DETECTABLE_LENGTH) return [];
  return DETECTOR_NAMES.filter((name) => VALUE_VALIDATORS[name](text));
}

/** RFC 5322 addresses with a dotted domain and a TLD; no display names (`Ann <a@b.org>`), no IP domains. */
export function isEmailAddress(value: string): boolean {
  return validator.isEmail(value);
}

/** `+` (a country code that does not start with 0), then 6–14 more digits: 7–15 in all. */
const E164 = /^\+[1-9]\d{6,14}$/;
/** The separators people write in phone numbers; removed before the E.164 test. */
const PHONE_SEPARATORS = /[\s().-]/g;
/** A national number with its area code in parentheses: `(415) 555-2671`. */
const PARENTHESISED_AREA_CODE = /^\(\d{2,5}\)\s?\d/;

/**
 * International numbers only — `+` and E.164 digits, separators allowed — plus national mobile
 * numbers written with the area code in parentheses. Without the `+` or the parentheses a phone
 * number is just digits: `isMobilePhone(x, 'any')` accepts every 6–11 digit integer (measured:
 * 100% of them), so ids, order numbers and postcodes would all look like phones.
 */
export function isPhone(value: string): boolean {
  if (value.startsWith('+')) {
    return (
      E164.test(value.replace(PHONE_SEPARATORS, '')) || validator.isMobilePhone(value, 'any', { strictMode: true })
    );
  }
  return PARENTHESISED_AREA_CODE.test(value) && validator.isMobilePhone(value, 'any');
}

/** ISO 13616: a known country's length and layout and the mod-97 check; spaces and any case allowed. */
export function isIban(value: string): boolean {
  return validator.isIBAN(value);
}

/**
 * 13–19 digits, either unbroken or in the groups printed on cards (4-4-4-…, Amex 4-6-5) with one
 * kind of separator. The shape is checked here because `isCreditCard` alone is not enough:
 * it strips separators anywhere, and its Mastercard pattern accepts any number starting 51–55
 * whatever its length (validator 13.15), so `5108` would pass.
 */
const CARD_SHAPE = /^(?:\d{13,19}|\d{4}([ -])\d{4}\1\d{4}\1\d{1,7}|\d{4}([ -])\d{6}\2\d{4,5})$/;

/**
 * A payment card number: card-shaped, a network's prefix and length (Visa, Mastercard, Amex,
 * Discover, JCB, Diners, UnionPay) and the Luhn check. Luhn alone passes 10% of random numbers;
 * with the network prefixes a column of random 16-digit ids scores about 2–3%, a column of
 * sequential ids inside a card range (4000…) about 10% — far from the ~100% of real card numbers.
 */
export function isPaymentCard(value: string): boolean {
  return CARD_SHAPE.test(value) && validator.isCreditCard(value);
}
