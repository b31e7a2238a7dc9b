/**
 * The logger options on a real Fastify/pino logger: whatever a log call is handed — an object
 * with secret fields, a message or a format argument with a token, an error — comes out redacted,
 * in child loggers too.
 */
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { generateToken } from '../../identity/token-format.js';
import { structuredLogOptions } from './structured-log-options.js';

describe('structured log options', () => {
  it('redact every argument of every log call', async () => {
    const lines: string[] = [];
    const app = Fastify({ logger: structuredLogOptions({ stream: { write: (line: string) => lines.push(line) } }) });
    const { token, id } = generateToken();
    app.log.info({ headers: { authorization: `Bearer ${token}` }, webhook: { secret: 'hush' } }, 'object');
    app.log.warn(`message with ${token}`);
    app.log.child({ component: 'wire' }).error({ err: new Error(`refused ${token}`) }, 'format %s', token);
    await app.close();
    const text = lines.join('');
    expect(text).not.toContain(token.slice(-20));
    expect(text).not.toContain('hush');
    const [object, message, error] = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(object).toMatchObject({
      level: 'info',
      headers: { authorization: '[redacted]' },
      webhook: { secret: '[redacted]' },
    });
    expect(message).toMatchObject({ level: 'warn', msg: `message with mwt_${id}_[redacted]` });
    expect(error).toMatchObject({
      level: 'error',
      component: 'wire',
      msg: `format mwt_${id}_[redacted]`,
      err: { message: `refused mwt_${id}_[redacted]` },
    });
  });
});
