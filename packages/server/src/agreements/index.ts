/** The agreements context's public surface: the service, the lookup and the sweeper. */
export {
  AgreementService,
  createAgreementService,
  type AccessRequestInput,
  type AgreementListQuery,
  type AgreementRole,
  type AgreementServiceOptions,
  type AgreementView,
} from './agreement-service.js';
export { createAgreementLookup } from './agreement-lookup.js';
export { startAgreementSweeper, type AgreementSweeper, type AgreementSweeperOptions } from './agreement-sweeper.js';
export { AGREEMENT_EVENT_TYPES, agreementUrn, type AgreementEventType } from './agreement-events.js';
export { parseAgreementDate } from './agreement-dates.js';
export { parsePortReference, resolvePort, type PortReference } from './port-reference.js';
export { AGREEMENT_CODES, type AgreementCode } from './agreement-codes.js';
