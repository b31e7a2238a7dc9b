/**
 * Reading driver errors without trusting their shape: better-sqlite3, pg and Node's sockets all
 * put a string `code` on their errors, and Node wraps multi-address connect failures in an
 * AggregateError whose own errors carry it.
 */
export function driverErrorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') return code;
  if (error instanceof AggregateError) {
    for (const inner of error.errors) {
      const innerCode = driverErrorCode(inner);
      if (innerCode) return innerCode;
    }
  }
  return undefined;
}

export function driverErrorMessage(error: unknown): string {
  if (error instanceof AggregateError && error.message === '') {
    return error.errors.map(driverErrorMessage).join('; ');
  }
  return error instanceof Error ? error.message : String(error);
}

/** Removes every occurrence of each secret, so a driver that echoes a password cannot leak it. */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  return secrets.filter((secret) => secret.length > 0).reduce((out, secret) => out.split(secret).join('***'), text);
}
