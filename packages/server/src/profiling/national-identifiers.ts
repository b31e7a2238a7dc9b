/**
 * National identifiers of people, detected with `validator`'s `isIdentityCard` and `isTaxID`
 * (plus the US SSN, which `validator` lacks). Only identifiers of persons, not of companies.
 *
 * Which ones, and why: many national numbers are plain digits with one check digit, which a
 * random integer of the same length passes about 10% of the time — a column of 11-digit ids
 * would score 10% "PESEL". So identifiers that are only digits are used only when their checks
 * accept under 1% of random integers (measured over 5,000 random numbers of each length); the
 * others are detected only in forms that carry letters or separators, which ids never have.
 *
 * | Identifier | Validator | Form required |
 * |---|---|---|
 * | US Social Security number | own pattern (area ≠ 000/666/9xx, group ≠ 00, serial ≠ 0000) | `123-45-6789` or `123 45 6789`: nine bare digits are ids |
 * | Spain DNI/NIE | isIdentityCard ES | has its check letter |
 * | Finland henkilötunnus | isIdentityCard FI | `131052-308T` |
 * | Italy carta d'identità elettronica | isIdentityCard IT | `CA12345AB` |
 * | Italy codice fiscale | isTaxID it-IT | 16 letters and digits |
 * | UK National Insurance number | isTaxID en-GB | letters required (its 10-digit UTR form would accept every 10-digit id) |
 * | Norway fødselsnummer | isIdentityCard NO | 11 digits, two mod-11 check digits (≈0.5% of random) |
 * | China resident identity card | isIdentityCard zh-CN | the 18-character form (the 15-digit one passes 1.5% of random) |
 * | Germany Steuer-IdNr | isTaxID de-DE | 11 digits (≈0.3% of random) |
 * | France numéro fiscal | isTaxID fr-FR | 13 digits (≈0.1% of random) |
 * | Sweden personnummer | isTaxID sv-SE | birth date + Luhn (≈0.7% of random 10-digit) |
 * | Denmark CPR | isTaxID dk-DK | birth date + check (≈0.1% of random) |
 *
 * Left out because a random integer passes them about 10% of the time, or because they have no
 * check at all: Poland PESEL, Netherlands BSN, Canada SIN, India Aadhaar, Thailand, Israel, Iran,
 * Sri Lanka, US EIN (a company number anyway).
 */
import validator from 'validator';

/** Area, group and serial as the SSA issues them; separated, because nine bare digits are ids. */
const US_SSN = /^(?!000|666|9\d\d)\d{3}([- ])(?!00)\d{2}\1(?!0000)\d{4}$/;
const HAS_LETTER = /[A-Za-z]/;

const NATIONAL_ID_CHECKS: readonly ((value: string) => boolean)[] = [
  (value) => US_SSN.test(value),
  (value) => validator.isIdentityCard(value, 'ES'),
  (value) => validator.isIdentityCard(value, 'FI'),
  (value) => validator.isIdentityCard(value, 'IT'),
  (value) => validator.isTaxID(value, 'it-IT'),
  (value) => HAS_LETTER.test(value) && validator.isTaxID(value, 'en-GB'),
  (value) => validator.isIdentityCard(value, 'NO'),
  (value) => value.length === 18 && validator.isIdentityCard(value, 'zh-CN'),
  (value) => validator.isTaxID(value, 'de-DE'),
  (value) => validator.isTaxID(value, 'fr-FR'),
  (value) => validator.isTaxID(value, 'sv-SE'),
  (value) => validator.isTaxID(value, 'dk-DK'),
];

/** Whether `value` is one of the national identifiers listed above. */
export function isNationalId(value: string): boolean {
  return NATIONAL_ID_CHECKS.some((check) => check(value));
}
