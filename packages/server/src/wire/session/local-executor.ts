/**
 * Runs a local command against the session: transaction status, settings, prepared statements.
 * BEGIN/COMMIT/ROLLBACK only move the transaction status a client sees in ReadyForQuery: every
 * query is a read of published snapshots, so there is nothing to commit or roll back.
 */
import { VARCHAR } from '@duckdb/node-api';
import type { ErrorFields, TransactionStatus } from '../protocol/backend-messages.js';
import type { WireColumn } from '../types/row-encoder.js';
import type { LocalCommand } from './local-commands.js';
import type { SessionSettings } from './session-settings.js';

export interface LocalContext {
  readonly settings: SessionSettings;
  transactionStatus: TransactionStatus;
  /** Removes a named prepared statement (all of them for undefined); throws when it does not exist. */
  deallocate(name: string | undefined): void;
  /** DISCARD ALL: statements, portals and settings back to a fresh session. */
  discardAll(): void;
}

export interface LocalResult {
  readonly tag: string;
  readonly columns?: readonly WireColumn[];
  readonly rows?: readonly (readonly string[])[];
  readonly notice?: ErrorFields;
}

function warning(message: string, sqlState: string): ErrorFields {
  return { severity: 'WARNING', sqlState, message };
}

/** The result columns of a command (SHOW), or undefined when it returns no rows. */
export function localColumns(command: LocalCommand, settings: SessionSettings): WireColumn[] | undefined {
  if (command.kind === 'show') return [{ name: settings.canonicalName(command.name), type: VARCHAR }];
  if (command.kind === 'show-all') {
    return ['name', 'setting', 'description'].map((name) => ({ name, type: VARCHAR }));
  }
  return undefined;
}

export function executeLocal(command: LocalCommand, context: LocalContext): LocalResult {
  const { settings } = context;
  switch (command.kind) {
    case 'begin': {
      const already = context.transactionStatus !== 'I';
      context.transactionStatus = 'T';
      return already
        ? { tag: command.tag, notice: warning('there is already a transaction in progress', '25001') }
        : { tag: command.tag };
    }
    case 'commit':
    case 'rollback': {
      const none = context.transactionStatus === 'I';
      context.transactionStatus = 'I';
      return none
        ? { tag: command.tag, notice: warning('there is no transaction in progress', '25P01') }
        : { tag: command.tag };
    }
    case 'savepoint':
    case 'no-op':
      return { tag: command.tag };
    case 'set': {
      settings.set(command.name, command.value);
      const name = settings.canonicalName(command.name);
      if (
        name === 'TimeZone' &&
        command.value !== undefined &&
        !/^(utc|gmt|etc\/utc|z|zulu|0|\+?00(:00)?)$/i.test(command.value)
      ) {
        return {
          tag: command.tag,
          notice: warning(
            `Meshwork sessions stay in UTC; timestamptz values carry their +00 offset (requested "${command.value}")`,
            '01000',
          ),
        };
      }
      return { tag: command.tag };
    }
    case 'reset-all':
      settings.resetAll();
      return { tag: command.tag };
    case 'show':
      return {
        tag: 'SHOW',
        columns: localColumns(command, settings),
        rows: [[settings.get(command.name)]],
      };
    case 'show-all':
      return {
        tag: 'SHOW',
        columns: localColumns(command, settings),
        rows: settings.all().map((s) => [s.name, s.setting, s.description]),
      };
    case 'discard-all':
      context.discardAll();
      return { tag: command.tag };
    case 'deallocate':
      context.deallocate(command.name);
      return { tag: command.tag };
  }
}
