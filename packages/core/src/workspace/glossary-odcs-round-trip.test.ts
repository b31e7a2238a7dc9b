/**
 * A contract with glossary bindings stays a plain ODCS v3.1.0 document: the official JSON
 * Schema accepts it, and writing the model's document back out loses neither a field nor a
 * binding.
 */
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { standardsDir } from '../../../../test-support/standards.js';
import { glossaryDefinition } from '../glossary/glossary-binding.js';
import { validateOdcs } from '../standards/odcs/odcs-validators.js';
import { loadOfficialOdcs } from '../standards/odcs/test-support/official-odcs-schemas.js';
import { loadWorkspace } from './load-workspace.js';
import { CONTRACT_FILE, glossaryWorkspace } from './test-support/glossary-workspace.js';

describe.skipIf(!standardsDir)('glossary bindings in ODCS v3.1.0', () => {
  const official = loadOfficialOdcs();

  it('the bound contract is valid against the official schema and Meshwork’s', () => {
    const { model, diagnostics } = loadWorkspace({ files: glossaryWorkspace() });
    expect(diagnostics).toEqual([]);
    const document = structuredClone(model.products.get('crm.customers')!.contracts[0]!.document);
    expect(official.v310(document)).toBe(true);
    expect(validateOdcs(document).issues).toEqual([]);
  });

  it('round-trips: the document written back out loads to the same document and terms', () => {
    const first = loadWorkspace({ files: glossaryWorkspace() }).model.products.get('crm.customers')!.contracts[0]!;
    const again = loadWorkspace({ files: glossaryWorkspace({ [CONTRACT_FILE]: stringify(first.document) }) });
    expect(again.diagnostics).toEqual([]);
    const second = again.model.products.get('crm.customers')!.contracts[0]!;
    expect(second.document).toEqual(first.document);
    expect(second.tables).toEqual(first.tables);
    expect(second.tables[0]!.columns.map((c) => c.terms)).toEqual([['Customer.customer_id'], ['Customer.segment'], []]);
  });

  it('every entry glossaryDefinition writes is one the official schema accepts, at any level', () => {
    const { model } = loadWorkspace({ files: glossaryWorkspace() });
    const document = structuredClone(model.products.get('crm.customers')!.contracts[0]!.document) as unknown as {
      schema: { authoritativeDefinitions?: unknown[]; properties: { authoritativeDefinitions?: unknown[] }[] }[];
    };
    document.schema[0]!.authoritativeDefinitions = [glossaryDefinition('Customer', 'One row per customer.')];
    document.schema[0]!.properties[2]!.authoritativeDefinitions = [glossaryDefinition('Region')];
    expect(official.v310(document)).toBe(true);
    // The official schema closes the entry: an extra key is not the way to carry more.
    document.schema[0]!.properties[2]!.authoritativeDefinitions = [{ ...glossaryDefinition('Region'), term: 'Region' }];
    expect(official.v310(document)).toBe(false);
  });
});
