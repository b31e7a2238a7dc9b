/**
 * DEMO ONLY: keeps one working API token per user and service account of the demo mesh in a
 * JSON file, so the demo can print them and a visitor can try the API, psql and the portal as
 * each persona. The file holds plaintext tokens — exactly what a real deployment must never do —
 * so it lives under `.meshwork/` (git-ignored, mode 0600) and only `mesh demo` should call this.
 */
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { UnauthenticatedError, type MeshModel, type Role } from '@meshwork/core';
import type { MetadataStore } from '../metadata/metadata-store.js';
import { resolvePrincipal } from './resolve-principal.js';
import { parseToken } from './token-format.js';
import { createTokenService } from './token-service.js';

/** A token is replaced when it would expire within this time, so a printed token keeps working. */
const RENEW_WITHIN_MS = 7 * 86_400_000;

export interface DemoToken {
  readonly principalId: string;
  readonly kind: 'user' | 'service';
  readonly name: string;
  readonly roles: readonly Role[];
  readonly token: string;
}

export interface EnsureDemoTokensOptions {
  readonly store: MetadataStore;
  readonly model: MeshModel;
  /** Usually `demoTokensFile(root)`. */
  readonly file: string;
  readonly now?: () => Date;
}

export function demoTokensFile(root: string): string {
  return join(root, '.meshwork', 'demo-tokens.json');
}

/** One valid token per principal of the model, reusing the file's tokens that still authenticate. */
export async function ensureDemoTokens(options: EnsureDemoTokensOptions): Promise<DemoToken[]> {
  const { store, model, file } = options;
  const now = options.now ?? (() => new Date());
  const tokens = createTokenService({ store, model, now });
  const previous = await readDemoFile(file);
  const ids = [...model.users.keys(), ...model.serviceAccounts.keys()];
  const result: DemoToken[] = [];
  for (const id of ids) {
    const principal = resolvePrincipal(model, id)!;
    const kept = previous.get(id);
    const token = kept !== undefined && (await stillGood(id, kept)) ? kept : await create(id);
    result.push({ principalId: id, kind: principal.kind, name: principal.name ?? id, roles: principal.roles, token });
  }
  await writeAtomically(file, `${JSON.stringify(result, null, 2)}\n`);
  return result;

  /** Authenticates as `id`, unrestricted, and will for another week at least. */
  async function stillGood(id: string, token: string): Promise<boolean> {
    const principal = await tokens.authenticate(token).catch((error: unknown) => {
      if (error instanceof UnauthenticatedError) return undefined;
      throw error;
    });
    if (principal?.id !== id) return false;
    const stored = await store.getToken(parseToken(token)!.id);
    return !!stored && Date.parse(stored.expiresAt) - now().getTime() > RENEW_WITHIN_MS && stored.scopes === null;
  }

  async function create(id: string): Promise<string> {
    const created = await tokens.create(id, { description: 'demo token', createdBy: 'demo' });
    return created.token;
  }
}

/** principalId → token; a missing or unreadable file is simply no tokens yet. */
async function readDemoFile(file: string): Promise<Map<string, string>> {
  const tokens = new Map<string, string>();
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) return tokens;
  try {
    const entries: unknown = JSON.parse(text);
    if (!Array.isArray(entries)) return tokens;
    for (const entry of entries as { principalId?: unknown; token?: unknown }[]) {
      if (typeof entry?.principalId === 'string' && typeof entry.token === 'string')
        tokens.set(entry.principalId, entry.token);
    }
  } catch {
    // A damaged demo file is replaced by fresh tokens.
  }
  return tokens;
}

/** Written next to the target and renamed over it, so a reader never sees half a file. */
async function writeAtomically(file: string, content: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(temp, content, { mode: 0o600, flag: 'wx' });
    // writeFile's mode is filtered by the umask; make sure no one else can read tokens.
    await chmod(temp, 0o600);
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
