/**
 * Where things live in a workspace, decided from paths alone:
 *
 *   mesh.yaml
 *   domains/<domain>/domain.yaml
 *   domains/<domain>/<product>/product.odps.yaml | <port>.odcs.yaml | pipeline.yaml | *.sql
 *   glossary/<name>.yaml | <name>.yml
 *   policies/…
 */
export type WorkspaceFileRole =
  | { readonly role: 'mesh' }
  | { readonly role: 'domain'; readonly domain: string }
  | { readonly role: 'glossary' }
  | {
      readonly role: 'descriptor' | 'contract' | 'pipeline' | 'sql' | 'unrecognised';
      readonly domain: string;
      readonly product: string;
    }
  | { readonly role: 'ignored' };

export const MESH_FILE = 'mesh.yaml';
export const DESCRIPTOR_FILE = 'product.odps.yaml';
export const PIPELINE_FILE = 'pipeline.yaml';
export const CONTRACT_SUFFIX = '.odcs.yaml';
export const GLOSSARY_FOLDER = 'glossary';
/** Folders inside a domain that are not products. */
export const RESERVED_DOMAIN_FOLDERS: ReadonlySet<string> = new Set(['policies', 'glossary', 'docs']);

export function classifyPath(path: string): WorkspaceFileRole {
  if (path === MESH_FILE) return { role: 'mesh' };
  const parts = path.split('/');
  // Only YAML directly in glossary/ is glossary: a README or notes beside it stay ignored.
  if (parts[0] === GLOSSARY_FOLDER) {
    return parts.length === 2 && /\.ya?ml$/.test(parts[1]!) ? { role: 'glossary' } : { role: 'ignored' };
  }
  if (parts[0] !== 'domains') return { role: 'ignored' };
  if (parts.length === 3 && parts[2] === 'domain.yaml') return { role: 'domain', domain: parts[1]! };
  if (parts.length !== 4 || RESERVED_DOMAIN_FOLDERS.has(parts[2]!)) return { role: 'ignored' };
  const [, domain, product, name] = parts as [string, string, string, string];
  if (name === DESCRIPTOR_FILE) return { role: 'descriptor', domain, product };
  if (name === PIPELINE_FILE) return { role: 'pipeline', domain, product };
  if (name.endsWith(CONTRACT_SUFFIX)) return { role: 'contract', domain, product };
  if (name.endsWith('.sql')) return { role: 'sql', domain, product };
  if (/\.(ya?ml|json)$/.test(name)) return { role: 'unrecognised', domain, product };
  return { role: 'ignored' };
}

/** True for paths whose text the loader needs (the reader skips everything else). */
export function isWorkspaceSourcePath(path: string): boolean {
  return classifyPath(path).role !== 'ignored';
}

export function productDirectory(domain: string, product: string): string {
  return `domains/${domain}/${product}`;
}
