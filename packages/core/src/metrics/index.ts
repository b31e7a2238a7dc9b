/** The metrics layer: metric definitions of the glossary planned into governed SQL across products. */
export * from './metric-types.js';
export * from './plan-metric.js';
