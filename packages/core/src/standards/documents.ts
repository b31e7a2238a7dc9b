/**
 * The standard documents as the model holds them. Each is one of the versions Meshwork reads,
 * chosen by its `apiVersion`.
 */
import type { OdcsV30xDocument, OdcsV310Document } from './odcs/index.js';
import type { OdpsV090Document, OdpsV100Document } from './odps/index.js';

export type OdcsDocument = OdcsV310Document | OdcsV30xDocument;
export type OdpsDocument = OdpsV100Document | OdpsV090Document;
