/**
 * Codes of knowledge-graph queries (MW8601–MW8699): what the caller asked for does not exist
 * in the glossary or the catalog. Reference: docs/reference/errors.md.
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
} as const;

export type KnowledgeCode = keyof typeof KNOWLEDGE_CODES;
