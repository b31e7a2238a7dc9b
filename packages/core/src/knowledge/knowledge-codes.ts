/**
 * Codes of knowledge-graph queries (MW8601–MW8699): what the caller asked for does not exist
 * in the glossary or the catalog; MW8611–MW8619 plan metrics (../metrics/). Reference: docs/reference/errors.md.
 */
export const KNOWLEDGE_CODES = {
  MW8601: {
    title: 'Unknown glossary entity',
    fix: 'Name an entity defined in glossary/ (e.g. Customer); the message lists the closest names.',
  },
  MW8602: {
    title: 'Unknown glossary term',
    fix: 'Name a term as <Entity>.<member> or <Name> as defined in glossary/ (e.g. Customer.customer_id).',
  },
  MW8603: {
    title: 'Not an identifier',
    fix: 'Name an identifier of an entity (e.g. Customer.customer_id), not an attribute, relation or term.',
  },
  MW8604: {
    title: 'Unknown product in a join-path query',
    fix: 'Name both products as <domain>.<product> (e.g. sales.orders) among those you may discover.',
  },
  MW8605: {
    title: 'Invalid join-path bound',
    fix: 'Set maxHops to an integer from 1 to 5.',
  },
  MW8606: {
    title: 'Unknown glossary export format',
    fix: 'Export the glossary as jsonld or turtle (`mesh export glossary --format turtle`).',
  },
  MW8611: {
    title: 'Unknown metric',
    fix: 'Name a metric defined in glossary/ (`mesh metrics list`); the message lists the closest names.',
  },
  MW8612: {
    title: 'Unknown metric dimension',
    fix: 'Break the metric down by one of its dimensions (`mesh metrics list`), as Entity.member or member (e.g. segment).',
  },
  MW8613: {
    title: 'No join path for a metric',
    fix: "Bind the grain's identifier in the products of the measure, the dimension or the filter (or choose another product with --via); the message names the products and terms.",
  },
  MW8614: {
    title: 'Ambiguous metric source',
    fix: 'Several products provide the measure or a dimension equally well: choose one with --via <domain>.<product> (API: via), or pin it in the metric with `from`.',
  },
  MW8615: {
    title: 'Metric cannot be planned',
    fix: 'Write the metric in the structured form (measure: { aggregate, of }, filters: { column, in | notIn }) with columns as <domain>.<product>.<port>.<column> or bound terms; the message names the part.',
  },
  MW8616: {
    title: 'Unknown product in --via',
    fix: 'Name in --via (API: via) a <domain>.<product> among the candidates the message lists.',
  },
} as const;

export type KnowledgeCode = keyof typeof KNOWLEDGE_CODES;
