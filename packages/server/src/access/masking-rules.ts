/**
 * Masking rules (`policies/access/masking.yaml`): which strategy masks which columns. A column
 * takes the first rule that matches it, in file order; every criterion a rule states must hold
 * (classification, column globs, tags), and within one criterion any listed value will do.
 * Whether a given principal sees the column in clear anyway is Cedar's `readClear` decision.
 */
import type { Diagnostic, MeshModel } from '@meshwork/core';
import { Type } from '@sinclair/typebox';
import { ACCESS_CODES } from './access-codes.js';
import { fileExists, MASKING_FILE } from './access-files.js';
import { portColumns, type AccessColumn } from './access-model.js';
import { MASK_STRATEGIES, type MaskStrategy, type PortRef } from './access-types.js';
import { createAccessYamlReader } from './access-yaml.js';
import { globToRegExp, matchesAny } from './glob.js';
import { stringEnum } from './string-enum.js';

const RuleId = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$' });
/** `<domain>.<product>/<port>[@<major>]/<column>`, each part possibly with `*`. */
const ColumnGlob = Type.String({ pattern: '^[^/\\s]+/[^/\\s]+/[^/\\s]+$' });

export const MaskingFileSchema = Type.Object(
  {
    apiVersion: Type.Literal('meshwork/v1'),
    kind: Type.Literal('MaskingRules'),
    masks: Type.Array(
      Type.Object(
        {
          id: RuleId,
          description: Type.String({ minLength: 1 }),
          match: Type.Object(
            {
              classification: Type.Optional(
                Type.Union([Type.String({ minLength: 1 }), Type.Array(Type.String({ minLength: 1 }), { minItems: 1 })]),
              ),
              columns: Type.Optional(Type.Array(ColumnGlob, { minItems: 1 })),
              tags: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { minItems: 1 })),
            },
            { additionalProperties: false, minProperties: 1 },
          ),
          strategy: stringEnum(MASK_STRATEGIES),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

export interface MaskRule {
  readonly id: string;
  readonly description: string;
  readonly strategy: MaskStrategy;
  matches(port: PortRef, column: AccessColumn): boolean;
}

export interface MaskingRules {
  readonly rules: readonly MaskRule[];
  readonly diagnostics: readonly Diagnostic[];
}

const reader = createAccessYamlReader(MaskingFileSchema, 'masking rules');

export function loadMaskingRules(root: string, model: MeshModel): MaskingRules {
  if (!fileExists(root, MASKING_FILE)) return { rules: [], diagnostics: [] };
  const { source, value, diagnostics } = reader.read(root, MASKING_FILE);
  if (!source || !value) return { rules: [], diagnostics };
  const problems: Diagnostic[] = [];
  const seen = new Set<string>();
  const rules: MaskRule[] = [];
  value.masks.forEach((spec, i) => {
    const at = (pointer: string) => ({ file: MASKING_FILE, ...source.locate(`/masks/${i}${pointer}`) });
    if (seen.has(spec.id)) {
      problems.push({
        code: 'MW5509',
        severity: 'error',
        ...at('/id'),
        message: `mask id "${spec.id}" is used twice`,
        fix: ACCESS_CODES.MW5509.fix,
      });
      return;
    }
    seen.add(spec.id);
    const classifications =
      spec.match.classification === undefined
        ? undefined
        : [spec.match.classification].flat().map((c) => c.toLowerCase());
    const globs = spec.match.columns?.map(globToRegExp);
    const tags = spec.match.tags;
    rules.push({
      id: spec.id,
      description: spec.description,
      strategy: spec.strategy,
      matches: (port, column) =>
        (classifications === undefined || classifications.includes(column.classification)) &&
        (tags === undefined || tags.some((t) => column.tags.includes(t))) &&
        (globs === undefined ||
          matchesAny(
            globs,
            `${port.productId}/${port.port}/${column.name}`,
            `${port.productId}/${port.port}@${port.major}/${column.name}`,
          )),
    });
  });
  // Only masks that name columns are expected to match now: one by classification or tags also
  // guards columns that do not exist yet (a new workspace has none), while a glob that matches
  // nothing is most likely a typo that leaves the intended column unmasked.
  const named = rules.filter((rule) => value.masks.find((m) => m.id === rule.id)?.match.columns !== undefined);
  for (const id of unmatchedRules(named, model)) {
    const i = value.masks.findIndex((m) => m.id === id);
    problems.push({
      code: 'MW5513',
      severity: 'warning',
      file: MASKING_FILE,
      ...source.locate(`/masks/${i}/match`),
      message: `mask "${id}" matches no column of the mesh`,
      fix: ACCESS_CODES.MW5513.fix,
    });
  }
  return { rules, diagnostics: problems };
}

/** The rule that masks `column` of `port`, if any: the first that matches. */
export function maskRuleFor(rules: readonly MaskRule[], port: PortRef, column: AccessColumn): MaskRule | undefined {
  return rules.find((rule) => rule.matches(port, column));
}

/** One pass over every column; a rule leaves the pending set at its first match. */
function unmatchedRules(rules: readonly MaskRule[], model: MeshModel): string[] {
  const pending = new Set(rules);
  for (const product of model.products.values()) {
    for (const port of product.outputPorts) {
      if (pending.size === 0) return [];
      const ref = { productId: product.id, port: port.name, major: port.major };
      for (const column of portColumns(port)) {
        for (const rule of pending) if (rule.matches(ref, column)) pending.delete(rule);
      }
    }
  }
  return [...pending].map((r) => r.id);
}
