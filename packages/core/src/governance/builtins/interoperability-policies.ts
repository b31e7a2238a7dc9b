/**
 * Built-in interoperability policies: global identifiers bound to the glossary have its type and
 * format (in the contract and in the data), allowed logical types and formats, timestamps in UTC.
 */
import type { BuiltinPolicy } from './builtin-policy.js';

export const INTEROPERABILITY_POLICIES: readonly BuiltinPolicy[] = [
  {
    name: 'global-identifiers',
    description: "A column bound to a glossary identifier has the identifier's logical type, format and pattern.",
    rationale:
      'Products of different domains join on global identifiers only if every domain writes them the same way.',
    severity: 'blocking',
    scope: { target: 'column' },
    where: 'column.identifier.term != ""',
    check:
      'column.logicalType == column.identifier.logicalType && (column.identifier.format == "" || column.format == column.identifier.format) && (column.identifier.pattern == "" || column.pattern == column.identifier.pattern)',
    message:
      '"column " + column.name + " is bound to " + column.identifier.term + " (" + column.identifier.logicalType + (column.identifier.pattern != "" ? ", pattern " + column.identifier.pattern : "") + (column.identifier.format != "" ? ", format " + column.identifier.format : "") + ") but declares " + column.logicalType + (column.pattern != "" ? ", pattern " + column.pattern : ", no pattern") + (column.format != "" ? ", format " + column.format : "")',
    field: '/logicalType',
    fix: "Give the column the glossary identifier's logicalType and logicalTypeOptions (pattern, format).",
    params: {},
    tests: [
      {
        name: 'matching type and pattern pass',
        column: {
          logicalType: 'string',
          pattern: '^C[0-9]{7}$',
          identifier: { term: 'Customer.customer_id', logicalType: 'string', pattern: '^C[0-9]{7}$' },
        },
        expect: 'pass',
      },
      {
        name: 'an integer where the glossary says string fails',
        column: { logicalType: 'integer', identifier: { term: 'Customer.customer_id', logicalType: 'string' } },
        expect: 'fail',
      },
      {
        name: 'a missing pattern fails',
        column: {
          logicalType: 'string',
          identifier: { term: 'Customer.customer_id', logicalType: 'string', pattern: '^C[0-9]{7}$' },
        },
        expect: 'fail',
      },
      { name: 'unbound columns are not concerned', column: { logicalType: 'integer' }, expect: 'skip' },
    ],
  },
  {
    name: 'global-identifiers-data',
    description:
      "The values of a column bound to a glossary identifier match the identifier's pattern in the latest build.",
    rationale: 'A declared pattern is a promise; the data must keep it or joins across domains silently lose rows.',
    severity: 'blocking',
    scope: { target: 'column' },
    where: 'column.identifier.pattern != "" && column.profile.sampled > 0 && column.profile.patternMatched >= 0.0',
    check: 'column.profile.patternMatched >= params.minShare',
    message:
      '"only " + string(int(column.profile.patternMatched * 100.0)) + "% of " + string(column.profile.sampled) + " sampled values of " + column.name + " match the pattern of " + column.identifier.term',
    field: '/logicalTypeOptions/pattern',
    fix: 'Fix the pipeline so that it writes identifiers in the glossary format.',
    params: { minShare: { description: 'Share of sampled values (0..1) that must match.', default: 1.0 } },
    usesData: true,
    tests: [
      {
        name: 'all values matching pass',
        column: {
          identifier: { term: 'Customer.customer_id', pattern: '^C[0-9]{7}$' },
          profile: { sampled: 1000, patternMatched: 1.0 },
        },
        expect: 'pass',
      },
      {
        name: 'stray values fail',
        column: {
          identifier: { term: 'Customer.customer_id', pattern: '^C[0-9]{7}$' },
          profile: { sampled: 1000, patternMatched: 0.9 },
        },
        expect: 'fail',
      },
    ],
  },
  {
    name: 'allowed-logical-types',
    description: 'Columns use the allowed logical types and formats.',
    rationale: 'Every engine that reads the mesh must understand every column.',
    severity: 'blocking',
    scope: { target: 'column' },
    check: 'column.logicalType in params.logicalTypes && (column.format == "" || column.format in params.formats)',
    message:
      '!(column.logicalType in params.logicalTypes) ? "logical type \\"" + column.logicalType + "\\" is not one of " + params.logicalTypes.join(", ") : "format \\"" + column.format + "\\" is not one of " + params.formats.join(", ")',
    field: '/logicalType',
    fix: 'Use one of the allowed logical types and formats (see the policy parameters).',
    params: {
      logicalTypes: {
        description: 'Allowed ODCS logical types.',
        default: ['string', 'date', 'timestamp', 'time', 'number', 'integer', 'boolean', 'object', 'array'],
      },
      formats: {
        description: 'Allowed `logicalTypeOptions.format` values.',
        default: [
          'email',
          'uri',
          'uuid',
          'date',
          'date-time',
          'ipv4',
          'ipv6',
          'hostname',
          'yyyy-MM-dd',
          'yyyy-MM-dd HH:mm:ss',
        ],
      },
    },
    tests: [
      { name: 'a string passes', column: { logicalType: 'string' }, expect: 'pass' },
      { name: 'no logical type fails', column: { logicalType: '' }, expect: 'fail' },
      { name: 'an odd format fails', column: { logicalType: 'string', format: 'my-format' }, expect: 'fail' },
    ],
  },
  {
    name: 'timestamps-utc',
    description: 'Timestamps are in UTC: no default time zone other than UTC.',
    rationale: 'Mixing local times across domains corrupts every join and every daily aggregate.',
    severity: 'blocking',
    scope: { target: 'column' },
    where: 'column.logicalType == "timestamp"',
    check: 'column.defaultTimezone in ["", "UTC", "Etc/UTC", "Z"]',
    message: '"timestamp column " + column.name + " has the default time zone " + column.defaultTimezone',
    field: '/logicalTypeOptions/defaultTimezone',
    fix: 'Convert the timestamps to UTC in the pipeline and set defaultTimezone: Etc/UTC (or remove it: UTC is the default).',
    params: {},
    tests: [
      { name: 'UTC passes', column: { logicalType: 'timestamp', defaultTimezone: 'Etc/UTC' }, expect: 'pass' },
      { name: 'no zone means UTC and passes', column: { logicalType: 'timestamp' }, expect: 'pass' },
      {
        name: 'a local zone fails',
        column: { logicalType: 'timestamp', defaultTimezone: 'Europe/Berlin' },
        expect: 'fail',
      },
    ],
  },
];
