/**
 * Reads one entity of a glossary document into the model, leniently: members without a
 * readable name are skipped, a duplicate member name is reported (MW3102) and dropped, and an
 * identifier pattern that cannot work is reported (MW3104) but kept as written.
 */
import type { GlossaryIssue } from './build-glossary.js';
import { glossaryUrn } from './glossary-binding.js';
import { CARDINALITIES, type Cardinality } from './glossary-schema.js';
import type {
  GlossaryAttribute,
  GlossaryEntity,
  GlossaryIdentifier,
  GlossaryRelation,
  GlossaryTerm,
} from './glossary-types.js';
import { list, str, strings, type Loose } from './loose-values.js';

export function readEntity(
  name: string,
  raw: Loose,
  file: string,
  pointer: string,
  issues: GlossaryIssue[],
  onRelation: (relation: GlossaryRelation, targetPointer: string) => void,
): GlossaryEntity {
  const members = new Set<string>();
  const member = <T>(kind: string, read: (m: Loose, name: string, at: string) => T) =>
    list(raw[kind]).flatMap(([m, i]): T[] => {
      const memberName = str(m.name);
      if (memberName === undefined) return [];
      if (members.has(memberName)) {
        issues.push({
          code: 'MW3102',
          file,
          pointer: `${pointer}/${kind}/${i}/name`,
          message: `${name} already has an identifier, attribute or relation named "${memberName}"`,
        });
        return [];
      }
      members.add(memberName);
      return [read(m, memberName, `${pointer}/${kind}/${i}`)];
    });

  const identifiers = member<GlossaryIdentifier>('identifiers', (m, memberName, at) => {
    const identifier = withOptional(
      { name: memberName, logicalType: str(m.logicalType) ?? '' },
      { format: str(m.format), pattern: str(m.pattern), description: str(m.description) },
    );
    const problem = patternProblem(identifier);
    if (problem) issues.push({ code: 'MW3104', file, pointer: `${at}/pattern`, message: problem });
    return identifier;
  });
  const attributes = member<GlossaryAttribute>('attributes', (m, memberName) =>
    withOptional(
      { name: memberName, logicalType: str(m.logicalType) ?? '' },
      { format: str(m.format), description: str(m.description) },
    ),
  );
  const relations = member<GlossaryRelation>('relations', (m, memberName, at) => {
    const cardinality = str(m.cardinality);
    const relation = withOptional(
      {
        name: memberName,
        target: str(m.target) ?? '',
        cardinality: (CARDINALITIES as readonly string[]).includes(cardinality ?? '')
          ? (cardinality as Cardinality)
          : 'many-to-many',
      },
      { description: str(m.description) },
    );
    onRelation(relation, `${at}/target`);
    return relation;
  });
  return { ...concept(name, raw, file), identifiers, attributes, relations };
}

function patternProblem(identifier: GlossaryIdentifier): string | undefined {
  const { pattern } = identifier;
  if (pattern === undefined) return undefined;
  // A missing logicalType is the schema's to report.
  if (identifier.logicalType && identifier.logicalType !== 'string') {
    return `identifier ${identifier.name} is a ${identifier.logicalType}; a pattern applies to strings only`;
  }
  try {
    // Without the `u` flag: it rejects escapes such as `\-` that RE2 (DuckDB) accepts.
    new RegExp(pattern);
    return undefined;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return `the pattern of identifier ${identifier.name} is not a valid regular expression: ${reason}`;
  }
}

/** The fields every entity, term and metric has. */
export function concept(name: string, raw: Loose, file: string): GlossaryTerm {
  return {
    name,
    urn: glossaryUrn(name),
    description: str(raw.description) ?? '',
    synonyms: strings(raw.synonyms),
    file,
  };
}

/** Adds the optional fields that are present, so the model has no `key: undefined`. */
function withOptional<T extends object, O extends Record<string, string | undefined>>(
  base: T,
  optional: O,
): T & Partial<O> {
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(optional)) if (value !== undefined) out[key] = value;
  return out as T & Partial<O>;
}
