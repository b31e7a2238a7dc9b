/**
 * Collections of dependencies as the extractor gathers them. An output column keeps each input
 * column once, with its strongest transform; the row dependencies of a statement keep each
 * (input column, transform) pair once, since one column may both join and filter.
 */
import { ROW_TRANSFORMS, VALUE_TRANSFORMS, type ColumnSource, type LineageTransform } from './lineage-types.js';
import { strongerTransform } from './transform-rules.js';

/** Where an expression walk sends what it finds. */
export interface DependencySink {
  add(source: ColumnSource): void;
  /** Something that could not be resolved, with why. */
  gap(reason: string): void;
}

const TRANSFORM_ORDER: readonly LineageTransform[] = [...VALUE_TRANSFORMS, ...ROW_TRANSFORMS];

/** Sources sorted by relation, column, then transform: stable output for tests and diffs. */
export function sortSources(sources: Iterable<ColumnSource>): ColumnSource[] {
  return [...sources].sort(
    (a, b) =>
      compare(a.relation, b.relation) ||
      compare(a.column, b.column) ||
      TRANSFORM_ORDER.indexOf(a.transform) - TRANSFORM_ORDER.indexOf(b.transform),
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Dependencies of one output column: each input column once, strongest transform. */
export class ColumnSourceSet implements DependencySink {
  readonly #sources = new Map<string, ColumnSource>();
  readonly #gaps = new Set<string>();

  add(source: ColumnSource): void {
    const key = `${source.relation}\u0000${source.column}`;
    const kept = this.#sources.get(key);
    const transform = kept ? strongerTransform(kept.transform, source.transform) : source.transform;
    if (!kept || transform !== kept.transform) this.#sources.set(key, { ...source, transform });
  }

  gap(reason: string): void {
    this.#gaps.add(reason);
  }

  sources(): ColumnSource[] {
    return sortSources(this.#sources.values());
  }

  gaps(): string[] {
    return [...this.#gaps];
  }
}

/** Row dependencies of a statement: each (input column, transform) once. */
export class RowSourceSet implements DependencySink {
  readonly #sources = new Map<string, ColumnSource>();
  readonly #gaps = new Set<string>();

  add(source: ColumnSource): void {
    this.#sources.set(`${source.relation}\u0000${source.column}\u0000${source.transform}`, source);
  }

  addAll(sources: Iterable<ColumnSource>): void {
    for (const source of sources) this.add(source);
  }

  gap(reason: string): void {
    this.#gaps.add(reason);
  }

  sources(): ColumnSource[] {
    return sortSources(this.#sources.values());
  }

  gaps(): string[] {
    return [...this.#gaps];
  }
}

/** A sink that gives every source one fixed transform (a WHERE makes all it reads 'filter'). */
export function withTransform(sink: DependencySink, transform: LineageTransform): DependencySink {
  return {
    add: (source) => sink.add({ ...source, transform }),
    gap: (reason) => sink.gap(reason),
  };
}
