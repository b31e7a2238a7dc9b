/**
 * Teams and users. Memberships live in their own table, indexed both ways, so "members of a
 * team" is an index range and not a scan of every user's JSON.
 */
import type { Selectable } from 'kysely';
import { decodeCursor, encodeCursor, pageLimit, toPage } from '../page-request.js';
import { fromTimestamp, optionalText, requireText, requireTextList } from '../record-validation.js';
import type { Page, PageQuery, TeamInput, TeamRecord, UserInput, UserQuery, UserRecord } from '../metadata-types.js';
import type { TeamsTable, UsersTable } from './metadata-schema.js';
import type { RepositoryContext } from './repository-context.js';

export class IdentityRepository {
  constructor(private readonly context: RepositoryContext) {}

  async upsertTeam(input: TeamInput): Promise<TeamRecord> {
    const row = {
      id: requireText(input.id, 'team.id', 200),
      name: requireText(input.name, 'team.name'),
      description: optionalText(input.description, 'team.description', 10_000),
      updated_at: this.context.now().toISOString(),
    };
    await this.context.write('data', (trx) =>
      trx
        .insertInto('teams')
        .values(row)
        .onConflict((conflict) => conflict.column('id').doUpdateSet(row))
        .execute(),
    );
    return toTeam(row);
  }

  async getTeam(id: string): Promise<TeamRecord | undefined> {
    const row = await this.context.db.selectFrom('teams').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toTeam(row);
  }

  async listTeams(query: PageQuery = {}): Promise<Page<TeamRecord>> {
    const limit = pageLimit(query.limit);
    const after = decodeCursor(query.after);
    let select = this.context.db.selectFrom('teams').selectAll();
    if (after !== undefined) select = select.where('id', '>', after);
    const rows = await select
      .orderBy('id')
      .limit(limit + 1)
      .execute();
    return toPage(rows.map(toTeam), limit, (team) => encodeCursor(team.id));
  }

  async upsertUser(input: UserInput): Promise<UserRecord> {
    const teams = requireTextList(input.teams, 'user.teams').sort();
    const roles = requireTextList(input.roles, 'user.roles');
    const row = {
      id: requireText(input.id, 'user.id', 200),
      name: requireText(input.name, 'user.name'),
      email: optionalText(input.email, 'user.email', 320),
      roles: JSON.stringify(roles),
      updated_at: this.context.now().toISOString(),
    };
    await this.context.write('data', async (trx) => {
      await trx
        .insertInto('users')
        .values(row)
        .onConflict((conflict) => conflict.column('id').doUpdateSet(row))
        .execute();
      await trx.deleteFrom('user_teams').where('user_id', '=', row.id).execute();
      if (teams.length > 0) {
        await trx
          .insertInto('user_teams')
          .values(teams.map((team) => ({ user_id: row.id, team_id: team })))
          .execute();
      }
    });
    return toUser(row, teams);
  }

  async getUser(id: string): Promise<UserRecord | undefined> {
    const row = await this.context.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    const teams = await this.#teamsOf([row.id]);
    return toUser(row, teams.get(row.id) ?? []);
  }

  async listUsers(query: UserQuery = {}): Promise<Page<UserRecord>> {
    const limit = pageLimit(query.limit);
    const after = decodeCursor(query.after);
    let select = this.context.db.selectFrom('users').selectAll('users');
    if (query.team !== undefined) {
      const team = query.team;
      select = select.where((eb) =>
        eb.exists(
          eb
            .selectFrom('user_teams')
            .select('user_teams.user_id')
            .whereRef('user_teams.user_id', '=', 'users.id')
            .where('user_teams.team_id', '=', team),
        ),
      );
    }
    if (after !== undefined) select = select.where('users.id', '>', after);
    const rows = await select
      .orderBy('users.id')
      .limit(limit + 1)
      .execute();
    // One query for the whole page's memberships, not one per user.
    const teams = await this.#teamsOf(rows.slice(0, limit).map((row) => row.id));
    const users = rows.map((row) => toUser(row, teams.get(row.id) ?? []));
    return toPage(users, limit, (user) => encodeCursor(user.id));
  }

  async #teamsOf(userIds: readonly string[]): Promise<Map<string, string[]>> {
    const teams = new Map<string, string[]>();
    if (userIds.length === 0) return teams;
    const rows = await this.context.db
      .selectFrom('user_teams')
      .select(['user_id', 'team_id'])
      .where('user_id', 'in', userIds)
      .orderBy('user_id')
      .orderBy('team_id')
      .execute();
    for (const row of rows) teams.set(row.user_id, [...(teams.get(row.user_id) ?? []), row.team_id]);
    return teams;
  }
}

function toTeam(row: Selectable<TeamsTable>): TeamRecord {
  return { id: row.id, name: row.name, description: row.description, updatedAt: fromTimestamp(row.updated_at) };
}

function toUser(row: Selectable<UsersTable>, teams: readonly string[]): UserRecord {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    teams,
    roles: JSON.parse(row.roles) as string[],
    updatedAt: fromTimestamp(row.updated_at),
  };
}
