/** Every registry of stable codes, for the documentation test and the docs generator. */
import { DCS_CODES, GOVERNANCE_CODES, KNOWLEDGE_CODES, WORKSPACE_CODES } from '@meshwork/core';
import {
  ACCESS_CODES,
  AGREEMENT_CODES,
  GATEWAY_CODES,
  HTTP_CODES,
  IDENTITY_CODES,
  METADATA_CODES,
  RUNTIME_CODES,
  SCAFFOLD_CODES,
  USAGE_CODES,
  WAREHOUSE_CODES,
  WEBHOOK_CODES,
  WIRE_CODES,
  SEARCH_CODES,
  LIFECYCLE_CODES,
  OPENLINEAGE_CODES,
  LINEAGE_CODES,
} from '@meshwork/server';

export interface CodeEntry {
  readonly title: string;
  readonly fix: string;
}

export const allCodeRegistries: readonly Readonly<Record<string, CodeEntry>>[] = [
  WORKSPACE_CODES,
  DCS_CODES,
  GOVERNANCE_CODES,
  METADATA_CODES,
  SCAFFOLD_CODES,
  RUNTIME_CODES,
  WAREHOUSE_CODES,
  HTTP_CODES,
  IDENTITY_CODES,
  WIRE_CODES,
  ACCESS_CODES,
  USAGE_CODES,
  GATEWAY_CODES,
  AGREEMENT_CODES,
  WEBHOOK_CODES,
  SEARCH_CODES,
  KNOWLEDGE_CODES,
  LIFECYCLE_CODES,
  OPENLINEAGE_CODES,
  LINEAGE_CODES,
];
