/**
 * Built-in policies on classification and personal data: every column classified, columns that
 * look personal — by name or by their data — classified as PII, PII masked, restricted data
 * behind approval.
 */
import type { BuiltinPolicy } from './builtin-policy.js';

const PII_CLASSES = { description: 'Classifications that count as personal data.', default: ['pii', 'restricted'] };

export const CLASSIFICATION_POLICIES: readonly BuiltinPolicy[] = [
  {
    name: 'column-classified',
    description: 'Every column has a classification from the allowed list.',
    rationale: 'Masking, row filters and approvals are decided by classification; an unclassified column escapes them.',
    severity: 'blocking',
    scope: { target: 'column' },
    check: 'column.classification in params.allowed',
    message:
      'column.classification == "" ? "column " + column.name + " has no classification" : "classification \\"" + column.classification + "\\" is not one of " + params.allowed.join(", ")',
    field: '/classification',
    fix: 'Add classification: (public, internal, confidential, pii or restricted) to the column in the contract.',
    params: {
      allowed: {
        description: 'The classifications columns may have.',
        default: ['public', 'internal', 'confidential', 'pii', 'restricted'],
      },
    },
    tests: [
      { name: 'a known classification passes', column: { classification: 'internal' }, expect: 'pass' },
      { name: 'no classification fails', column: { classification: '' }, expect: 'fail' },
      { name: 'an unknown classification fails', column: { classification: 'secret-ish' }, expect: 'fail' },
    ],
  },
  {
    name: 'pii-by-name',
    description: 'A column whose name says it holds personal data is classified as PII.',
    rationale:
      'Names like email, phone, iban or birth_date are the cheapest signal that personal data is being published.',
    severity: 'blocking',
    scope: { target: 'column' },
    where: 'column.nameSuggests.size() > 0',
    check: 'column.classification in params.piiClassifications',
    message:
      '"the name of column " + column.name + " suggests personal data (" + column.nameSuggests.join(", ") + ") but it is classified \\"" + column.classification + "\\""',
    field: '/classification',
    fix: 'Classify the column as pii (or restricted); if it really holds no personal data, ask the governance council for a waiver.',
    params: { piiClassifications: PII_CLASSES },
    tests: [
      {
        name: 'an email column classified pii passes',
        column: { nameSuggests: ['email'], classification: 'pii' },
        expect: 'pass',
      },
      {
        name: 'an email column classified internal fails',
        column: { nameSuggests: ['email'], classification: 'internal' },
        expect: 'fail',
      },
      {
        name: 'an ordinary column is not concerned',
        column: { nameSuggests: [], classification: 'internal' },
        expect: 'skip',
      },
    ],
  },
  {
    name: 'pii-by-data',
    description:
      'A column whose sampled values are e-mails, phone numbers, IBANs, payment cards or national ids is classified as PII.',
    rationale:
      'Names lie; the data of the latest build is checked with real validators (Luhn for cards, the IBAN checksum).',
    severity: 'blocking',
    scope: { target: 'column' },
    where: 'column.profile.sampled >= params.minSample',
    check:
      'column.classification in params.piiClassifications || (column.profile.email < params.threshold && column.profile.phone < params.threshold && column.profile.iban < params.threshold && column.profile.paymentCard < params.threshold && column.profile.nationalId < params.threshold)',
    message:
      '"in the latest build, " + (column.profile.email >= params.threshold ? "e-mail addresses" : column.profile.phone >= params.threshold ? "phone numbers" : column.profile.iban >= params.threshold ? "IBANs" : column.profile.paymentCard >= params.threshold ? "payment card numbers" : "national identifiers") + " make up at least " + string(int(params.threshold * 100.0)) + "% of " + string(column.profile.sampled) + " sampled values of " + column.name + ", which is classified \\"" + column.classification + "\\""',
    field: '/classification',
    fix: 'Classify the column as pii (or restricted), or stop publishing the personal data in it.',
    params: {
      piiClassifications: PII_CLASSES,
      threshold: { description: 'Share of sampled values (0..1) a validator must accept.', default: 0.5 },
      minSample: { description: 'Fewest sampled values needed to judge.', default: 20 },
    },
    usesData: true,
    tests: [
      {
        name: 'IBANs classified internal fail',
        column: { classification: 'internal', profile: { sampled: 1000, iban: 0.98 } },
        expect: 'fail',
      },
      {
        name: 'IBANs classified restricted pass',
        column: { classification: 'restricted', profile: { sampled: 1000, iban: 0.98 } },
        expect: 'pass',
      },
      {
        name: 'ordinary values pass',
        column: { classification: 'internal', profile: { sampled: 1000, phone: 0.01 } },
        expect: 'pass',
      },
      { name: 'without a build there is nothing to judge', column: { classification: 'internal' }, expect: 'skip' },
    ],
  },
  {
    name: 'pii-masked',
    description: 'Every PII column is masked for consumers by a masking rule of the access policies.',
    rationale: 'Classifying personal data is pointless if queries return it in clear to everyone.',
    severity: 'blocking',
    scope: { target: 'column', classifications: ['pii', 'restricted'] },
    check: 'column.masking != ""',
    message:
      '"column " + column.name + " is classified " + column.classification + " but no masking rule covers it: consumers would read it in clear"',
    field: '/classification',
    fix: 'Add a rule for its classification or its column to policies/access/masking.yaml.',
    params: {},
    tests: [
      { name: 'a masked column passes', column: { classification: 'pii', masking: 'partial' }, expect: 'pass' },
      { name: 'an unmasked column fails', column: { classification: 'pii', masking: '' }, expect: 'fail' },
      { name: 'internal columns are not concerned', column: { classification: 'internal' }, expect: 'skip' },
    ],
  },
  {
    name: 'restricted-needs-approval',
    description: 'An output port with restricted columns is queryable only through an approved agreement.',
    rationale: 'Restricted data (bank accounts, health data) needs an owner to approve each use and purpose.',
    severity: 'blocking',
    scope: { target: 'port' },
    where: 'port.restricted',
    check: '!port.openToConsumers',
    message:
      '"port " + port.name + " holds restricted columns but the access policies let consumers query it without an agreement"',
    field: '',
    fix: 'Change the access policies so that consumers query this port only under an approved agreement.',
    params: {},
    tests: [
      { name: 'agreement-only access passes', port: { restricted: true, openToConsumers: false }, expect: 'pass' },
      { name: 'open access fails', port: { restricted: true, openToConsumers: true }, expect: 'fail' },
      {
        name: 'unrestricted ports are not concerned',
        port: { restricted: false, openToConsumers: true },
        expect: 'skip',
      },
    ],
  },
];
