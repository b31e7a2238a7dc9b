/** Whether a policy's scope covers a product (domains, ids, archetypes, tags, status). */
import type { CompiledPolicy } from './compiled-policy.js';
import type { ProductFacts } from './policy-facts.js';

export function scopeCoversProduct(policy: CompiledPolicy, product: ProductFacts): boolean {
  const { domains, products, archetypes, tags, status } = policy.scope;
  if (domains && !domains.includes(product.domain)) return false;
  if (products && !products.some((glob) => globMatches(glob, product.id))) return false;
  if (archetypes && !archetypes.includes(product.archetype)) return false;
  if (tags && !tags.some((tag) => product.tags.includes(tag))) return false;
  if (status && !status.includes(product.status)) return false;
  return true;
}

export function scopeCoversClassification(policy: CompiledPolicy, classification: string): boolean {
  const wanted = policy.scope.classifications;
  // Classifications compare case-insensitively, as the access policies compare them.
  return !wanted || wanted.some((w) => w.toLowerCase() === classification);
}

const globs = new Map<string, RegExp>();

/** `*` matches within one dot-separated segment; everything else is literal. */
export function globMatches(glob: string, id: string): boolean {
  let pattern = globs.get(glob);
  if (!pattern) {
    const body = glob
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('[^.]*');
    globs.set(glob, (pattern = new RegExp(`^${body}$`)));
  }
  return pattern.test(id);
}
