/**
 * One operation of the reference page: method and path, what it does, its parameters, its
 * request body, each success response with its top-level fields, and the error statuses in one
 * line (every error has the same body, described once in the page's introduction).
 */
import { headingAnchor, markdownTable } from './markdown.js';
import type { JsonSchema, OpenApiDocument, OpenApiOperation, OpenApiParameter } from './openapi-types.js';
import { describeSchema, fieldType, objectFields, resolveSchema, type SchemaField } from './schema-summary.js';

export interface ListedOperation {
  readonly method: string;
  readonly path: string;
  readonly operation: OpenApiOperation;
}

/**
 * Field tables already on the page, by schema, with a link to where: a large shape answered by
 * several operations is shown once and referred to afterwards.
 */
export type SeenShapes = Map<string, string>;

/** fastify-swagger's description of a response whose schema gave none: says nothing. */
const PLACEHOLDER_DESCRIPTION = 'Default Response';
const PARAMETER_PLACES = ['path', 'query', 'header', 'cookie'];
/** Shapes with fewer fields are repeated: a link would not be shorter. */
const SHARED_SHAPE_FIELDS = 6;

interface ShapeContext {
  readonly document: OpenApiDocument;
  readonly seen: SeenShapes;
  /** The operation's heading, to link to from later operations. */
  readonly heading: string;
}

export function renderOperation(
  { method, path, operation }: ListedOperation,
  document: OpenApiDocument,
  seen: SeenShapes = new Map(),
): string {
  const heading = `${method.toUpperCase()} ${path}`;
  const context: ShapeContext = { document, seen, heading };
  const blocks = [`### ${heading}`];
  if (operation.deprecated) blocks.push('**Deprecated.**');
  if (operation.summary) blocks.push(operation.summary);
  if (operation.description) blocks.push(operation.description);
  if (operation.security?.length === 0) blocks.push('Open: no credential needed.');
  blocks.push(...renderParameters(operation.parameters ?? [], document));
  blocks.push(...renderRequestBody(operation, context));
  blocks.push(...renderResponses(operation, context));
  return blocks.join('\n\n');
}

function renderParameters(parameters: readonly OpenApiParameter[], document: OpenApiDocument): string[] {
  if (parameters.length === 0) return [];
  // Path parameters first, then query parameters in the order the route declares them.
  const place = (p: OpenApiParameter) => PARAMETER_PLACES.indexOf(p.in);
  const sorted = parameters.map((p, i) => ({ p, i })).sort((a, b) => place(a.p) - place(b.p) || a.i - b.i);
  const rows = sorted.map(({ p }) => {
    const schema = p.schema ?? {};
    const description = p.description ?? resolveSchema(schema, document).description ?? '';
    return [`\`${p.name}\``, p.in, fieldType(schema, document), p.required ? 'yes' : '', description];
  });
  return ['Parameters:', markdownTable(['Name', 'In', 'Type', 'Required', 'Description'], rows)];
}

function renderRequestBody({ requestBody }: OpenApiOperation, context: ShapeContext): string[] {
  if (!requestBody?.content) return [];
  return Object.entries(requestBody.content).flatMap(([mediaType, { schema }]) => {
    const label = `Request body (\`${mediaType}\`${requestBody.required ? ', required' : ''})`;
    return renderShape(label, 'request body', schema ?? {}, context);
  });
}

function renderResponses({ responses = {} }: OpenApiOperation, context: ShapeContext): string[] {
  const statuses = Object.keys(responses).sort(byStatus);
  const isError = (status: string) => Number(status) >= 400;
  const blocks = statuses
    .filter((status) => !isError(status))
    .flatMap((status) => {
      const response = responses[status]!;
      const said = response.description === PLACEHOLDER_DESCRIPTION ? undefined : response.description;
      const content = Object.entries(response.content ?? {});
      if (content.length === 0) return [`Response \`${status}\`${said ? ` — ${said}` : ''}.`];
      // The first media type carries the description; the others are alternatives to it.
      return content.flatMap(([mediaType, { schema }], i) => {
        const label =
          i === 0 ? `Response \`${status}\` (\`${mediaType}\`)${said ? ` — ${said}` : ''}` : `Also as \`${mediaType}\``;
        return renderShape(label, `response \`${status}\``, schema ?? {}, context);
      });
    });
  const errors = statuses.filter(isError);
  if (errors.length > 0) {
    blocks.push(`Errors: ${errors.map((status) => `\`${status}\``).join(', ')} ([error body](#errors)).`);
  }
  return blocks;
}

/** A body or response: a table of its top-level fields (or of its items'), else a short type. */
function renderShape(label: string, what: string, schema: JsonSchema, context: ShapeContext): string[] {
  const { document, seen, heading } = context;
  const resolved = resolveSchema(schema, document);
  const fields = objectFields(resolved, document);
  const items = resolved.items !== undefined && !Array.isArray(resolved.items) ? resolved.items : undefined;
  const itemFields = fields === undefined && items ? objectFields(items as JsonSchema, document) : undefined;
  const shown = fields ?? itemFields;
  if (shown === undefined || shown.length === 0) {
    const note = resolved.description ? ` — ${resolved.description}` : '';
    return [`${label}: ${describeSchema(resolved, document)}${note}`];
  }
  const intro = fields ? label : `${label}: an array, each item`;
  const direction = what === 'request body' ? 'request' : 'response';
  if (shown.length >= SHARED_SHAPE_FIELDS) {
    const key = `${direction} ${JSON.stringify(resolved)}`;
    const earlier = seen.get(key);
    if (earlier) return [`${intro}: the same fields as the ${earlier}.`];
    seen.set(key, `${what} of [${heading}](#${headingAnchor(heading)})`);
  }
  return [`${intro}:`, fieldTable(shown, direction)];
}

/** Requests say which fields are required; responses say which may be absent. */
function fieldTable(fields: readonly SchemaField[], direction: 'request' | 'response'): string {
  if (direction === 'request') {
    return markdownTable(
      ['Field', 'Type', 'Required', 'Description'],
      fields.map((f) => [`\`${f.name}\``, f.type, f.required ? 'yes' : '', f.description]),
    );
  }
  return markdownTable(
    ['Field', 'Type', 'Description'],
    fields.map((f) => [`\`${f.name}\``, f.required ? f.type : `${f.type}, optional`, f.description]),
  );
}

/** Numeric statuses in order, then `default` and other names. */
function byStatus(a: string, b: string): number {
  const [x, y] = [Number(a), Number(b)];
  if (Number.isNaN(x) !== Number.isNaN(y)) return Number.isNaN(x) ? 1 : -1;
  return Number.isNaN(x) ? compareText(a, b) : x - y;
}

/** Code-unit order: the same on every machine, whatever its locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
