/**
 * Sessions by process id, for CancelRequest. A CancelRequest arrives on a new, unauthenticated
 * connection carrying only the process id and secret key of BackendKeyData, so the key is the
 * credential: 32 random bits compared in constant time, and a wrong key is ignored exactly like
 * an unknown process id (PostgreSQL answers neither).
 */
import { randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

export interface CancelRegistration {
  readonly processId: number;
  readonly secretKey: Buffer;
  unregister(): void;
}

export class CancelRegistry {
  private readonly sessions = new Map<number, { key: Buffer; cancel: () => void }>();
  // Process ids start at a random point so they say nothing about how many sessions there were.
  private nextId = randomInt(1000, 1 << 30);

  register(cancel: () => void): CancelRegistration {
    let processId = this.nextId;
    while (this.sessions.has(processId)) processId = processId >= 0x7ffffffe ? 1000 : processId + 1;
    this.nextId = processId >= 0x7ffffffe ? 1000 : processId + 1;
    const secretKey = randomBytes(4);
    this.sessions.set(processId, { key: secretKey, cancel });
    return { processId, secretKey, unregister: () => this.sessions.delete(processId) };
  }

  /** Cancels the running query of the session; false when the id or key does not match. */
  cancel(processId: number, secretKey: Buffer): boolean {
    const session = this.sessions.get(processId);
    // Compare against a key of the same length even for unknown ids, so timing tells nothing.
    const expected = session?.key ?? Buffer.alloc(secretKey.length);
    const match = expected.length === secretKey.length && timingSafeEqual(expected, secretKey) && session !== undefined;
    if (match) session.cancel();
    return match;
  }
}
