/** Every command of `mesh`, in the order `mesh --help` lists them. */
import type { Command } from 'commander';
import type { CliContext } from '../cli-context.js';
import { registerAccess } from './access-command.js';
import { registerAudit } from './audit-command.js';
import { registerDemo } from './demo-command.js';
import { registerDiff } from './diff-command.js';
import { registerInit } from './init-command.js';
import { registerRegister } from './register-command.js';
import { registerPublish } from './publish-command.js';
import { registerQuery } from './query-command.js';
import { registerSql } from './sql-command.js';
import { registerRun } from './run-command.js';
import { registerServe } from './serve-command.js';
import { registerInterchange } from './interchange-commands.js';
import { registerNew } from './new-command.js';
import { registerPolicy } from './policy-command.js';
import { registerCheck } from './check-command.js';
import { registerCompliance } from './compliance-command.js';
import { registerShow } from './show-command.js';
import { registerToken } from './token-command.js';
import { registerUsage } from './usage-command.js';
import { registerValidate } from './validate-command.js';

export function registerCommands(program: Command, ctx: CliContext): void {
  registerInit(program, ctx);
  registerNew(program, ctx);
  registerValidate(program, ctx);
  registerCheck(program, ctx);
  registerDiff(program, ctx);
  registerShow(program, ctx);
  registerInterchange(program, ctx);
  registerRegister(program, ctx);
  registerRun(program, ctx);
  registerPublish(program, ctx);
  registerServe(program, ctx);
  registerQuery(program, ctx);
  registerSql(program, ctx);
  registerAudit(program, ctx);
  registerPolicy(program, ctx);
  registerCompliance(program, ctx);
  registerToken(program, ctx);
  registerAccess(program, ctx);
  registerUsage(program, ctx);
  registerDemo(program, ctx);
}
