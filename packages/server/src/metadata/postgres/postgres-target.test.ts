import { describe, expect, it } from 'vitest';
import { parsePostgresTarget } from './postgres-target.js';
import { translatePostgresError } from './postgres-store-dialect.js';

describe('parsePostgresTarget', () => {
  it('describes the target without password or query string', () => {
    const target = parsePostgresTarget(
      'postgresql://mesh%40work:p%40ss@db.internal:6432/meshwork?sslmode=require&password=q',
      'mesh',
    );
    expect(target.description).toBe('postgres://mesh@work@db.internal:6432/meshwork (schema mesh)');
    expect(target.secrets).toEqual(expect.arrayContaining(['p%40ss', 'p@ss', 'q']));
  });

  it('names a socket directory given as ?host=', () => {
    expect(parsePostgresTarget('postgres://postgres@/meshwork?host=/run/postgresql').description).toBe(
      'postgres://postgres@/meshwork?host=/run/postgresql (schema public)',
    );
    expect(parsePostgresTarget('postgres:///meshwork?host=/tmp').description).toBe(
      'postgres:///meshwork?host=/tmp (schema public)',
    );
  });

  it('refuses other protocols and unsafe schema names', () => {
    expect(() => parsePostgresTarget('mysql://h/db')).toThrow(expect.objectContaining({ code: 'MW6109' }));
    expect(() => parsePostgresTarget('not a url with a pa55word')).toThrow(expect.objectContaining({ code: 'MW6109' }));
    expect(() => parsePostgresTarget('not a url with a pa55word')).not.toThrow(/pa55word/);
    for (const schema of ['Public', 'a-b', 'x;drop', '', 'a'.repeat(64)]) {
      expect(() => parsePostgresTarget('postgres://h/db', schema)).toThrow(expect.objectContaining({ code: 'MW6109' }));
    }
  });
});

describe('translatePostgresError', () => {
  const target = parsePostgresTarget('postgres://u:hunter2@h:5432/db');

  it('scrubs the password from driver messages', () => {
    const error = Object.assign(new Error('password authentication failed: hunter2'), { code: '28P01' });
    const translated = translatePostgresError(error, target);
    expect(translated).toMatchObject({ code: 'MW6107', kind: 'unavailable' });
    expect(translated?.message).not.toContain('hunter2');
    expect(translated?.message).toContain('postgres://u@h:5432/db (schema public)');
  });

  it('maps unique violations and lock timeouts, and leaves bugs alone', () => {
    expect(translatePostgresError(Object.assign(new Error('dup'), { code: '23505' }), target)).toMatchObject({
      code: 'MW6110',
    });
    expect(translatePostgresError(Object.assign(new Error('lock'), { code: '55P03' }), target)).toMatchObject({
      code: 'MW6108',
    });
    expect(translatePostgresError(Object.assign(new Error('syntax'), { code: '42601' }), target)).toBeUndefined();
    const refused = new AggregateError(
      [Object.assign(new Error('connect ECONNREFUSED ::1:5432'), { code: 'ECONNREFUSED' })],
      '',
    );
    expect(translatePostgresError(refused, target)).toMatchObject({
      code: 'MW6107',
      message: expect.stringContaining('ECONNREFUSED'),
    });
  });
});
