/**
 * Diagnostic codes of the workspace loader. Stable: once released a code keeps its meaning.
 * Every code here is documented in docs/reference/errors.md (a test checks both directions).
 */
export const WORKSPACE_CODES = {
  // MW1xxx — files and YAML
  MW1001: {
    title: 'Not a mesh workspace',
    fix: 'Run the command in a folder with mesh.yaml, or create one with `mesh init`.',
  },
  MW1002: { title: 'File is not UTF-8', fix: 'Save the file as UTF-8.' },
  MW1003: { title: 'YAML syntax error', fix: 'Fix the YAML syntax at the given position.' },
  MW1004: { title: 'Duplicate key', fix: 'Keep one of the duplicated keys.' },
  MW1005: { title: 'File too large', fix: 'Split the file or raise `limits.maxFileBytes` in mesh.yaml.' },
  MW1006: { title: 'Document is not a mapping', fix: 'The file must contain one YAML mapping (key: value pairs).' },
  MW1007: { title: 'File cannot be read', fix: 'Check the file permissions.' },
  MW1009: {
    title: 'File system error',
    fix: 'Check that the path exists, is writable and that the disk is not full.',
  },
  MW1008: {
    title: 'Unrecognised file in a product folder',
    fix: 'Rename it to product.odps.yaml, <port>.odcs.yaml, pipeline.yaml or a .sql step.',
  },
  // MW2xxx — documents against their schemas
  MW2001: {
    title: 'Unknown field',
    fix: 'Remove the field, fix its spelling, or move custom data to customProperties.',
  },
  MW2002: { title: 'Missing required field', fix: 'Add the field.' },
  MW2003: { title: 'Wrong type', fix: 'Give the field a value of the expected type.' },
  MW2004: { title: 'Value not allowed', fix: 'Use one of the allowed values.' },
  MW2005: { title: 'Constraint violated', fix: 'Change the value so that it satisfies the constraint.' },
  MW2006: { title: 'Unsupported apiVersion', fix: 'Use a supported apiVersion of the standard.' },
  MW2007: {
    title: 'Wrong document kind',
    fix: 'Set `kind` to what the file name says (DataProduct, DataContract, Mesh, Domain, Pipeline, Glossary).',
  },
  // MW3xxx — cross-file rules
  MW3001: { title: 'Duplicate id', fix: 'Give each product descriptor and each contract an id unique in the mesh.' },
  MW3002: {
    title: 'Unresolved contractId',
    fix: 'Point contractId at the id of a contract in the product folder, or add that contract.',
  },
  MW3003: { title: 'Unknown domain', fix: 'Create the domain with `mesh new domain`, or fix the domain name.' },
  MW3004: {
    title: 'Output port without a contract',
    fix: 'Add a contractId to the output port and a <port>.odcs.yaml contract.',
  },
  MW3005: {
    title: 'Unresolved pipeline reference',
    fix: 'Refer to a declared input, an earlier step, an existing product port or a mesh.yaml connection.',
  },
  MW3006: { title: 'Version is not semantic', fix: 'Use MAJOR.MINOR.PATCH, e.g. 1.2.0.' },
  MW3007: {
    title: 'Dependency cycle between products',
    fix: 'Remove one of the product inputs so that products form a DAG.',
  },
  MW3008: { title: 'Unknown team', fix: 'Declare the team in mesh.yaml `teams`, or fix the name.' },
  MW3009: { title: 'Product folder without descriptor', fix: 'Add product.odps.yaml, or remove the folder.' },
  MW3010: {
    title: 'Invalid archetype',
    fix: 'Set the `archetype` custom property to source-aligned, aggregate or consumer-aligned.',
  },
  MW3011: { title: 'Domain mismatch', fix: "Make the descriptor's `domain` match the folder it is in." },
  MW3012: {
    title: 'Duplicate output port version',
    fix: 'Give each version of an output port a different major version.',
  },
  MW3013: { title: 'Missing SQL file', fix: 'Create the .sql file the step names, or fix the path.' },
  MW3014: { title: 'Contract not used by any port', fix: 'Reference the contract from an output port, or remove it.' },
  MW3015: { title: 'Duplicate name', fix: 'Give each input, step and output port a unique name.' },
  MW3016: {
    title: 'Invalid schedule',
    fix: 'Use a cron expression of 5 fields, e.g. "0 2 * * *", or 6 with seconds first, e.g. "*/30 * * * * *".',
  },
  MW3017: {
    title: 'Input ports and pipeline disagree',
    fix: "List each product the pipeline reads as an ODPS input port with the upstream contract's id and version, and remove input ports the pipeline does not read.",
  },
  MW3018: {
    title: 'Reads a deprecated port version',
    fix: 'Move to the current major version of the upstream port before it is retired.',
  },
  // MW31xx — the glossary and the bindings of contract columns to it
  MW3101: {
    title: 'Duplicate glossary name',
    fix: 'Give each entity, term and metric a name unique across all glossary files, or merge the two definitions.',
  },
  MW3102: {
    title: 'Duplicate entity member',
    fix: 'Give each identifier, attribute and relation of an entity a different name.',
  },
  MW3103: {
    title: 'Relation to an unknown entity',
    fix: 'Point `target` at an entity defined in glossary/, or define that entity.',
  },
  MW3104: {
    title: 'Invalid identifier pattern',
    fix: 'Write the pattern as a valid regular expression (e.g. ^C[0-9]{7}$), on an identifier whose logicalType is string.',
  },
  MW3105: {
    title: 'Binding to an unknown glossary name',
    fix: 'Bind to an entity, term or metric defined in glossary/ (urn:meshwork:glossary:<Name>), or define it there.',
  },
  MW3106: {
    title: 'Binding to an unknown identifier or attribute',
    fix: 'Bind to an identifier or attribute the entity defines (urn:meshwork:glossary:<Entity>.<member>), or add it to the entity.',
  },
  MW3107: {
    title: 'Malformed glossary binding',
    fix: 'Write the url as urn:meshwork:glossary:<Name> or urn:meshwork:glossary:<Name>.<member>, e.g. urn:meshwork:glossary:Customer.customer_id.',
  },
  MW3108: {
    title: 'Metric refers to an unknown entity or attribute',
    fix: "Set the metric's grain to a glossary entity and write each dimension as <Entity>.<attribute> of a defined attribute.",
  },
  // MW4xxx — mesh.yaml
  MW4001: {
    title: 'Unresolved environment variable',
    fix: 'Set the variable, or give a default with ${VAR:-default}.',
  },
  MW4002: { title: 'Duplicate team or user', fix: 'Declare each team, user and service account once.' },
} as const;

export type WorkspaceCode = keyof typeof WORKSPACE_CODES;
