import { afterEach, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../quality/test-support/duckdb-fixture.js';
import { contractPatterns } from './contract-patterns.js';
import { profileStagedOutput } from './profile-staged-output.js';

const databases: TestDatabase[] = [];
afterEach(() => {
  for (const db of databases.splice(0)) db.close();
});

const schemaObject = {
  name: 'customers',
  properties: [
    {
      name: 'customerId',
      physicalName: 'customer_id',
      logicalType: 'string',
      logicalTypeOptions: { pattern: 'C[0-9]{3}' },
    },
    { name: 'email', logicalType: 'string', logicalTypeOptions: { format: 'email' } },
    { name: 'score', logicalType: 'integer', logicalTypeOptions: { pattern: '[0-9]+' } },
    { name: 'broken', logicalType: 'string', logicalTypeOptions: { pattern: 42 } },
  ],
};

describe('contractPatterns', () => {
  it('reads the patterns of string columns, by the column in the data', () => {
    expect([...contractPatterns(schemaObject)]).toEqual([['customer_id', 'C[0-9]{3}']]);
    expect(contractPatterns({}).size).toBe(0);
  });
});

describe('profileStagedOutput', () => {
  it('profiles the staged columns with the contract patterns', async () => {
    const db = await openTestDatabase();
    databases.push(db);
    await db.run(
      `CREATE TABLE staged AS SELECT * FROM (VALUES ('C001', 'ann@example.com', 1), ('X002', 'bob@example.org', 2)) AS t(customer_id, email, score)`,
    );
    const outcome = await profileStagedOutput({
      connection: db.connection,
      relation: 'staged',
      schema: [
        { name: 'customer_id', type: 'VARCHAR' },
        { name: 'email', type: 'VARCHAR' },
        { name: 'score', type: 'INTEGER' },
      ],
      schemaObject,
    });
    expect(outcome).toMatchObject({
      ok: true,
      columns: [
        { column: 'customer_id', sampled: 2, pattern: { regex: 'C[0-9]{3}', matched: 0.5 } },
        { column: 'email', sampled: 2, matches: { email: 1 } },
      ],
    });
  });

  it('returns a failure as a one-line message instead of throwing', async () => {
    const db = await openTestDatabase();
    databases.push(db);
    const outcome = await profileStagedOutput({
      connection: db.connection,
      relation: 'no_such_table',
      schema: [{ name: 'email', type: 'VARCHAR' }],
      schemaObject,
    });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error).toMatch(/no_such_table/);
    expect(outcome.error).not.toContain('\n');
  });
});
