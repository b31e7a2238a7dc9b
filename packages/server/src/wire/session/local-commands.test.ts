import { describe, expect, it } from 'vitest';
import { tokenize } from '../sql/sql-tokenizer.js';
import { parseLocalCommand } from './local-commands.js';
import { parseOptionsParameter } from './startup-options.js';
import { SessionSettings } from './session-settings.js';

const parse = (sql: string) => parseLocalCommand(tokenize(sql));

describe('parseLocalCommand', () => {
  it('recognises transaction control', () => {
    expect(parse('BEGIN')).toMatchObject({ kind: 'begin', tag: 'BEGIN' });
    expect(parse('start transaction read only')).toMatchObject({ kind: 'begin', tag: 'START TRANSACTION' });
    expect(parse('END')).toMatchObject({ kind: 'commit' });
    expect(parse('ROLLBACK TO SAVEPOINT a')).toMatchObject({ kind: 'savepoint', tag: 'ROLLBACK' });
    expect(parse("COMMIT PREPARED 'x'")).toBeUndefined();
  });

  it('parses SET, RESET and SHOW of session settings', () => {
    expect(parse("SET application_name = 'psql'")).toMatchObject({
      kind: 'set',
      name: 'application_name',
      value: 'psql',
    });
    expect(parse('set session DateStyle to ISO, DMY')).toMatchObject({ name: 'datestyle', value: 'ISO, DMY' });
    expect(parse("SET TIME ZONE 'Europe/Berlin'")).toMatchObject({ name: 'timezone', value: 'Europe/Berlin' });
    expect(parse('SET extra_float_digits = -3')).toMatchObject({ value: '-3' });
    expect(parse("SET meshwork.purpose = 'audit'")).toMatchObject({ name: 'meshwork.purpose', value: 'audit' });
    expect(parse('SET search_path TO DEFAULT')).toMatchObject({ name: 'search_path', value: undefined });
    expect(parse('RESET ALL')).toMatchObject({ kind: 'reset-all' });
    expect(parse('SHOW ALL')).toMatchObject({ kind: 'show-all' });
    expect(parse('SHOW TRANSACTION ISOLATION LEVEL')).toMatchObject({ kind: 'show', name: 'transaction_isolation' });
    expect(parse('SET TRANSACTION ISOLATION LEVEL SERIALIZABLE')).toMatchObject({ kind: 'no-op', tag: 'SET' });
  });

  it('leaves everything else to the gateway', () => {
    expect(parse('SET threads = 8')).toBeUndefined();
    expect(parse('SET ROLE admin')).toBeUndefined();
    expect(parse('SET SESSION AUTHORIZATION bob')).toBeUndefined();
    expect(parse("SET application_name = current_setting('x')")).toBeUndefined();
    expect(parse('SHOW tables')).toBeUndefined();
    expect(parse('SELECT 1')).toBeUndefined();
  });

  it('handles DISCARD and DEALLOCATE', () => {
    expect(parse('DISCARD ALL')).toMatchObject({ kind: 'discard-all' });
    expect(parse('DEALLOCATE PREPARE "S_1"')).toMatchObject({ kind: 'deallocate', name: 'S_1' });
    expect(parse('DEALLOCATE ALL')).toMatchObject({ kind: 'deallocate', name: undefined });
  });
});

describe('SessionSettings', () => {
  it('normalises, refuses what it cannot honour, and reports changes', () => {
    const changes: [string, string][] = [];
    const settings = new SessionSettings({}, (name, value) => changes.push([name, value]));
    settings.set('datestyle', 'iso, dmy');
    expect(settings.get('DateStyle')).toBe('ISO, DMY');
    settings.set('TimeZone', 'Europe/Berlin');
    expect(settings.get('timezone')).toBe('UTC');
    expect(() => settings.set('client_encoding', 'LATIN1')).toThrow(/client_encoding/);
    expect(() => settings.set('server_version', '1')).toThrow(/cannot be changed/);
    settings.set('statement_timeout', '5s');
    expect(settings.statementTimeoutMs).toBe(5000);
    expect(changes).toEqual([['DateStyle', 'ISO, DMY']]);
  });
});

describe('parseOptionsParameter', () => {
  it('reads -c and -- assignments with escaped spaces', () => {
    expect(
      parseOptionsParameter('-c meshwork.purpose=fraud\\ review --search-path=sales -cstatement_timeout=5s'),
    ).toEqual([
      ['meshwork.purpose', 'fraud review'],
      ['search_path', 'sales'],
      ['statement_timeout', '5s'],
    ]);
  });
});
