/** The access request form: every mistake beside its field, and the body the API takes. */
import { describe, expect, it } from 'vitest';
import { parsePortChoice, portChoice, requestBody, validateRequestForm, type RequestForm } from './request-form.js';

const today = '2026-03-10';
const valid: RequestForm = { port: 'customer_profile@1', purpose: ' churn model ', start: today, end: '2026-06-30' };

describe('validateRequestForm', () => {
  it('accepts a complete request, including one that ends the day it starts', () => {
    expect(validateRequestForm(valid, today)).toEqual({});
    expect(validateRequestForm({ ...valid, end: today }, today)).toEqual({});
  });

  it('refuses an end date before the start date', () => {
    expect(validateRequestForm({ ...valid, start: '2026-04-10', end: '2026-04-09' }, today)).toEqual({
      end: 'The end date must be on or after the start date.',
    });
  });

  it('names every missing field at once', () => {
    expect(validateRequestForm({ port: '', purpose: '  ', start: '', end: '' }, today)).toEqual({
      port: 'Choose the output port you need.',
      purpose: 'Say what you will use the data for.',
      start: 'Give the first day of access.',
      end: 'Give the last day of access: access is granted for a limited period.',
    });
  });

  it('refuses days in the past, days that do not exist and an endless purpose', () => {
    const errors = validateRequestForm(
      { ...valid, purpose: 'x'.repeat(2001), start: '2026-03-09', end: '2026-02-30' },
      today,
    );
    expect(errors).toEqual({
      purpose: 'Keep the purpose under 2000 characters.',
      start: 'The start date cannot be in the past.',
      end: 'Give the last day of access: access is granted for a limited period.',
    });
    expect(validateRequestForm({ ...valid, end: '2026-03-01' }, today).end).toBe('The end date cannot be in the past.');
  });
});

describe('requestBody', () => {
  it('leaves a start of today out, so access starts now, and trims the purpose', () => {
    expect(requestBody('customers.customer-profile', valid, new Date('2026-03-10T08:00:00Z'))).toEqual({
      product: 'customers.customer-profile',
      port: 'customer_profile',
      major: 1,
      purpose: 'churn model',
      endsAt: '2026-06-30',
    });
  });

  it('sends a later start as its day', () => {
    const body = requestBody('sales.orders', { ...valid, start: '2026-04-01' }, new Date('2026-03-10T08:00:00Z'));
    expect(body.startsAt).toBe('2026-04-01');
  });
});

describe('port choices', () => {
  it('round-trips a port and its major, even with @ in the port name', () => {
    expect(parsePortChoice(portChoice('orders', 2))).toEqual({ port: 'orders', major: 2 });
    expect(parsePortChoice('a@b@3')).toEqual({ port: 'a@b', major: 3 });
  });

  it.each(['', 'orders', '@1', 'orders@', 'orders@x', 'orders@1.5'])('refuses %j', (value) => {
    expect(parsePortChoice(value)).toBeNull();
  });
});
