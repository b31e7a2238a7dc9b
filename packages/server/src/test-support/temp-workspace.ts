/** A real workspace on disk for tests, made with the same scaffolding users run. */
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { initWorkspace, newDomain, newProduct } from '../scaffold/scaffold-service.js';

export interface TempWorkspace {
  readonly root: string;
  write(path: string, content: string): Promise<void>;
  read(path: string): Promise<string>;
  /** Rewrites a file through a text transformation. */
  edit(path: string, change: (text: string) => string): Promise<void>;
  dispose(): Promise<void>;
}

export async function createTempWorkspace(
  products: ReadonlyArray<readonly [domain: string, product: string, archetype?: string]> = [],
): Promise<TempWorkspace> {
  const parent = await mkdtemp(join(tmpdir(), 'meshwork-test-'));
  const root = await initWorkspace(join(parent, 'mesh'), 'test-mesh');
  for (const domain of new Set(products.map(([d]) => d))) await newDomain(root, domain, 'platform');
  for (const [domain, product, archetype] of products) await newProduct(root, domain, product, archetype);
  const workspace: TempWorkspace = {
    root,
    write: async (path, content) => {
      await mkdir(dirname(join(root, path)), { recursive: true });
      await writeFile(join(root, path), content);
    },
    read: (path) => readFile(join(root, path), 'utf8'),
    edit: async (path, change) => workspace.write(path, change(await workspace.read(path))),
    dispose: () => rm(parent, { recursive: true, force: true }),
  };
  return workspace;
}
