/**
 * docs/reference/http-api.md from the OpenAPI document: the conventions, then one section per
 * tag with every operation. Deterministic: paths sorted, methods in a fixed order, tags in the
 * document's declared order and then by name, no dates.
 */
import { headingAnchor } from './markdown.js';
import type { OpenApiDocument, OpenApiOperation } from './openapi-types.js';
import { referenceIntro } from './reference-intro.js';
import { compareText, renderOperation, type ListedOperation, type SeenShapes } from './render-operation.js';
import { TAG_GUIDES } from './tag-guides.js';

const METHODS = ['get', 'put', 'post', 'patch', 'delete', 'options', 'head', 'trace'];
/** Where operations without a tag are listed. */
const UNTAGGED = 'other';

/**
 * The reference page (Markdown) of an OpenAPI 3.x document.
 *
 * @example
 * writeFileSync('docs/reference/http-api.md', renderApiReference(await servedOpenApiDocument()));
 */
export function renderApiReference(document: OpenApiDocument): string {
  const operations = listOperations(document);
  const sections = groupByTag(operations, document);
  const seen: SeenShapes = new Map();
  const contents = sections.map(
    ([tag, listed]) => `[${tagTitle(tag)}](#${headingAnchor(tagTitle(tag))}) (${listed.length})`,
  );
  const blocks = [
    referenceIntro(document, operations).trimEnd(),
    `## Contents\n\n${operations.length} operations, by tag: ${contents.join(', ')}.`,
    // Shapes shown once are referred to afterwards (the agreement object is answered by six operations).
    ...sections.map(([tag, listed]) => renderSection(tag, listed, document, seen)),
  ];
  return `${blocks.join('\n\n')}\n`;
}

/** Every operation of the document, by path and then method. */
export function listOperations(document: OpenApiDocument): ListedOperation[] {
  return Object.keys(document.paths)
    .sort(compareText)
    .flatMap((path) => {
      const item = document.paths[path] ?? {};
      return METHODS.filter((method) => typeof item[method] === 'object' && item[method] !== null).map((method) => ({
        method,
        path,
        operation: item[method] as OpenApiOperation,
      }));
    });
}

/** Operations under their first tag: declared tags in the document's order, then the rest by name. */
function groupByTag(operations: readonly ListedOperation[], document: OpenApiDocument): [string, ListedOperation[]][] {
  const byTag = new Map<string, ListedOperation[]>();
  for (const listed of operations) {
    const tag = listed.operation.tags?.[0] ?? UNTAGGED;
    byTag.set(tag, [...(byTag.get(tag) ?? []), listed]);
  }
  const declared = (document.tags ?? []).map((t) => t.name).filter((name) => byTag.has(name));
  const others = [...byTag.keys()].filter((name) => !declared.includes(name)).sort(compareText);
  return [...declared, ...others].map((tag) => [tag, byTag.get(tag)!]);
}

function renderSection(
  tag: string,
  operations: readonly ListedOperation[],
  document: OpenApiDocument,
  seen: SeenShapes,
): string {
  const blocks = [`## ${tagTitle(tag)}`];
  const description = document.tags?.find((t) => t.name === tag)?.description;
  if (description) blocks.push(description);
  const guides = TAG_GUIDES[tag];
  if (guides) blocks.push(`See also: ${guides.map(([title, path]) => `[${title}](${path})`).join(', ')}.`);
  blocks.push(...operations.map((listed) => renderOperation(listed, document, seen)));
  return blocks.join('\n\n');
}

function tagTitle(tag: string): string {
  return tag.charAt(0).toUpperCase() + tag.slice(1);
}
