/**
 * Deterministic mutations of ODCS documents for the conformance test: generic ones (delete a
 * key, add a key, change a value's type, odd strings, duplicated items) and targeted ones
 * around the conditionals of the standard (logical types and their options, quality rule
 * types, server types, team shapes, relationships, custom properties, ids).
 */
import fc from 'fast-check';
import {
  getAt,
  isObject,
  nodesOf,
  pointerOf,
  setAt,
  typeOf,
  type Json,
  type JsonNode,
  type JsonObject,
  type Path,
} from './json-tree.js';
import * as pools from './odcs-mutation-pools.js';
import { targets } from './odcs-mutation-targets.js';

/** One mutation, as drawn by fast-check: which kind, where (indices wrap around), what. */
export type MutationPlan =
  | { kind: 'delete-key' | 'duplicate-item' | 'remove-item' | 'empty-container'; node: number; pick: number }
  | { kind: 'add-key'; node: number; key: string; value: Json }
  | { kind: 'retype' | 'odd-string'; node: number; pick: number }
  | { kind: 'targeted'; target: TargetKind; node: number; key: string; value: Json | undefined };

type TargetKind = keyof typeof targets;

const index = () => fc.nat({ max: 100_000 });
const pooled = <T>(values: readonly T[]) => fc.constantFrom(...values);

export function mutationPlanArbitrary(knownKeys: readonly string[]): fc.Arbitrary<MutationPlan> {
  const simple = (kind: 'delete-key' | 'duplicate-item' | 'remove-item' | 'empty-container') =>
    fc.record({ kind: fc.constant(kind), node: index(), pick: index() });
  const targeted = Object.entries(targets).map(([target, spec]) => ({
    weight: spec.weight,
    arbitrary: fc.record({
      kind: fc.constant('targeted' as const),
      target: fc.constant(target as TargetKind),
      node: index(),
      key: pooled(spec.keys),
      value: pooled<Json | undefined>(spec.values),
    }),
  }));
  return fc.oneof(
    { weight: 3, arbitrary: simple('delete-key') },
    {
      weight: 3,
      arbitrary: fc.record({
        kind: fc.constant('add-key' as const),
        node: index(),
        key: fc.oneof(pooled(knownKeys), pooled(pools.unknownKeys)),
        value: pooled(pools.anyValues),
      }),
    },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('retype' as const), node: index(), pick: index() }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('odd-string' as const), node: index(), pick: index() }) },
    { weight: 1, arbitrary: simple('duplicate-item') },
    { weight: 1, arbitrary: simple('remove-item') },
    { weight: 1, arbitrary: simple('empty-container') },
    ...targeted,
  );
}

/**
 * Applies `plan` to `copy` in place; says what it did, or undefined when it found nothing to
 * do. `nodes` describe the copy as it is (their values are only read).
 */
function applyMutation(copy: Json, plan: MutationPlan, nodes: JsonNode[]): string | undefined {
  const pickNode = (candidates: JsonNode[]) => candidates[plan.node % Math.max(candidates.length, 1)];
  const show = (value: Json | undefined) => (value === undefined ? '(deleted)' : JSON.stringify(value));

  switch (plan.kind) {
    case 'delete-key': {
      const node = pickNode(nodes.filter((n) => isObject(n.value) && Object.keys(n.value).length > 0));
      if (!node || !isObject(node.value)) return undefined;
      const keys = Object.keys(node.value);
      const key = keys[plan.pick % keys.length]!;
      delete (getAt(copy, node.path) as JsonObject)[key];
      return `delete ${pointerOf([...node.path, key])}`;
    }
    case 'add-key': {
      const node = pickNode(nodes.filter((n) => isObject(n.value)));
      if (!node || !isObject(node.value)) return undefined;
      (getAt(copy, node.path) as JsonObject)[plan.key] = structuredClone(plan.value);
      return `set ${pointerOf([...node.path, plan.key])} = ${show(plan.value)}`;
    }
    case 'retype': {
      const node = pickNode(nodes.filter((n) => n.path.length > 0));
      if (!node) return undefined;
      const others = pools.typedValues.filter((v) => typeOf(v) !== typeOf(node.value));
      const value = others[plan.pick % others.length]!;
      setAt(copy, node.path, structuredClone(value));
      return `retype ${pointerOf(node.path)} = ${show(value)}`;
    }
    case 'odd-string': {
      const node = pickNode(nodes.filter((n) => typeof n.value === 'string'));
      if (!node) return undefined;
      const value = pools.oddStrings[plan.pick % pools.oddStrings.length]!;
      setAt(copy, node.path, value);
      return `set ${pointerOf(node.path)} = ${show(value)}`;
    }
    case 'duplicate-item':
    case 'remove-item':
    case 'empty-container': {
      const containers = nodes.filter((n) =>
        plan.kind === 'empty-container'
          ? n.path.length > 0 && (Array.isArray(n.value) || isObject(n.value))
          : Array.isArray(n.value) && n.value.length > 0,
      );
      const node = pickNode(containers);
      if (!node) return undefined;
      if (plan.kind === 'empty-container') {
        setAt(copy, node.path, Array.isArray(node.value) ? [] : {});
        return `empty ${pointerOf(node.path)}`;
      }
      const items = getAt(copy, node.path) as Json[];
      const at = plan.pick % items.length;
      if (plan.kind === 'remove-item') items.splice(at, 1);
      else items.push(structuredClone(items[at]!));
      return `${plan.kind} ${pointerOf([...node.path, at])}`;
    }
    case 'targeted': {
      const node = pickNode(nodes.filter((n) => targets[plan.target].where(n.path)));
      if (!node || !isObject(node.value)) return undefined;
      const path: Path = [...node.path, plan.key];
      if (plan.target === 'append-quality' || plan.target === 'append-server') {
        const list = getAt(copy, path);
        if (Array.isArray(list) && plan.value !== undefined) list.push(structuredClone(plan.value));
        else setAt(copy, path, plan.value === undefined ? undefined : [structuredClone(plan.value)]);
        return `append to ${pointerOf(path)}: ${show(plan.value)}`;
      }
      setAt(copy, path, plan.value === undefined ? undefined : structuredClone(plan.value));
      return `${plan.target}: set ${pointerOf(path)} = ${show(plan.value)}`;
    }
  }
}

const nodesOfOriginal = new WeakMap<object, JsonNode[]>();

/** Applies the plans in turn to a copy of `doc`, skipping no-ops; undefined when none applied. */
export function applyMutations(
  doc: Json,
  plans: readonly MutationPlan[],
): { doc: Json; description: string } | undefined {
  const copy = structuredClone(doc);
  // Walking a big example is a good part of the cost: the copy's first walk is the original's.
  const key = doc as object;
  if (!nodesOfOriginal.has(key)) nodesOfOriginal.set(key, nodesOf(doc));
  const steps = plans
    .map((plan, i) => applyMutation(copy, plan, i === 0 ? nodesOfOriginal.get(key)! : nodesOf(copy)))
    .filter((step) => step !== undefined);
  return steps.length > 0 ? { doc: copy, description: steps.join('; then ') } : undefined;
}
