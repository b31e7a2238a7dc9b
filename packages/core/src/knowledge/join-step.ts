/** One join of a path: the bound columns chosen on each side, their key quality and type fit. */
import type { ProductId } from '../model/model-types.js';
import type { KnowledgeIndex } from './build-knowledge-index.js';
import type { ColumnBinding, JoinQuality, JoinStep } from './knowledge-types.js';

/** A single-column primary key: the column alone identifies a row. */
const isKey = (b: ColumnBinding): boolean => b.primaryKey && b.primaryKeySize === 1;

export function joinStep(index: KnowledgeIndex, left: ProductId, right: ProductId, term: string): JoinStep {
  const [l, ...lRest] = candidates(index, left, term);
  const [r, ...rRest] = candidates(index, right, term);
  if (!l || !r) throw new Error(`knowledge index: ${left} or ${right} does not bind ${term}`);
  const quality: JoinQuality =
    l.kind === 'attribute'
      ? 'attribute'
      : isKey(l) && isKey(r)
        ? 'key-to-key'
        : isKey(l) || isKey(r)
          ? 'key-to-foreign'
          : 'foreign-to-foreign';
  const compatible = l.logicalType === undefined || r.logicalType === undefined || l.logicalType === r.logicalType;
  return { term, left: l, right: r, quality, compatible, alternatives: [...lRest, ...rRest] };
}

/** The product's columns bound to `term`: keys first, then the default port, then in order. */
function candidates(index: KnowledgeIndex, product: ProductId, term: string): ColumnBinding[] {
  const list = (index.joinable.get(product) ?? []).filter((b) => b.term === term);
  return list.sort((a, b) => Number(isKey(b)) - Number(isKey(a)));
}

/** Notes a reader of the SQL should know. */
export function describeStep(step: JoinStep): string[] {
  const notes: string[] = [];
  const { left, right, term } = step;
  if (step.quality === 'attribute') {
    notes.push(
      `${left.relation} and ${right.relation} share the attribute ${term}, not a key: aggregate to that grain first or expect many-to-many rows`,
    );
  } else if (step.quality === 'foreign-to-foreign') {
    notes.push(
      `neither ${left.relation}.${left.column} nor ${right.relation}.${right.column} is a key of ${term}: many-to-many`,
    );
  }
  if (!step.compatible) {
    notes.push(
      `${left.relation}.${left.column} is ${left.logicalType ?? '?'} but ${right.relation}.${right.column} is ${right.logicalType ?? '?'}: cast one side`,
    );
  }
  if (step.alternatives.length > 0) {
    const others = step.alternatives.map((a) => `${a.relation}.${a.column}`).join(', ');
    notes.push(
      `ambiguous: ${others} ${step.alternatives.length > 1 ? 'are' : 'is'} also bound to ${term}; the SQL uses ${left.relation}.${left.column} = ${right.relation}.${right.column}`,
    );
  }
  return notes;
}
