export { startWireServer, DEFAULT_WIRE_PORT, type WireServer } from './wire-server.js';
export { DEFAULT_WIRE_LIMITS, type WireLimits, type WireLog, type WireServerOptions } from './wire-options.js';
export { WIRE_CODES, type WireCode } from './wire-codes.js';
export { GATEWAY_SQLSTATES } from './session/error-fields.js';
