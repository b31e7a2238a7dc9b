/**
 * mesh.yaml `openlineage` → the settings the sender uses, or undefined when nothing is to be sent
 * (no section, or `disabled: true`). The schema already checked the shape; this checks what a
 * schema cannot say well: a URL fetch accepts, without credentials in it (they would end up in
 * logs and errors; the key has its own setting), and a key that is really there — an `apiKey`
 * that resolved to nothing is refused, never sent as an empty bearer.
 */
import { InputError, type MeshConfig } from '@meshwork/core';

/** The OpenLineage HTTP transport's default path. */
export const DEFAULT_LINEAGE_ENDPOINT = '/api/v1/lineage';
export const DEFAULT_TIMEOUT_MS = 5000;

export interface OpenLineageSettings {
  /** Where events are POSTed: `url` joined with `endpoint`. Never logged (it may carry a token in its query). */
  readonly endpointUrl: string;
  readonly apiKey?: string;
  /** The job namespace of Meshwork's runs; product datasets live in `meshwork://<namespace>`. */
  readonly namespace: string;
  readonly timeoutMs: number;
}

export function openLineageSettings(config: Pick<MeshConfig, 'name' | 'openlineage'>): OpenLineageSettings | undefined {
  const section = config.openlineage;
  if (!section || section.disabled === true) return undefined;
  let url: URL;
  try {
    url = new URL(section.url);
  } catch {
    throw invalid('url is not a valid URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw invalid('url must be http or https');
  // Not echoed: the message must not carry a password someone put in the URL.
  if (url.username !== '' || url.password !== '') {
    throw invalid('url must not contain a user or password; put the key in apiKey (e.g. ${OPENLINEAGE_API_KEY})');
  }
  const endpoint = section.endpoint ?? DEFAULT_LINEAGE_ENDPOINT;
  if (!endpoint.startsWith('/')) throw invalid('endpoint must be a path starting with /');
  if (section.apiKey !== undefined && section.apiKey.trim() === '') {
    throw invalid('apiKey is empty (is its variable set?); remove apiKey if the receiver needs none');
  }
  url.pathname = `${url.pathname.replace(/\/+$/, '')}${endpoint}`;
  return Object.freeze({
    endpointUrl: url.toString(),
    ...(section.apiKey === undefined ? {} : { apiKey: section.apiKey }),
    namespace: section.namespace ?? namespaceOf(config.name),
    timeoutMs: section.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  });
}

/** The mesh name as a namespace (it also names the datasets' URI authority): lowercase, dashes. */
export function namespaceOf(meshName: string): string {
  const slug = meshName
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[^a-z0-9]+|-+$/g, '');
  return slug === '' ? 'meshwork' : slug;
}

function invalid(detail: string): InputError {
  return new InputError('MW8850', `mesh.yaml openlineage: ${detail}`);
}
