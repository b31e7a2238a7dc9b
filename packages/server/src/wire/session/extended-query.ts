/**
 * The extended query protocol: Parse (prepared statements, named or unnamed), Bind (portals with
 * decoded parameters and result formats), Describe, Execute (optionally a few rows at a time, with
 * PortalSuspended in between), Close, Sync. A query starts when its portal is first described or
 * executed; the statement's description (for ParameterDescription and to decode untyped
 * parameters) is asked of the gateway once per prepared statement and kept.
 */
import {
  bindComplete,
  closeComplete,
  commandComplete,
  emptyQueryResponse,
  noData,
  parameterDescription,
  parseComplete,
  portalSuspended,
  readyForQuery,
  rowDescription,
} from '../protocol/backend-messages.js';
import type { FrontendMessage } from '../protocol/frontend-messages.js';
import { splitStatements } from '../sql/split-statements.js';
import { pgColumnType } from '../types/column-types.js';
import { decodeParameters, needsInferredTypes } from '../types/parameter-decoding.js';
import { OID } from '../types/pg-types.js';
import { resultEncoding } from '../types/row-encoder.js';
import { WireError } from '../wire-error.js';
import type { QueryDescription } from '../../gateway/gateway-types.js';
import { executeLocal, localColumns } from './local-executor.js';
import { writeLocalResult } from './local-output.js';
import { noticeDeprecations } from './deprecation-notices.js';
import { ResultCursor } from './result-cursor.js';
import { QueryControl, type Portal, type PreparedStatement, type SessionCore } from './session-core.js';
import { planStatement } from './statement-plan.js';

type Message<T extends FrontendMessage['type']> = Extract<FrontendMessage, { type: T }>;

function statementOf(session: SessionCore, name: string): PreparedStatement {
  const statement = session.statements.get(name);
  if (!statement) throw new WireError('MW5409', '26000', `prepared statement "${name}" does not exist`);
  return statement;
}

function portalOf(session: SessionCore, name: string): Portal {
  const portal = session.portals.get(name);
  if (!portal) throw new WireError('MW5409', '34000', `portal "${name}" does not exist`);
  return portal;
}

function describeStatement(session: SessionCore, statement: PreparedStatement): Promise<QueryDescription> {
  const plan = statement.plan;
  if (plan.kind !== 'query') throw new Error('only queries are described');
  if (!statement.description) {
    const described = session.source(plan.target).describe(plan.statement.text);
    // A failed description is not kept: the next Describe asks again.
    described.catch(() => {
      if (statement.description === described) statement.description = undefined;
    });
    statement.description = described;
  }
  return statement.description;
}

function startPortal(session: SessionCore, portal: Portal): Promise<ResultCursor> {
  const plan = portal.statement.plan;
  if (plan.kind !== 'query') throw new Error('only queries are started');
  portal.cursor ??= session.activate(portal.control, async () => {
    const source = session.source(plan.target);
    const stream = await source.stream(plan.statement.text, portal.parameters, portal.control.controller.signal);
    portal.control.stream = stream;
    noticeDeprecations(session, stream);
    return new ResultCursor(stream);
  });
  return portal.cursor;
}

export function handleParse(session: SessionCore, message: Message<'parse'>): void {
  const statements = splitStatements(message.sql);
  if (statements.length > 1) {
    throw new WireError('MW5418', '42601', 'cannot insert multiple commands into a prepared statement');
  }
  if (message.name !== '' && session.statements.has(message.name)) {
    throw new WireError('MW5417', '42P05', `prepared statement "${message.name}" already exists`);
  }
  session.statements.set(message.name, {
    name: message.name,
    plan: planStatement(statements[0]),
    declaredTypes: message.parameterTypes,
  });
  parseComplete(session.writer);
}

export async function handleBind(session: SessionCore, message: Message<'bind'>): Promise<void> {
  const statement = statementOf(session, message.statement);
  if (message.portal !== '' && session.portals.has(message.portal)) {
    throw new WireError('MW5417', '42P03', `portal "${message.portal}" already exists`);
  }
  session.closePortal(message.portal);
  const plan = statement.plan;
  const count = message.parameters.length;
  const expected = plan.kind === 'query' ? plan.parameterCount : 0;
  if (count !== expected && (expected > 0 || plan.kind !== 'query')) {
    throw new WireError(
      'MW5401',
      '08P01',
      `bind message supplies ${count} parameters, but prepared statement "${statement.name}" requires ${expected}`,
    );
  }
  let parameters: unknown[] = [];
  if (count > 0) {
    const inferred = needsInferredTypes(count, statement.declaredTypes, message.parameterFormats)
      ? (await describeStatement(session, statement)).parameters.map((p) => p.type)
      : undefined;
    parameters = decodeParameters(message.parameters, message.parameterFormats, {
      declared: statement.declaredTypes,
      ...(inferred ? { inferred } : {}),
    });
  }
  session.portals.set(message.portal, {
    name: message.portal,
    statement,
    parameters,
    resultFormats: message.resultFormats,
    control: new QueryControl(),
    completed: false,
  });
  bindComplete(session.writer);
}

async function describeStatementMessage(session: SessionCore, statement: PreparedStatement): Promise<void> {
  const plan = statement.plan;
  if (plan.kind !== 'query') {
    parameterDescription(session.writer, []);
    const columns = plan.kind === 'local' ? localColumns(plan.command, session.settings) : undefined;
    if (columns) rowDescription(session.writer, resultEncoding(columns).headers, []);
    else noData(session.writer);
    return;
  }
  const description = await describeStatement(session, statement);
  const count = Math.max(plan.parameterCount, description.parameters.length, statement.declaredTypes.length);
  const oids = Array.from({ length: count }, (_, i) => {
    const declared = statement.declaredTypes[i] ?? 0;
    if (declared !== 0) return declared;
    const inferred = description.parameters[i];
    return inferred && inferred.typeName !== 'UNKNOWN' ? pgColumnType(inferred.type).oid : OID.text;
  });
  parameterDescription(session.writer, oids);
  if (description.columns.length === 0) noData(session.writer);
  else rowDescription(session.writer, resultEncoding(description.columns).headers, []);
}

async function describePortalMessage(session: SessionCore, portal: Portal): Promise<void> {
  const plan = portal.statement.plan;
  if (plan.kind === 'empty') return noData(session.writer);
  if (plan.kind === 'local') {
    const columns = localColumns(plan.command, session.settings);
    if (!columns) return noData(session.writer);
    const encoding = resultEncoding(columns, portal.resultFormats);
    return rowDescription(session.writer, encoding.headers, encoding.formats);
  }
  const cursor = await startPortal(session, portal);
  portal.encoding ??= resultEncoding(cursor.columns, portal.resultFormats);
  rowDescription(session.writer, portal.encoding.headers, portal.encoding.formats);
}

export async function handleDescribe(session: SessionCore, message: Message<'describe'>): Promise<void> {
  if (message.target === 'statement') return describeStatementMessage(session, statementOf(session, message.name));
  const portal = portalOf(session, message.name);
  try {
    await describePortalMessage(session, portal);
  } catch (error) {
    throw failPortal(session, portal, error);
  }
}

export async function handleExecute(session: SessionCore, message: Message<'execute'>): Promise<void> {
  const portal = portalOf(session, message.portal);
  const plan = portal.statement.plan;
  if (plan.kind === 'empty') return emptyQueryResponse(session.writer);
  if (plan.kind === 'local') {
    if (portal.localResult) return commandComplete(session.writer, portal.localResult.tag);
    portal.localResult = executeLocal(plan.command, session);
    return writeLocalResult(session, portal.localResult, { describe: false, formats: portal.resultFormats });
  }
  if (portal.completed) return commandComplete(session.writer, 'SELECT 0');
  try {
    const cursor = await startPortal(session, portal);
    const encoding = (portal.encoding ??= resultEncoding(cursor.columns, portal.resultFormats));
    const outcome = await session.activate(portal.control, () =>
      cursor.write(session.writer, encoding, message.maxRows),
    );
    if (outcome === 'suspended') return portalSuspended(session.writer);
    portal.completed = true;
    commandComplete(session.writer, `SELECT ${cursor.rowsSent}`);
  } catch (error) {
    throw failPortal(session, portal, error);
  }
}

/** Closes a portal whose query failed, remembering whether the failure was a cancellation. */
function failPortal(session: SessionCore, portal: Portal, error: unknown): PortalFailure {
  const failure = new PortalFailure(error, portal.control.cancelled);
  session.closePortal(portal.name);
  return failure;
}

export function handleClose(session: SessionCore, message: Message<'close'>): void {
  if (message.target === 'statement') session.statements.delete(message.name);
  else session.closePortal(message.name);
  closeComplete(session.writer);
}

export async function handleSync(session: SessionCore): Promise<void> {
  session.discarding = false;
  // Portals live until the end of the transaction; outside BEGIN that is every Sync.
  if (session.transactionStatus === 'I') session.closeAllPortals();
  readyForQuery(session.writer, session.transactionStatus);
  await session.writer.flush();
}

/** An error of a running portal, and whether the client had cancelled it. */
export class PortalFailure extends Error {
  constructor(
    readonly error: unknown,
    readonly cancelled: boolean,
  ) {
    super('portal failed');
  }
}
