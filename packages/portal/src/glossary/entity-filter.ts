/** The entity list's filter: what a visitor types to find an entity. */

/** Entities whose name, synonyms or description contain the words typed (case-insensitive). */
export function matchesEntity(
  entity: { readonly name: string; readonly synonyms: readonly string[]; readonly description: string },
  text: string,
): boolean {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  const haystack = [entity.name, ...entity.synonyms, entity.description].join(' ').toLowerCase();
  return words.every((w) => haystack.includes(w));
}
