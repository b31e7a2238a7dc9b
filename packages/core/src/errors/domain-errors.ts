/**
 * The handful of domain errors. They know nothing of HTTP or exit codes: each surface
 * (HTTP API, CLI) maps them once, at its edge. Anything else thrown is a bug.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';

export abstract class MeshworkError extends Error {
  abstract readonly kind: 'input' | 'unauthenticated' | 'not-found' | 'not-allowed' | 'conflict' | 'unavailable';
  constructor(
    /** Stable code, documented in docs/reference/errors.md. */
    readonly code: string,
    message: string,
    readonly diagnostics: readonly Diagnostic[] = [],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The caller sent something wrong; fixing the input fixes the call. */
export class InputError extends MeshworkError {
  readonly kind = 'input' as const;
}

/** The caller did not say who it is, or its credentials are invalid, expired or revoked. */
export class UnauthenticatedError extends MeshworkError {
  readonly kind = 'unauthenticated' as const;
}

/** The thing does not exist — or the caller may not know that it does. */
export class NotFoundError extends MeshworkError {
  readonly kind = 'not-found' as const;
}

/** The caller is known but not allowed to do this. */
export class NotAllowedError extends MeshworkError {
  readonly kind = 'not-allowed' as const;
}

/** The request conflicts with the current state (a concurrent change, a duplicate). */
export class ConflictError extends MeshworkError {
  readonly kind = 'conflict' as const;
}

/** A component the request needs (database, file system, source) is not reachable. */
export class UnavailableError extends MeshworkError {
  readonly kind = 'unavailable' as const;
}

export function isMeshworkError(value: unknown): value is MeshworkError {
  return value instanceof MeshworkError;
}
