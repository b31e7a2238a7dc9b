export * from './diagnostics/diagnostic.js';
export * from './errors/domain-errors.js';
export * from './standards/schema-validator.js';
