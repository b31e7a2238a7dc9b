import { describe } from 'vitest';
import type { JsonObject, Draft } from './test-support/contract-builder.js';
import { runChangeCases } from './test-support/change-cases.js';

const validValues = (d: Draft) =>
  ((d.column('status').quality as JsonObject[])[0]!.arguments as JsonObject).validValues as string[];
const rowCount = (d: Draft) => (d.table().quality as JsonObject[])[0]!;
const nullRule = (d: Draft) => (d.column('order_id').quality as JsonObject[])[0]!;

describe('logical type options', () => {
  runChangeCases([
    {
      name: 'a lower maximum tightens: non-breaking',
      after: (d) => (d.options('quantity').maximum = 50),
      expect: [['constraint-tightened', 'non-breaking']],
    },
    {
      name: 'a higher maximum relaxes: breaking',
      after: (d) => (d.options('quantity').maximum = 1000),
      expect: [['constraint-relaxed', 'breaking']],
    },
    {
      name: 'an inclusive minimum made exclusive tightens (v3.1.0 form)',
      after: (d) => Object.assign(d.options('quantity'), { minimum: undefined, exclusiveMinimum: 1 }),
      expect: [['constraint-tightened', 'non-breaking']],
    },
    {
      name: 'an inclusive minimum made exclusive tightens (v3.0.x flag)',
      after: (d) => (d.options('quantity').exclusiveMinimum = true),
      expect: [['constraint-tightened', 'non-breaking']],
    },
    {
      name: 'a dropped maxLength relaxes: breaking',
      after: (d) => delete d.options('country').maxLength,
      expect: [['constraint-relaxed', 'breaking']],
    },
    {
      name: 'a changed pattern cannot be ordered: risky',
      after: (d) => (d.options('country').pattern = '^(DE|FR|IT)$'),
      expect: [['pattern-changed', 'risky']],
    },
    {
      name: 'a dropped pattern relaxes: breaking',
      after: (d) => delete d.options('country').pattern,
      expect: [['constraint-relaxed', 'breaking']],
    },
    {
      name: 'email to uri changes how values are written: breaking',
      after: (d) => (d.options('email').format = 'uri'),
      expect: [['format-changed', 'breaking']],
    },
    {
      name: 'a new date format breaks parsers',
      after: (d) => (d.options('order_date').format = 'dd.MM.yyyy'),
      expect: [['format-changed', 'breaking']],
    },
    {
      name: 'i32 to i64 widens: risky',
      after: (d) => (d.options('quantity').format = 'i64'),
      expect: [['format-widened', 'risky']],
    },
    {
      name: 'i32 to i16 narrows: breaking',
      after: (d) => (d.options('quantity').format = 'i16'),
      expect: [['format-narrowed', 'breaking']],
    },
    {
      name: 'a new multipleOf tightens',
      after: (d) => (d.options('amount').multipleOf = 0.01),
      expect: [['constraint-tightened', 'non-breaking']],
    },
    {
      name: 'values gaining a time zone is breaking',
      after: (d) => (d.options('ordered_at').timezone = true),
      expect: [['timezone-changed', 'breaking']],
    },
    {
      name: 'a later earliest date tightens',
      before: (d) => (d.options('order_date').minimum = '2020-01-01'),
      after: (d) => (d.options('order_date').minimum = '2021-06-01'),
      expect: [['constraint-tightened', 'non-breaking']],
    },
    {
      name: 'options are not compared across incompatible types, the type change says it',
      after: (d) =>
        Object.assign(d.column('quantity'), { logicalType: 'string', logicalTypeOptions: { maxLength: 3 } }),
      expect: [['logical-type-incompatible', 'breaking']],
    },
  ]);
});

describe('valid values', () => {
  runChangeCases([
    {
      name: 'a new valid value is risky',
      after: (d) => validValues(d).push('refunded'),
      expect: [['valid-values-widened', 'risky']],
    },
    {
      name: 'a dropped valid value is non-breaking',
      after: (d) => validValues(d).pop(),
      expect: [['valid-values-narrowed', 'non-breaking']],
    },
    {
      name: 'a dropped valid-values rule loses both the check and the domain',
      after: (d) => (d.column('status').quality = []),
      expect: [
        ['valid-values-widened', 'risky'],
        ['quality-rule-removed', 'risky'],
      ],
    },
    {
      name: 'an enumeration in the options counts as valid values',
      before: (d) => (d.options('country').enum = ['DE', 'FR']),
      after: (d) => (d.options('country').enum = ['DE', 'FR', 'IT']),
      expect: [['valid-values-widened', 'risky']],
    },
    {
      name: 'valid values written the v3.0.x way read the same',
      after: (d) =>
        (d.column('status').quality = [
          { rule: 'validValues', validValues: ['placed', 'paid', 'shipped'], mustBe: 0, severity: 'error' },
        ]),
      expect: [],
    },
  ]);
});

describe('quality rules', () => {
  runChangeCases([
    {
      name: 'a removed rule is risky',
      after: (d) => (d.column('order_id').quality as JsonObject[]).shift(),
      expect: [['quality-rule-removed', 'risky']],
    },
    {
      name: 'a lower row count floor relaxes: risky',
      after: (d) => (rowCount(d).mustBeGreaterThan = 500),
      expect: [['quality-rule-relaxed', 'risky']],
    },
    {
      name: 'a higher row count floor tightens',
      after: (d) => (rowCount(d).mustBeGreaterThan = 5000),
      expect: [['quality-rule-tightened', 'non-breaking']],
    },
    {
      name: 'tolerating some nulls relaxes',
      after: (d) => Object.assign(nullRule(d), { mustBe: undefined, mustBeLessOrEqualTo: 10 }),
      expect: [['quality-rule-relaxed', 'risky']],
    },
    {
      name: 'an error demoted to a warning relaxes',
      after: (d) => (nullRule(d).severity = 'warning'),
      expect: [['quality-rule-relaxed', 'risky']],
    },
    {
      name: 'a different SQL check cannot be compared: risky',
      before: (d) =>
        rowCount(d).name === 'row_count_floor' &&
        (d.table().quality as JsonObject[]).push({
          name: 'no_future',
          type: 'sql',
          query: 'SELECT COUNT(*) FROM orders WHERE ordered_at > now()',
          mustBe: 0,
        }),
      after: (d) =>
        ((d.table().quality as JsonObject[])[1]!.query = 'SELECT COUNT(*) FROM orders WHERE ordered_at > updated_at'),
      expect: [['quality-rule-changed', 'risky']],
    },
    {
      name: 'an added rule is non-breaking',
      after: (d) => ((d.column('email').quality = [{ metric: 'nullValues', mustBe: 0 }]), undefined),
      expect: [['quality-rule-added', 'non-breaking']],
    },
    {
      name: 'a v3.0.x rule rewritten as a v3.1.0 metric is no change',
      before: (d) => Object.assign(nullRule(d), { type: undefined, metric: undefined, rule: 'nullCheck' }),
      after: (d) => Object.assign(nullRule(d), { type: 'library', metric: 'nullValues', rule: undefined }),
      expect: [],
    },
  ]);
});

describe('service levels', () => {
  runChangeCases([
    {
      name: 'a longer latency is breaking',
      after: (d) => (d.sla('latency').value = 6),
      expect: [['slo-weakened', 'breaking']],
    },
    {
      name: 'the same latency in other units is no change',
      after: (d) => Object.assign(d.sla('latency'), { value: 120, unit: 'minutes' }),
      expect: [],
    },
    {
      name: 'a shorter retention is breaking',
      after: (d) => (d.sla('retention').value = 1),
      expect: [['slo-weakened', 'breaking']],
    },
    {
      name: 'a longer retention is non-breaking',
      after: (d) => (d.sla('retention').value = 5),
      expect: [['slo-strengthened', 'non-breaking']],
    },
    {
      name: 'a removed frequency is breaking',
      after: (d) =>
        (d.document.slaProperties = (d.document.slaProperties as JsonObject[]).filter(
          (s) => s.property !== 'frequency',
        )),
      expect: [['slo-removed', 'breaking']],
    },
    {
      name: 'lower availability is breaking',
      after: (d) => (d.sla('availability').value = 99.5),
      expect: [['slo-weakened', 'breaking']],
    },
    {
      name: 'data ready later in the day is breaking',
      after: (d) => (d.sla('timeOfAvailability').value = '08:00Z'),
      expect: [['slo-weakened', 'breaking']],
    },
    {
      name: 'a new SLO is non-breaking',
      after: (d) => (d.document.slaProperties as JsonObject[]).push({ property: 'timeToRepair', value: 4, unit: 'h' }),
      expect: [['slo-added', 'non-breaking']],
    },
    {
      name: 'an announced end of life is risky, not breaking',
      after: (d) => (d.document.slaProperties as JsonObject[]).push({ property: 'endOfLife', value: '2027-06-30' }),
      expect: [['end-of-life-brought-forward', 'risky']],
    },
    {
      name: 'an SLO Meshwork cannot read is risky',
      after: (d) => (d.sla('latency').value = 'soon'),
      expect: [['slo-changed', 'risky']],
    },
  ]);
});

describe('the contract itself', () => {
  runChangeCases([
    {
      name: 'deprecation is risky',
      after: (d) => (d.document.status = 'deprecated'),
      expect: [['contract-deprecated', 'risky']],
    },
    {
      name: 'retirement is risky',
      after: (d) => (d.document.status = 'retired'),
      expect: [['contract-retired', 'risky']],
    },
    { name: 'a new version string alone is no change', after: (d) => (d.document.version = '1.1.0'), expect: [] },
    { name: 'a new apiVersion alone is no change', after: (d) => (d.document.apiVersion = 'v3.0.2'), expect: [] },
    {
      name: 'a new purpose is non-breaking',
      after: (d) => ((d.document.description as JsonObject).purpose = 'Orders.'),
      expect: [['description-changed', 'non-breaking']],
    },
    {
      name: 'new terms of use are risky',
      after: (d) => ((d.document.description as JsonObject).usage = 'Internal reporting only.'),
      expect: [['terms-changed', 'risky']],
    },
    {
      name: 'a new contract id is breaking',
      after: (d) => (d.document.id = 'orders-contract-2'),
      expect: [['contract-id-changed', 'breaking']],
    },
    {
      name: 'a column description is documentation',
      after: (d) => (d.column('amount').description = 'Net amount.'),
      expect: [['description-changed', 'non-breaking']],
    },
    {
      name: 'column tags are documentation',
      after: (d) => (d.column('amount').tags = ['finance']),
      expect: [['metadata-changed', 'non-breaking']],
    },
    {
      name: 'a new server host is breaking',
      after: (d) => ((d.document.servers as JsonObject[])[0]!.database = 'other.duckdb'),
      expect: [['server-changed', 'breaking']],
    },
    {
      name: 'a removed server is breaking',
      after: (d) => (d.document.servers = []),
      expect: [['server-removed', 'breaking']],
    },
    {
      name: 'a dropped relationship is risky',
      after: (d) => delete d.column('customer_id').relationships,
      expect: [['relationship-removed', 'risky']],
    },
    {
      name: 'new partitioning is risky',
      after: (d) => (d.column('order_date').partitioned = true),
      expect: [['partitioning-changed', 'risky']],
    },
  ]);
});
