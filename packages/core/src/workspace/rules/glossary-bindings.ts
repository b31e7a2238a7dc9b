/**
 * Every glossary binding of a contract column names something the glossary defines (MW3105,
 * MW3106) and is written as a term URN (MW3107). Reported at the `url` of the
 * `authoritativeDefinitions` entry, so the editor jumps to the binding itself. While a glossary
 * file cannot be parsed, names are not judged: that file's error is the one to fix.
 */
import { glossaryBindingsOf, parseTermId } from '../../glossary/glossary-binding.js';
import type { Glossary } from '../../glossary/glossary-types.js';
import { resolveTerm } from '../../glossary/resolve-term.js';
import type { WorkspaceCode } from '../workspace-codes.js';
import type { WorkspaceRule } from './rule-context.js';

type Loose = Record<string, unknown>;

export const glossaryBindings: WorkspaceRule = (ctx) => {
  for (const { product, contractSources } of ctx.products) {
    for (const contract of product.contracts) {
      const source = contractSources.get(contract.file);
      objects((contract.document as unknown as Loose).schema).forEach((table, t) => {
        objects(table.properties).forEach((property, p) => {
          const column = typeof property.name === 'string' ? property.name : `#${p}`;
          for (const binding of glossaryBindingsOf(property.authoritativeDefinitions)) {
            const problem = bindingProblem(ctx.glossary, binding.term, binding.valid);
            if (!problem || (problem.code !== 'MW3107' && !ctx.glossaryComplete)) continue;
            const pointer = `/schema/${t}/properties/${p}/authoritativeDefinitions/${binding.index}/url`;
            ctx.report(problem.code, source, pointer, `column ${column}: ${problem.message}`);
          }
        });
      });
    }
  }
};

function bindingProblem(
  glossary: Glossary,
  term: string,
  valid: boolean,
): { code: WorkspaceCode; message: string } | undefined {
  if (!valid) {
    return {
      code: 'MW3107',
      message: `"${term}" is not a glossary name: write Name or Name.member (PascalCase entity, snake_case member)`,
    };
  }
  const resolved = resolveTerm(glossary, term);
  if (resolved?.kind === 'relation') {
    return {
      code: 'MW3106',
      message: `${term} is a relation of ${resolved.entity.name}; bind columns to identifiers or attributes`,
    };
  }
  if (resolved) return undefined;
  const { concept, member } = parseTermId(term)!;
  const entity = glossary.entities.get(concept);
  if (entity && member !== undefined) {
    const known = [...entity.identifiers, ...entity.attributes].map((m) => m.name);
    return {
      code: 'MW3106',
      message: `${concept} has no identifier or attribute "${member}"${known.length ? ` (it has ${known.join(', ')})` : ''}`,
    };
  }
  const what = member !== undefined && (glossary.terms.has(concept) || glossary.metrics.has(concept));
  return {
    code: 'MW3105',
    message: what
      ? `${concept} is a term or metric, which has no members like "${member}"`
      : `the glossary defines no entity, term or metric named "${concept}"`,
  };
}

function objects(value: unknown): Loose[] {
  return Array.isArray(value) ? value.map((v) => (v !== null && typeof v === 'object' ? (v as Loose) : {})) : [];
}
