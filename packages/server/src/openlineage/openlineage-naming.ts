/**
 * How Meshwork names OpenLineage jobs and datasets, after the OpenLineage naming conventions:
 * a dataset's namespace is its datasource as `scheme://authority`, its name the path inside it,
 * so that `<namespace>/<name>` is a URI and every producer names the same table the same way.
 *
 * - job: namespace = the configured namespace (default: the mesh name), name = `domain.product`;
 * - an output port version of a product: `meshwork://<namespace>` + `<domain.product>.<port>_v<major>`
 *   — the same whether Meshwork wrote it (outputs) or a downstream product read it (inputs), so
 *   runs link up across products, and the lineage graph can tell a port from its name;
 * - a file: `file` + its absolute path;
 * - a PostgreSQL table: `postgres://<host>:<port>` + `<database>.<schema>.<table>`.
 */
import { isAbsolute, join } from 'node:path';

export interface DatasetName {
  readonly namespace: string;
  readonly name: string;
}

export interface DatasetPort {
  readonly productId: string;
  readonly port: string;
  readonly major: number;
}

export const MESHWORK_SCHEME = 'meshwork';

export function meshworkNamespace(namespace: string): string {
  return `${MESHWORK_SCHEME}://${namespace}`;
}

export function portDataset(namespace: string, port: DatasetPort): DatasetName {
  return { namespace: meshworkNamespace(namespace), name: `${port.productId}.${port.port}_v${port.major}` };
}

const PORT_NAME = /^([a-z][a-z0-9-]*\.[a-z][a-z0-9-]*)\.(.+)_v(\d+)$/;

/** The port version a dataset of a Meshwork namespace names; undefined for any other dataset. */
export function parsePortDataset(dataset: DatasetName): DatasetPort | undefined {
  if (!dataset.namespace.startsWith(`${MESHWORK_SCHEME}://`)) return undefined;
  const match = PORT_NAME.exec(dataset.name);
  if (!match) return undefined;
  return { productId: match[1]!, port: match[2]!, major: Number(match[3]) };
}

/** A file (or glob) read by a pipeline; relative paths are relative to the product's folder. */
export function fileDataset(path: string, productDir: string): DatasetName {
  return { namespace: 'file', name: isAbsolute(path) ? path : join(productDir, path) };
}

/**
 * A table read from a mesh.yaml connection. Only host, port and database are taken from the URL
 * (never the user or password); an unreadable URL falls back to the connection's name.
 */
export function postgresDataset(connectionName: string, connectionUrl: string | undefined, table: string): DatasetName {
  const qualified = table.includes('.') ? table : `public.${table}`;
  try {
    const url = new URL(connectionUrl ?? '');
    if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') throw new Error('not a postgres URL');
    const database = decodeURIComponent(url.pathname.replace(/^\//, '')) || 'postgres';
    return { namespace: `postgres://${url.hostname}:${url.port || '5432'}`, name: `${database}.${qualified}` };
  } catch {
    return { namespace: `postgres://${connectionName}`, name: qualified };
  }
}

/** The `<namespace>/<name>` URI of a dataset (`dataSource.uri` and `columnLineage` keys). */
export function datasetUri(dataset: DatasetName): string {
  const path = encodeURI(dataset.name);
  if (dataset.namespace === 'file') return `file://${path.startsWith('/') ? '' : '/'}${path}`;
  return `${dataset.namespace}/${path}`;
}
