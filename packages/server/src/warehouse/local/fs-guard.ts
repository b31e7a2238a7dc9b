/**
 * File-system failures become UnavailableError MW8103 naming the path and the errno code, so a
 * full disk or a read-only folder is reported as "the warehouse cannot write <path>", not as a
 * stack trace. Errors that are not file-system errors (bugs, domain errors) pass through.
 */
import { stat } from 'node:fs/promises';
import { isMeshworkError, UnavailableError } from '@meshwork/core';

export async function guard<T>(action: string, path: string, operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    throw storageError(error, action, path);
  }
}

export function storageError(error: unknown, action: string, path: string): unknown {
  const code = errnoCode(error);
  if (isMeshworkError(error) || code === undefined) return error;
  const detail = error instanceof Error ? error.message : String(error);
  // Node's messages already start with the errno ("ENOTDIR: not a directory, …").
  const reason = detail.startsWith(code) ? detail : `${code}: ${detail}`;
  return new UnavailableError('MW8103', `Warehouse storage unavailable: cannot ${action} ${path} (${reason}).`);
}

export function errnoCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code) ? code : undefined;
}

export function isMissing(error: unknown): boolean {
  return errnoCode(error) === 'ENOENT';
}

export async function pathExists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (error) {
    if (isMissing(error)) return false;
    throw storageError(error, 'read', path);
  }
}
