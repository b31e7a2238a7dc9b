/**
 * Builds the mesh's one glossary from its files and checks what a schema cannot: names unique
 * across files, relations and metrics that point at existing entities, patterns that compile.
 *
 * Documents are read defensively, like contracts in read-product.ts: a file with schema errors
 * (already reported) still contributes every entity whose name is readable, so that one typo
 * does not turn every binding to its entities into "unknown entity" noise.
 */
import type { WorkspaceCode } from '../workspace/workspace-codes.js';
import type { Glossary, GlossaryEntity, GlossaryMetric, GlossaryRelation, GlossaryTerm } from './glossary-types.js';
import { readMetric } from './read-metric.js';
import { isObject, list, str } from './loose-values.js';
import { concept, readEntity } from './read-entity.js';
import { resolveTerm } from './resolve-term.js';

export interface GlossaryDocument {
  readonly file: string;
  /** The parsed YAML value, valid or not. */
  readonly value: unknown;
}

/** A problem found while building, positioned by file and JSON pointer. */
export interface GlossaryIssue {
  readonly code: WorkspaceCode;
  readonly file: string;
  readonly pointer: string;
  readonly message: string;
}

export interface BuiltGlossary {
  readonly glossary: Glossary;
  readonly issues: readonly GlossaryIssue[];
}

type Kind = 'entity' | 'term' | 'metric';

/** The glossary of no files: what a mesh without `glossary/` has. */
export function emptyGlossary(): Glossary {
  return { entities: new Map(), terms: new Map(), metrics: new Map(), files: [] };
}

export function buildGlossary(documents: readonly GlossaryDocument[]): BuiltGlossary {
  const issues: GlossaryIssue[] = [];
  const entities = new Map<string, GlossaryEntity>();
  const terms = new Map<string, GlossaryTerm>();
  const metrics = new Map<string, GlossaryMetric>();
  const metricPointers = new Map<string, string>();
  const relationChecks: { file: string; pointer: string; entity: string; relation: GlossaryRelation }[] = [];
  const definedAt = new Map<string, string>();
  const sorted = [...documents].sort((a, b) => a.file.localeCompare(b.file));

  const claim = (name: string, kind: Kind, file: string, pointer: string): boolean => {
    const other = definedAt.get(name);
    if (other !== undefined) {
      issues.push({
        code: 'MW3101',
        file,
        pointer: `${pointer}/name`,
        message: `${kind} "${name}" is already defined in ${other}: glossary names are unique across entities, terms and metrics`,
      });
      return false;
    }
    definedAt.set(name, file);
    return true;
  };

  for (const { file, value } of sorted) {
    const doc = isObject(value) ? value : {};
    list(doc.entities).forEach(([raw, i]) => {
      const pointer = `/entities/${i}`;
      const name = str(raw.name);
      if (name === undefined || !claim(name, 'entity', file, pointer)) return;
      const entity = readEntity(name, raw, file, pointer, issues, (relation, at) =>
        relationChecks.push({ file, pointer: at, entity: name, relation }),
      );
      entities.set(name, entity);
    });
    list(doc.terms).forEach(([raw, i]) => {
      const name = str(raw.name);
      if (name === undefined || !claim(name, 'term', file, `/terms/${i}`)) return;
      terms.set(name, { ...concept(name, raw, file) });
    });
    list(doc.metrics).forEach(([raw, i]) => {
      const name = str(raw.name);
      if (name === undefined || !claim(name, 'metric', file, `/metrics/${i}`)) return;
      metrics.set(name, readMetric(name, raw, file));
      metricPointers.set(name, `/metrics/${i}`);
    });
  }

  const glossary: Glossary = {
    entities: sortedMap(entities),
    terms: sortedMap(terms),
    metrics: sortedMap(metrics),
    files: sorted.map((d) => d.file),
  };
  for (const { file, pointer, entity, relation } of relationChecks) {
    if (relation.target && !entities.has(relation.target)) {
      issues.push({
        code: 'MW3103',
        file,
        pointer,
        message: `relation "${relation.name}" of ${entity} points at "${relation.target}", which is not a glossary entity`,
      });
    }
  }
  for (const metric of metrics.values()) {
    checkMetric(glossary, metric, metricPointers.get(metric.name) ?? '', issues);
  }
  return { glossary, issues };
}

function checkMetric(glossary: Glossary, metric: GlossaryMetric, pointer: string, issues: GlossaryIssue[]): void {
  if (metric.grain && !glossary.entities.has(metric.grain)) {
    issues.push({
      code: 'MW3108',
      file: metric.file,
      pointer: `${pointer}/grain`,
      message: `metric ${metric.name} has the grain "${metric.grain}", which is not a glossary entity`,
    });
  }
  metric.dimensions.forEach((dimension, i) => {
    const kind = resolveTerm(glossary, dimension)?.kind;
    if (kind === 'identifier' || kind === 'attribute') return;
    issues.push({
      code: 'MW3108',
      file: metric.file,
      pointer: `${pointer}/dimensions/${i}`,
      message: `dimension "${dimension}" of metric ${metric.name} is not an identifier or attribute of a glossary entity (write Entity.attribute)`,
    });
  });
}

function sortedMap<V>(map: Map<string, V>): Map<string, V> {
  return new Map([...map].sort(([a], [b]) => a.localeCompare(b)));
}
