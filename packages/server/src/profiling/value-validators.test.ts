import { describe, expect, it } from 'vitest';
import { isNationalId } from './national-identifiers.js';
import {
  DETECTOR_NAMES,
  detectorsAccepting,
  isEmailAddress,
  isIban,
  isPaymentCard,
  isPhone,
  VALUE_VALIDATORS,
} from './value-validators.js';

/** The share of `values` a validator accepts. */
function rate(values: readonly string[], accepts: (value: string) => boolean): number {
  return values.filter(accepts).length / values.length;
}

/** Deterministic pseudo-random digit strings of one length, without a leading zero. */
function randomDigits(length: number, count: number): string[] {
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: count }, () => {
    let text = String(1 + Math.floor(next() * 9));
    while (text.length < length) text += String(Math.floor(next() * 10));
    return text;
  });
}

describe('value validators', () => {
  it('name a stable list of detectors, each with a validator', () => {
    expect(DETECTOR_NAMES).toEqual(['email', 'phone', 'iban', 'paymentCard', 'nationalId']);
    expect(Object.keys(VALUE_VALIDATORS)).toEqual([...DETECTOR_NAMES]);
  });

  it('accept email addresses, not things that merely contain an @', () => {
    for (const email of ['ann@example.com', 'a.b+tag@sub.example.co.uk', 'o_brien@example.ie']) {
      expect(isEmailAddress(email), email).toBe(true);
    }
    for (const text of ['ann@', '@example.com', 'ann example.com', 'Ann <ann@example.com>', 'ann@localhost', '@@']) {
      expect(isEmailAddress(text), text).toBe(false);
    }
  });

  it('accept international phone numbers and parenthesised national ones, never bare digits', () => {
    for (const phone of [
      '+4915123456789',
      '+49 30 1234567',
      '+1 (415) 555-2671',
      '+44 20 7946 0958',
      '(415) 555-2671',
    ]) {
      expect(isPhone(phone), phone).toBe(true);
    }
    // Bare digits could be anything (order numbers, ids, postcodes); `+0…` is no country code.
    for (const text of [
      '4915123456789',
      '12345678',
      '1234567890',
      '+0123456789',
      '+12',
      '2024-01-15',
      '12.50',
      'ORD-000123',
    ]) {
      expect(isPhone(text), text).toBe(false);
    }
  });

  it('never take integer ids for phones, whatever their length', () => {
    for (let length = 1; length <= 20; length++)
      expect(rate(randomDigits(length, 500), isPhone), `${length} digits`).toBe(0);
    const sequential = Array.from({ length: 5000 }, (_, i) => String(1_000_000 + i));
    expect(rate(sequential, isPhone)).toBe(0);
  });

  it('accept IBANs with a valid check, with or without spaces', () => {
    for (const iban of [
      'DE89370400440532013000',
      'DE89 3704 0044 0532 0130 00',
      'GB82WEST12345698765432',
      'fr1420041010050500013m02606',
    ]) {
      expect(isIban(iban), iban).toBe(true);
    }
    for (const text of [
      'DE89370400440532013001',
      'DE8937040044053201300',
      '12345678901234567890',
      'XX89370400440532013000',
    ]) {
      expect(isIban(text), text).toBe(false);
    }
  });

  it('accept card numbers that pass Luhn in a card shape, not ids or other digit strings', () => {
    for (const card of [
      '4111111111111111',
      '4111 1111 1111 1111',
      '4111-1111-1111-1111',
      '5555555555554444',
      '378282246310005',
      '3782 822463 10005',
      '6011111111111117',
    ]) {
      expect(isPaymentCard(card), card).toBe(true);
    }
    // 4111…1112 fails Luhn; 5108 passes validator's Mastercard pattern and Luhn but is no card;
    // mixed separators and odd groupings are not how card numbers are written.
    for (const text of [
      '4111111111111112',
      '1234567812345678',
      '5108',
      '4111 1111-1111 1111',
      '41 11 11 11 11 11 11 11',
      '0000000000000000',
    ]) {
      expect(isPaymentCard(text), text).toBe(false);
    }
  });

  it('let few random numbers pass as cards: Luhn alone would let 10% through', () => {
    for (let length = 1; length <= 20; length++) {
      expect(rate(randomDigits(length, 2000), isPaymentCard), `${length} digits`).toBeLessThan(0.05);
    }
    expect(rate(randomDigits(16, 2000), (v) => isPaymentCard(v.replace(/^./, '4')))).toBeLessThan(0.12);
  });

  it('accept the documented national identifiers', () => {
    const ids = {
      'US SSN': '536-22-1234',
      'Spain DNI': '12345678Z',
      'Spain NIE': 'X1234567L',
      'Finland HETU': '131052-308T',
      'Italy CIE': 'CA12345AB',
      'Italy codice fiscale': 'RSSMRA85T10A562S',
      'UK NINO': 'AB123456C',
      'Norway fødselsnummer': '01010101006',
      'China resident id': '11010519491231002X',
      'Germany Steuer-IdNr': '86095742719',
      'France numéro fiscal': '3023217600053',
      'Sweden personnummer': '811228-9874',
      'Denmark CPR': '010111-1113',
    };
    for (const [name, id] of Object.entries(ids)) expect(isNationalId(id), name).toBe(true);
  });

  it('reject near misses and forms that integer ids share', () => {
    // SSNs never issued (000, 666, 9xx areas; 00 group; 0000 serial), and nine bare digits.
    for (const text of [
      '000-12-3456',
      '666-12-3456',
      '900-12-3456',
      '536-00-1234',
      '536-22-0000',
      '536221234',
      '536-22 1234',
    ]) {
      expect(isNationalId(text), text).toBe(false);
    }
    // Wrong check letter / digit; the UK's 10-digit UTR form; a PESEL-shaped number.
    for (const text of ['12345678A', '131052-308U', '1234567890', '44051401458', 'QQ123456C']) {
      expect(isNationalId(text), text).toBe(false);
    }
    for (let length = 1; length <= 20; length++) {
      expect(rate(randomDigits(length, 2000), isNationalId), `${length} digits`).toBeLessThan(0.015);
    }
  });

  it('look at the trimmed value, and at nothing too long to be one of these', () => {
    expect(detectorsAccepting('  ann@example.com ')).toEqual(['email']);
    expect(detectorsAccepting('DE89 3704 0044 0532 0130 00')).toEqual(['iban']);
    expect(detectorsAccepting('')).toEqual([]);
    expect(detectorsAccepting('12345')).toEqual([]);
    expect(detectorsAccepting(`${'a'.repeat(300)}@example.com`)).toEqual([]);
  });
});
