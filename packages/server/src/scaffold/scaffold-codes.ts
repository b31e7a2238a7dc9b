/** Codes of the scaffolding, import/export and other workspace commands (MW7xxx). */
export const SCAFFOLD_CODES = {
  MW7001: { title: 'Workspace already exists', fix: 'Choose an empty folder, or work in the existing workspace.' },
  MW7002: {
    title: 'Invalid name',
    fix: 'Use lowercase letters, digits and dashes, starting with a letter (e.g. customer-360).',
  },
  MW7003: { title: 'Domain already exists', fix: 'Choose another name, or add products to the existing domain.' },
  MW7004: { title: 'Product already exists', fix: 'Choose another name, or edit the existing product.' },
  MW7005: { title: 'Unknown domain', fix: 'Create the domain first with `mesh new domain <name>`.' },
  MW7006: {
    title: 'Unknown product',
    fix: 'Use `domain/product` (or `domain.product`) of a product in the workspace; `mesh validate` lists problems.',
  },
  MW7007: { title: 'File not found', fix: 'Check the path of the file to import.' },
  MW7008: {
    title: 'Document to import is invalid',
    fix: 'Fix the reported problems in the document, then import it again.',
  },
  MW7009: { title: 'Import target exists', fix: 'Pass --force to replace it, or import into another product.' },
  MW7010: { title: 'Invalid archetype', fix: 'Use --archetype source-aligned, aggregate or consumer-aligned.' },
  MW7011: {
    title: 'Import target unknown',
    fix: 'Pass --product <domain>/<product>, or set domain and dataProduct in the document.',
  },
  MW7012: {
    title: 'Workspace has validation errors',
    fix: 'Run `mesh validate`, fix every error, then run the command again.',
  },
  MW7013: {
    title: 'Unknown output port',
    fix: 'Name an output port with a contract: `name`, or `name@major` for one major version (`mesh show <product>` lists them).',
  },
  MW7014: {
    title: 'Unknown contract version',
    fix: 'Name a version of the contract registered by `mesh publish` (the message lists them), or `workspace`.',
  },
  MW7015: {
    title: 'Ambiguous port to compare',
    fix: 'Name one major version (e.g. `orders@1`), and a target port other than the one compared from (`--port`, or `port=` over HTTP).',
  },
  MW7016: {
    title: 'Export target exists',
    fix: 'Pass `--out` a folder that does not exist yet; the export creates it whole or not at all.',
  },
  MW7017: {
    title: 'Invalid export options',
    fix: 'Use `mesh export odcs|odps <domain/product>`, `mesh export catalog [--format dcat] [--base-url https://…]` or `mesh export all --out <dir>`.',
  },
} as const;
