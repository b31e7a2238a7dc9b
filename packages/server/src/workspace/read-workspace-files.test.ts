/** The reader picks up the glossary: YAML directly in glossary/, nothing else there. */
import { afterEach, describe, expect, it } from 'vitest';
import { createTempWorkspace, type TempWorkspace } from '../test-support/temp-workspace.js';
import { loadWorkspaceFromDisk } from './load-workspace-from-disk.js';
import { readWorkspaceFiles } from './read-workspace-files.js';

let ws: TempWorkspace | undefined;
afterEach(async () => {
  await ws?.dispose();
  ws = undefined;
});

const GLOSSARY = `apiVersion: meshwork/v1
kind: Glossary
entities:
  - name: Customer
    description: A person or company with an account.
    identifiers:
      - name: customer_id
        logicalType: string
        pattern: ^C[0-9]{7}$
`;

describe('reading glossary files', () => {
  it('reads glossary/*.yaml and *.yml, and skips READMEs, sub-folders and hidden files', async () => {
    ws = await createTempWorkspace();
    await ws.write('glossary/customers.yaml', GLOSSARY);
    await ws.write('glossary/terms.yml', 'apiVersion: meshwork/v1\nkind: Glossary\n');
    await ws.write('glossary/README.md', '# Glossary\n');
    await ws.write('glossary/drafts/orders.yaml', 'not: read\n');
    await ws.write('glossary/.draft.yaml', 'not: read\n');
    const { files } = await readWorkspaceFiles(ws.root);
    expect([...files.keys()].filter((p) => p.startsWith('glossary/'))).toEqual([
      'glossary/customers.yaml',
      'glossary/terms.yml',
    ]);
  });

  it('loads the glossary into the model', async () => {
    ws = await createTempWorkspace();
    await ws.write('glossary/customers.yaml', GLOSSARY);
    const { model, diagnostics } = await loadWorkspaceFromDisk(ws.root, {});
    expect(diagnostics).toEqual([]);
    expect(model.glossary.entities.get('Customer')?.identifiers).toEqual([
      { name: 'customer_id', logicalType: 'string', pattern: '^C[0-9]{7}$' },
    ]);
  });
});
