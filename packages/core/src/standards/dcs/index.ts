export { DCS_CODES, type DcsCode } from './dcs-codes.js';
export { convertDcsToOdcs, DCS_VERSIONS, type DcsConversion } from './dcs-to-odcs.js';
