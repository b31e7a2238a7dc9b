/** The glossary context: the file format, the model, the binding scheme and term resolution. */
export * from './glossary-schema.js';
export * from './glossary-types.js';
export * from './glossary-binding.js';
export * from './resolve-term.js';
export * from './build-glossary.js';
