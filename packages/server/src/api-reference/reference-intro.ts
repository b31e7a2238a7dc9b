/**
 * The opening of the HTTP API reference: where the API is, how to authenticate, the error body
 * and statuses (mapped from domain errors in http/http-errors.ts), and how lists page. The lists
 * that page differently are found in the document, so the exceptions named here stay true.
 */
import type { OpenApiDocument } from './openapi-types.js';
import type { ListedOperation } from './render-operation.js';
import { fieldType } from './schema-summary.js';

export function referenceIntro(document: OpenApiDocument, operations: readonly ListedOperation[]): string {
  return `# HTTP API reference

\`mesh serve\` (and \`npm start\` for the demo mesh) serves the HTTP API. This page lists every
operation of its OpenAPI document, grouped by tag, with nested schemas summarised to their
top-level fields. The server also serves the document itself at \`/api/openapi.json\`
(${document.info.title} ${document.info.version}, OpenAPI ${document.openapi}) and an interactive reference at
\`/api/docs\`, where every nested schema is shown and requests can be tried with a token.

This page is generated from the route schemas by \`npm run docs:api\`; a test fails while it
differs from what the server serves.

## Conventions

### Base URL

\`http://127.0.0.1:8080\` by default (\`mesh serve --host <address> --port <port>\`). The API is
under \`/api/v1\`; \`/healthz\` and \`/readyz\` are for load balancers and orchestrators. Requests and
responses are JSON unless an operation says otherwise.

### Authentication

Every \`/api/v1\` operation needs \`Authorization: Bearer <credential>\`, where the credential is

- an API token: \`mesh token create <principal>\` prints a \`mwt_…\` token once (the store keeps
  only its hash); \`--scope\` narrows what the principal's policies allow
  ([token scopes](access-policies.md#token-scopes)) and \`--expires\` sets its lifetime;
- or an identity token (JWT) of the OIDC issuer configured in mesh.yaml \`identity.oidc\`
  ([workspace reference](workspace.md#identity)).

\`\`\`sh
curl -H "Authorization: Bearer $MESHWORK_TOKEN" "http://127.0.0.1:8080/api/v1/products?limit=10"
\`\`\`

A missing, malformed, unknown, expired or revoked credential gets \`401\` with
\`WWW-Authenticate: Bearer\` and a code MW52xx. \`GET /api/v1/me\` tells whose credential you hold.
The health endpoints, \`/api/openapi.json\` and \`/api/docs\` need no credential.

### Errors

Every error has the same body; \`code\` is stable and listed with its fix in
[error codes](errors.md), and \`diagnostics\` (file, line, column, fix) appears when the problem
is in workspace files:

\`\`\`json
{ "error": { "code": "MW8013", "message": "no product \\"sales.ordrs\\"" } }
\`\`\`

| Status | When |
|---|---|
| \`400\` | The request is invalid: a parameter or body that fails its schema (MW9001), or input the operation refuses (the code says which). |
| \`401\` | No valid credential (MW52xx). |
| \`403\` | Not allowed: an access policy, a role or the token's scopes refuse the action. |
| \`404\` | Not found. Also the answer for a product you may not discover, so that its existence does not leak. |
| \`409\` | A conflict with the current state, e.g. deciding an access request that is no longer pending. |
| \`503\` | Something the server needs is unavailable (the metadata database, the identity provider's keys); retry later. |
| other \`4xx\` | Refused by the HTTP layer (MW9002): an unknown route or method, a body too large, a media type that cannot be produced or read. |
| \`500\` | A bug (MW9000): the answer has no details, the server log has them. |

Each operation lists the error statuses its route declares; any \`/api/v1\` operation may also
answer \`401\`, and any operation \`500\`.

### Pagination

Lists are keyset-paginated: \`limit\` (default 100, at most 1000) and \`after\`. The answer is
\`{ "items": [...], "next": "…" }\`; pass \`next\` as \`after\` to get the following page, and stop when
\`next\` is absent.
${pagingExceptions(operations, document)}`;
}

/** The lists whose paging parameters are not `after` plus the usual `limit`. */
function pagingExceptions(operations: readonly ListedOperation[], document: OpenApiDocument): string {
  const lines = operations.flatMap(({ method, path, operation }) => {
    const query = (operation.parameters ?? []).filter((p) => p.in === 'query');
    const limit = query.find((p) => p.name === 'limit');
    if (!limit) return [];
    const usual = fieldType({ type: 'integer', minimum: 1, maximum: 1000, default: 100 }, document);
    const after = query.some((p) => p.name === 'after');
    if (after && fieldType(limit.schema ?? {}, document) === usual) return [];
    const paging = query.filter((p) => ['after', 'limit', 'offset'].includes(p.name));
    const params = paging.map((p) => `\`${p.name}\` ${fieldType(p.schema ?? {}, document)}`).join(', ');
    return [`- \`${method.toUpperCase()} ${path}\`: ${params}`];
  });
  return lines.length === 0 ? '' : `\nLists that page differently (see each operation):\n\n${lines.join('\n')}\n`;
}
