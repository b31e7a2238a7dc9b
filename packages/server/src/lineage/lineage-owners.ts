/** Who contributed an edge, so that one contributor's edges can be replaced without the others'. */
import { EDGE_SOURCES } from './lineage-graph.js';

export const MODEL_OWNER = 'model';
export const EVENTS_OWNER = 'openlineage';
export const pipelineOwner = (productId: string): string => `pipeline:${productId}`;

export const SOURCE_MODEL = EDGE_SOURCES.indexOf('model');
export const SOURCE_PIPELINE = EDGE_SOURCES.indexOf('pipeline');
export const SOURCE_OPENLINEAGE = EDGE_SOURCES.indexOf('openlineage');
