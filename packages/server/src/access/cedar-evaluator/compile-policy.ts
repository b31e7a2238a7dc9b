/**
 * One Cedar policy, from its JSON form, as a predicate over a request: its scope (principal,
 * action, resource) and then its `when`/`unless` conditions, in order. As in Cedar, a policy whose
 * evaluation errors is not satisfied; `DELEGATE` is not caught here (the decision goes to wasm).
 */
import type { TypeAndId } from '@cedar-policy/cedar-wasm/nodejs';
import { EVALUATION_ERROR, expectBool, type CedarValue } from './cedar-value.js';
import { compileExpression, isIn, UnsupportedCedar, type Evaluator } from './compile-expression.js';
import type { EvaluationRequest } from './evaluation-request.js';

export interface CompiledPolicy {
  readonly id: string;
  readonly effect: 'permit' | 'forbid';
  isSatisfied(request: EvaluationRequest): boolean;
}

type Condition = (request: EvaluationRequest) => boolean;

interface PolicyJson {
  readonly effect?: unknown;
  readonly principal?: unknown;
  readonly action?: unknown;
  readonly resource?: unknown;
  readonly conditions?: unknown;
}

export function compilePolicy(id: string, json: PolicyJson): CompiledPolicy {
  if (json.effect !== 'permit' && json.effect !== 'forbid')
    throw new UnsupportedCedar(`the effect ${String(json.effect)}`);
  const checks: Condition[] = [
    ...scope(json.principal, (request) => request.principal),
    ...scope(json.action, (request) => request.action),
    ...scope(json.resource, (request) => request.resource),
    ...conditions(json.conditions),
  ];
  return {
    id,
    effect: json.effect,
    isSatisfied(request) {
      try {
        for (const check of checks) if (!check(request)) return false;
        return true;
      } catch (error) {
        if (error === EVALUATION_ERROR) return false;
        throw error;
      }
    },
  };
}

/** A scope constraint as zero or one checks (`All` needs none). */
function scope(constraint: unknown, subject: Evaluator): Condition[] {
  const { op, entity, entities, entity_type: type, in: within } = (constraint ?? {}) as Record<string, unknown>;
  switch (op) {
    case 'All':
      return [];
    case '==': {
      const target = reference(entity);
      return [(request) => sameAs(subject(request), target)];
    }
    case 'in': {
      if (entities !== undefined) {
        if (!Array.isArray(entities)) throw new UnsupportedCedar('an `in` scope whose entities are not a list');
        const targets = Object.freeze(entities.map(reference));
        return [(request) => isIn(request, subject(request), targets)];
      }
      const target = reference(entity);
      return [(request) => isIn(request, subject(request), target)];
    }
    case 'is': {
      if (typeof type !== 'string') throw new UnsupportedCedar('an `is` scope without an entity type');
      const target = within === undefined ? undefined : reference((within as { entity?: unknown }).entity);
      return [
        (request) => {
          const value = subject(request);
          if ((value as { __entity: TypeAndId }).__entity.type !== type) return false;
          return target === undefined || isIn(request, value, target);
        },
      ];
    }
    default:
      throw new UnsupportedCedar(`the scope constraint ${JSON.stringify(constraint)}`);
  }
}

function conditions(list: unknown): Condition[] {
  if (list === undefined) return [];
  if (!Array.isArray(list)) throw new UnsupportedCedar('conditions that are not a list');
  return list.map((condition: { kind?: unknown; body?: unknown }) => {
    const body = compileExpression(condition.body);
    if (condition.kind === 'when') return (request) => expectBool(body(request));
    if (condition.kind === 'unless') return (request) => !expectBool(body(request));
    throw new UnsupportedCedar(`the condition kind ${String(condition.kind)}`);
  });
}

/** An entity uid of a scope, as a value; a template slot (`?principal`) is not supported. */
function reference(uid: unknown): CedarValue {
  const { type, id } = (uid ?? {}) as Record<string, unknown>;
  if (typeof type !== 'string' || typeof id !== 'string')
    throw new UnsupportedCedar(`the scope entity ${JSON.stringify(uid)}`);
  return Object.freeze({ __entity: Object.freeze({ type, id }) });
}

function sameAs(value: CedarValue, target: CedarValue): boolean {
  const a = (value as { __entity: TypeAndId }).__entity;
  const b = (target as { __entity: TypeAndId }).__entity;
  return a.type === b.type && a.id === b.id;
}
