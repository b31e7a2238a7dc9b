/**
 * The completion schema through CodeMirror's own SQL completion source (no DOM needed): what a
 * viewer is offered after `FROM `, after `sales.` and after a table alias.
 */
import { CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { PostgreSQL, schemaCompletionSource, sql } from '@codemirror/lang-sql';
import { EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import type { QueryRelation } from './console-api.js';
import { completionSchema } from './completion-schema.js';

const column = (name: string, typeName: string, masked = false) => ({ name, typeName, nullable: true, masked });

const relations: QueryRelation[] = [
  {
    schema: 'sales',
    name: 'orders',
    productId: 'sales.orders',
    port: 'orders',
    major: 2,
    description: 'Every order',
    columns: [column('order_id', 'VARCHAR'), column('total_amount', 'DECIMAL(12,2)')],
  },
  { schema: 'sales', name: 'orders_v1', productId: 'sales.orders', port: 'orders', major: 1, columns: [] },
  {
    schema: 'customers',
    name: 'customer_360',
    productId: 'customers.customer-360',
    port: 'customer_360',
    major: 1,
    columns: [column('email', 'VARCHAR', true), column('Full Name', 'VARCHAR')],
  },
];

/** The completion offered with the cursor at `|` in the text. */
function complete(textWithCursor: string): CompletionResult | null {
  const pos = textWithCursor.indexOf('|');
  const doc = textWithCursor.replace('|', '');
  const config = { dialect: PostgreSQL, schema: completionSchema(relations) };
  const state = EditorState.create({ doc, extensions: [sql(config)] });
  return schemaCompletionSource(config)(new CompletionContext(state, pos, true)) as CompletionResult | null;
}

const labels = (result: CompletionResult | null) => result?.options.map((o) => o.label).sort();

describe('completionSchema', () => {
  it('offers the domains the viewer may query at the top level', () => {
    expect(labels(complete('SELECT * FROM |'))).toEqual(expect.arrayContaining(['customers', 'sales']));
  });

  it("offers a domain's relations, every version, with the product and port they belong to", () => {
    const result = complete('SELECT * FROM sales.|');
    expect(labels(result)).toEqual(['orders', 'orders_v1']);
    expect(result?.options.find((o) => o.label === 'orders')).toMatchObject({
      type: 'class',
      detail: 'sales.orders · orders v2',
      info: 'Every order',
    });
  });

  it('offers the columns of a relation through its alias, saying which ones are masked', () => {
    const result = complete('SELECT c.| FROM customers.customer_360 c');
    expect(labels(result)).toEqual(['Full Name', 'email']);
    expect(result?.options.find((o) => o.label === 'email')?.detail).toBe('VARCHAR · masked for you');
    // A name that is not a plain identifier is inserted quoted.
    expect(result?.options.find((o) => o.label === 'Full Name')?.apply).toBe('"Full Name"');
  });

  it('offers nothing for a schema the viewer may not query', () => {
    expect(complete('SELECT * FROM finance.|')).toBeNull();
  });
});
