/** `mesh init` and `mesh new`: create workspaces, domains and products from templates. */
import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { ARCHETYPES, ConflictError, InputError, NotFoundError, type Archetype } from '@meshwork/core';
import { domainTemplate, workspaceTemplate } from './workspace-template.js';
import { productTemplate } from './product-template.js';
import { writeFileAtomically, writeFolderAtomically } from './write-folder-atomically.js';

const NAME = /^[a-z][a-z0-9-]{0,62}$/;

export function checkName(kind: string, name: string): void {
  if (!NAME.test(name))
    throw new InputError(
      'MW7002',
      `invalid ${kind} name "${name}": use lowercase letters, digits and dashes, starting with a letter`,
    );
}

export async function initWorkspace(dir: string, name?: string): Promise<string> {
  const root = resolve(dir);
  if (existsSync(join(root, 'mesh.yaml'))) throw new ConflictError('MW7001', `${root} already has a mesh.yaml`);
  if (existsSync(root) && readdirSync(root).some((f) => !f.startsWith('.'))) {
    throw new ConflictError('MW7001', `${root} is not empty; mesh init needs a new or empty folder`);
  }
  const files = workspaceTemplate(name ?? basename(root));
  for (const [path, content] of files) await writeFileAtomically(join(root, path), content);
  return root;
}

export async function newDomain(root: string, name: string, owner?: string): Promise<string> {
  checkName('domain', name);
  const dir = join(root, 'domains', name);
  if (existsSync(dir)) throw new ConflictError('MW7003', `domain "${name}" already exists at ${dir}`);
  await writeFolderAtomically(dir, new Map([['domain.yaml', domainTemplate(name, owner)]]));
  return dir;
}

export async function newProduct(
  root: string,
  domain: string,
  product: string,
  archetype: string = 'source-aligned',
  ownerTeam?: string,
): Promise<string> {
  checkName('domain', domain);
  checkName('product', product);
  if (!(ARCHETYPES as readonly string[]).includes(archetype)) {
    throw new InputError('MW7010', `unknown archetype "${archetype}"; use one of ${ARCHETYPES.join(', ')}`);
  }
  if (!existsSync(join(root, 'domains', domain, 'domain.yaml'))) {
    throw new NotFoundError('MW7005', `domain "${domain}" does not exist in ${root}`);
  }
  const dir = join(root, 'domains', domain, product);
  if (existsSync(dir)) throw new ConflictError('MW7004', `product "${domain}/${product}" already exists at ${dir}`);
  const owner = ownerTeam ?? domainOwner(await readFile(join(root, 'domains', domain, 'domain.yaml'), 'utf8'));
  await writeFolderAtomically(
    dir,
    productTemplate({ domain, product, archetype: archetype as Archetype, ownerTeam: owner }),
  );
  return dir;
}

/** The owner team a domain.yaml declares; a full parse is not needed for one top-level scalar. */
function domainOwner(text: string): string | undefined {
  return /^owner:\s*([a-z][a-z0-9-]*)\s*$/m.exec(text)?.[1];
}
