/**
 * A pipeline's lineage in terms of its inputs: each step's statement lineage names inputs and
 * earlier steps; composing replaces every step column by what it came from. Transforms compose
 * as in one statement (`combineTransforms`): through a step column the stronger value transform
 * wins, and a dependency that passes through a row dependency stays one. The row dependencies
 * of every step an output reads (directly or further up) are row dependencies of the output.
 * Gaps travel with the step's name in their reason.
 */
import type {
  ColumnLineage,
  ColumnSource,
  LineageGap,
  LineageInput,
  PortLineage,
  StatementLineage,
} from './lineage-types.js';
import type { RelationColumns } from './extract-statement-lineage.js';
import { ColumnSourceSet, RowSourceSet, type DependencySink } from './source-sets.js';
import { combineTransforms } from './transform-rules.js';

export interface StepLineage {
  readonly name: string;
  readonly lineage: StatementLineage;
}

export interface PipelineOutputTarget {
  readonly port: string;
  readonly major: number;
  /** The step or input written to the port. */
  readonly from: string;
}

export interface PipelineComposition {
  readonly steps: readonly StepLineage[];
  readonly inputs: readonly LineageInput[];
  readonly outputs: readonly PipelineOutputTarget[];
  /** Columns of the inputs, for an output written straight from an input. */
  readonly inputColumns?: RelationColumns;
}

/** A step or input with its lineage already in terms of the pipeline's inputs. */
interface ResolvedRelation {
  readonly columns: readonly ColumnLineage[];
  readonly rows: readonly ColumnSource[];
  /** Statement-level gaps, each naming its step. */
  readonly gaps: readonly string[];
}

export function composePipelineLineage(pipeline: PipelineComposition): PortLineage[] {
  const composer = new Composer(pipeline);
  return pipeline.outputs.map(({ port, major, from }) => {
    const resolved = composer.relation(from);
    const unresolved: LineageGap[] = [
      ...resolved.gaps.map((reason) => ({ reason })),
      ...resolved.columns.flatMap((c) =>
        c.unresolved === undefined ? [] : [{ column: c.column, reason: c.unresolved }],
      ),
    ];
    return { port, major, from, columns: resolved.columns, rows: resolved.rows, unresolved };
  });
}

class Composer {
  readonly #steps = new Map<string, StepLineage>();
  readonly #inputs = new Set<string>();
  readonly #inputColumns: ReadonlyMap<string, readonly string[]>;
  readonly #resolved = new Map<string, ResolvedRelation>();
  readonly #resolving = new Set<string>();

  constructor(pipeline: PipelineComposition) {
    for (const step of pipeline.steps) this.#steps.set(step.name.toLowerCase(), step);
    for (const input of pipeline.inputs) this.#inputs.add(input.name.toLowerCase());
    const columns = pipeline.inputColumns ?? {};
    this.#inputColumns = new Map(
      [...(columns instanceof Map ? columns : Object.entries(columns))].map(([k, v]) => [k.toLowerCase(), v]),
    );
  }

  relation(name: string): ResolvedRelation {
    const key = name.toLowerCase();
    const cached = this.#resolved.get(key);
    if (cached) return cached;
    let resolved: ResolvedRelation;
    if (this.#inputs.has(key)) resolved = this.#input(name);
    else if (!this.#steps.has(key))
      resolved = { columns: [], rows: [], gaps: [`"${name}" is not an input or a step of the pipeline`] };
    else if (this.#resolving.has(key))
      resolved = { columns: [], rows: [], gaps: [`step "${name}" reads itself through other steps`] };
    else {
      this.#resolving.add(key);
      resolved = this.#step(this.#steps.get(key)!);
      this.#resolving.delete(key);
    }
    this.#resolved.set(key, resolved);
    return resolved;
  }

  /** An output written straight from an input: each column is itself, directly. */
  #input(name: string): ResolvedRelation {
    const columns = this.#inputColumns.get(name.toLowerCase());
    if (!columns) return { columns: [], rows: [], gaps: [`the columns of input "${name}" are not known`] };
    return {
      columns: columns.map((column) => ({ column, sources: [{ relation: name, column, transform: 'direct' }] })),
      rows: [],
      gaps: [],
    };
  }

  #step({ name, lineage }: StepLineage): ResolvedRelation {
    const own = (reason: string) => `step "${name}": ${reason}`;
    const rows = new RowSourceSet();
    for (const read of lineage.reads) {
      // Whatever decided an upstream step's rows decides this step's rows too.
      if (this.#inputs.has(read.toLowerCase())) continue;
      const upstream = this.relation(read);
      rows.addAll(upstream.rows);
      for (const gap of upstream.gaps) rows.gap(gap);
    }
    for (const source of lineage.rows) this.#expand(source, rows, own);
    const columns = lineage.columns.map((column): ColumnLineage => {
      const sink = new ColumnSourceSet();
      if (column.unresolved !== undefined) sink.gap(own(column.unresolved));
      for (const source of column.sources) this.#expand(source, sink, own);
      const reasons = sink.gaps();
      const sources = sink.sources();
      return reasons.length === 0
        ? { column: column.column, sources }
        : { column: column.column, sources, unresolved: reasons.join('; ') };
    });
    const gaps = [...lineage.unresolved.filter((gap) => gap.column === undefined).map((gap) => own(gap.reason))];
    return { columns, rows: rows.sources(), gaps: [...new Set([...gaps, ...rows.gaps()])] };
  }

  /** One source of a step, replaced by what it came from when it names an earlier step. */
  #expand(source: ColumnSource, sink: DependencySink, own: (reason: string) => string): void {
    const key = source.relation.toLowerCase();
    if (this.#inputs.has(key)) return sink.add(source);
    if (!this.#steps.has(key)) return sink.gap(own(`"${source.relation}" is not an input or a step of the pipeline`));
    const upstream = this.relation(source.relation);
    const column = upstream.columns.find((c) => c.column.toLowerCase() === source.column.toLowerCase());
    if (!column) return sink.gap(own(`step "${source.relation}" has no known column "${source.column}"`));
    for (const inner of column.sources) {
      sink.add({ ...inner, transform: combineTransforms(source.transform, inner.transform) });
    }
    if (column.unresolved !== undefined) sink.gap(column.unresolved);
  }
}
