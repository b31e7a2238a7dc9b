/**
 * The vocabularies of the DCAT-3 export: the JSON-LD `@context` (prefixes only, so every key
 * in the document is a compact IRI a harvester can expand), the ADMS status of each lifecycle
 * state, and the IRIs Meshwork mints for things that have no URN of their own.
 */
import type { LifecycleState } from '../model/model-types.js';

/** W3C DCAT 3 (https://www.w3.org/TR/vocab-dcat-3/) and the vocabularies it builds on. */
export const DCAT_CONTEXT = {
  adms: 'http://www.w3.org/ns/adms#',
  dcat: 'http://www.w3.org/ns/dcat#',
  dcterms: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  hydra: 'http://www.w3.org/ns/hydra/core#',
  prov: 'http://www.w3.org/ns/prov#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
} as const;

/** The JSON-LD media type the export is served and written as. */
export const JSON_LD_MEDIA_TYPE = 'application/ld+json';

/**
 * ODPS/ODCS lifecycle → the ADMS status vocabulary DCAT-AP uses
 * (http://purl.org/adms/status/). Unknown states get no `adms:status`.
 */
export const ADMS_STATUS: Readonly<Record<LifecycleState, string>> = {
  proposed: 'http://purl.org/adms/status/UnderDevelopment',
  draft: 'http://purl.org/adms/status/UnderDevelopment',
  active: 'http://purl.org/adms/status/Completed',
  deprecated: 'http://purl.org/adms/status/Deprecated',
  retired: 'http://purl.org/adms/status/Withdrawn',
};

export function admsStatus(state: string): string | undefined {
  return Object.hasOwn(ADMS_STATUS, state) ? ADMS_STATUS[state as LifecycleState] : undefined;
}

/** IANA registry IRI of a media type, as DCAT-AP expects for `dcat:mediaType`. */
export function ianaMediaType(mediaType: string): string {
  return `http://www.iana.org/assignments/media-types/${mediaType}`;
}

/** IRIs minted by the export; products and glossary concepts bring their own URNs. */
export const iri = {
  domain: (domain: string): string => `urn:meshwork:${domain}`,
  team: (team: string): string => `urn:meshwork:team:${team}`,
  contract: (productUrn: string, contractId: string): string => `${productUrn}:contract:${contractId}`,
  distribution: (productUrn: string, port: string, major: number): string => `${productUrn}:port:${port}:v${major}`,
  archetype: (archetype: string): string => `urn:meshwork:archetype:${archetype}`,
  glossary: (term: string): string => `urn:meshwork:glossary:${term}`,
  /** Role of an upstream product in `dcat:qualifiedRelation`. */
  inputRole: 'urn:meshwork:role:input',
} as const;
