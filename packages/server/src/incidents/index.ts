/** The incidents context's public surface (see CONTEXT.md). */
export type * from './incident-types.js';
export { INCIDENT_STATUSES } from './incident-types.js';
export { deriveIncidents, type IncidentEvidence } from './derive-incidents.js';
export { failedChecksOf } from './failed-checks.js';
export { listIncidents, productIncidents } from './incident-reader.js';
export { incidentPage, type IncidentPage } from './incident-page.js';
export { breachIncidentPage, SCAN_LIMIT, type BreachIncidentPageOptions } from './breach-incident-page.js';
export { incidentRoutes } from './incident-routes.js';
export { INCIDENT_CODES, type IncidentCode } from './incident-codes.js';
