/**
 * The glossary identifiers columns may bind to, as governance facts: `Entity.identifier` →
 * the logical type, format and pattern every bound column must share so that products of
 * different domains join on it.
 */
import type { IdentifierFacts, MeshModel } from '@meshwork/core';

export function glossaryIdentifiers(model: MeshModel): (term: string) => Omit<IdentifierFacts, 'term'> | undefined {
  const identifiers = new Map<string, Omit<IdentifierFacts, 'term'>>();
  for (const entity of model.glossary.entities.values()) {
    for (const identifier of entity.identifiers) {
      identifiers.set(`${entity.name}.${identifier.name}`, {
        logicalType: identifier.logicalType,
        format: identifier.format ?? '',
        pattern: identifier.pattern ?? '',
      });
    }
  }
  return (term) => identifiers.get(term);
}
