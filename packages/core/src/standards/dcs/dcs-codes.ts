/**
 * Stable diagnostic codes of the Data Contract Specification importer (range MW5100–MW5199).
 * Each code keeps its meaning forever; retired codes are not reused.
 */
export const DCS_CODES = {
  MW5101: {
    title: 'Not a data contract',
    fix: 'Pass the parsed YAML or JSON of a datacontract.yaml file: an object at the top level.',
  },
  MW5102: {
    title: 'Missing dataContractSpecification',
    fix: 'Add `dataContractSpecification: 1.2.1` (or the version the file follows) at the top of the file.',
  },
  MW5103: {
    title: 'Unsupported Data Contract Specification version',
    fix: 'Use one of the supported versions (1.2.1, 1.2.0, 1.1.0, 0.9.3, 0.9.2, 0.9.1, 0.9.0), or upgrade the file with the datacontract CLI first.',
  },
  MW5104: {
    title: 'Missing field that ODCS requires',
    fix: 'Add the field to the data contract: ODCS needs an id and info.version.',
  },
  MW5105: {
    title: 'Unknown field type',
    fix: 'Use a Data Contract Specification type (string, integer, timestamp, object, array…); the original type is kept as physicalType.',
  },
  MW5106: {
    title: 'Definition reference not resolved',
    fix: 'Point $ref at an entry under `definitions` in the same file (e.g. #/definitions/order_id), or inline the definition.',
  },
  MW5107: {
    title: 'Circular definition reference',
    fix: 'Break the cycle: a definition must not refer back to itself through $ref.',
  },
  MW5108: {
    title: 'Server imported as a custom server',
    fix: 'Add the connection fields ODCS requires for this server type, or keep it as a custom server.',
  },
  MW5109: {
    title: 'Quality check imported as text',
    fix: 'Give the check what ODCS needs to run it (a supported metric or a query with one threshold such as mustBeLessThan, or an engine and implementation).',
  },
  MW5110: {
    title: 'Reference not expressible as an ODCS relationship',
    fix: 'Write references as `model.field` (letters, digits, _ and -); the original is kept as a custom property.',
  },
  MW5111: {
    title: 'Primary key names an unknown field',
    fix: 'List only fields of the model in its primaryKey.',
  },
  MW5112: {
    title: 'Unexpected value shape',
    fix: 'Give the value the type the Data Contract Specification defines; it was kept as a custom property.',
  },
  MW5113: {
    title: 'Status defaulted to draft',
    fix: 'Set info.status (e.g. active) so the imported contract carries its real status.',
  },
  MW5114: {
    title: 'Location percent-encoded',
    fix: 'ODCS locations must be URIs; the original value, with its placeholders, is kept as a custom property of the server.',
  },
  MW5115: {
    title: 'Nesting too deep',
    fix: 'Flatten the model: fields nested more than 32 levels deep are kept as a custom property.',
  },
  MW5199: {
    title: 'Internal import failure',
    fix: 'This is a Meshwork bug; please report it with the data contract that caused it.',
  },
} as const;

export type DcsCode = keyof typeof DCS_CODES;
