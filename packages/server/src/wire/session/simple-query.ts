/**
 * The simple query protocol: one Query message, possibly several statements separated by
 * semicolons, run in order; the first failure skips the rest, as in PostgreSQL. Each statement
 * gets RowDescription, DataRows and CommandComplete; the whole message ends with ReadyForQuery,
 * and a small result leaves in a single write.
 */
import { commandComplete, emptyQueryResponse, readyForQuery, rowDescription } from '../protocol/backend-messages.js';
import { splitStatements } from '../sql/split-statements.js';
import { resultEncoding } from '../types/row-encoder.js';
import { noticeDeprecations } from './deprecation-notices.js';
import { executeLocal } from './local-executor.js';
import { writeLocalResult } from './local-output.js';
import { ResultCursor } from './result-cursor.js';
import { QueryControl, type SessionCore } from './session-core.js';
import { planStatement, type StatementPlan } from './statement-plan.js';

/** Runs one query statement; false when it failed (the ErrorResponse is written). */
async function runQuery(session: SessionCore, plan: Extract<StatementPlan, { kind: 'query' }>): Promise<boolean> {
  const control = new QueryControl();
  let cursor: ResultCursor | undefined;
  try {
    await session.activate(control, async () => {
      const source = session.source(plan.target);
      const stream = await source.stream(plan.statement.text, [], control.controller.signal);
      control.stream = stream;
      noticeDeprecations(session, stream);
      cursor = new ResultCursor(stream);
      const encoding = resultEncoding(stream.columns);
      rowDescription(session.writer, encoding.headers, encoding.formats);
      await cursor.write(session.writer, encoding);
      commandComplete(session.writer, `SELECT ${cursor.rowsSent}`);
    });
    return true;
  } catch (error) {
    cursor?.close();
    session.writeError(error, control);
    return false;
  }
}

export async function simpleQuery(session: SessionCore, sql: string): Promise<void> {
  // A Query message ends any extended-protocol work in progress on the unnamed portal.
  session.closePortal('');
  const statements = splitStatements(sql);
  if (statements.length === 0) emptyQueryResponse(session.writer);
  for (const statement of statements) {
    const plan = planStatement(statement);
    if (plan.kind === 'query') {
      if (!(await runQuery(session, plan))) break;
    } else if (plan.kind === 'local') {
      try {
        writeLocalResult(session, executeLocal(plan.command, session), { describe: true });
      } catch (error) {
        session.writeError(error);
        break;
      }
    }
  }
  readyForQuery(session.writer, session.transactionStatus);
  await session.writer.flush();
}
