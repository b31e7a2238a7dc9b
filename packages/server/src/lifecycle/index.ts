/** The lifecycle context's public surface: the event catalogue, announcements, deprecation notices. */
export type * from './event-payloads.js';
export { EVENT_TYPES, publishLifecycleEvent, type EventType, type EventTypeEntry } from './event-types.js';
export type { LifecycleContext, LifecycleLog } from './lifecycle-context.js';
export { createLifecycleRunListener, type LifecycleRunListener } from './lifecycle-run-listener.js';
export { createRetirementAnnouncer, type RetirementAnnouncer } from './retirement-announcements.js';
export { announceDeprecations, type DeprecationRequest } from './deprecation-announcements.js';
export { announceRefusedBreakingChanges, BREAKING_CHANGE_POLICY } from './breaking-change-announcements.js';
export { announceStatusTransition, sloEventOf } from './slo-transitions.js';
export { portDeprecation, portVersionUrn, replacementOf, type PortDeprecation } from './port-deprecation.js';
export {
  createDeprecatedSinceLookup,
  firstDeprecatedPublication,
  type DeprecatedSinceLookup,
} from './deprecated-since.js';
export { relationDeprecations, type DeprecationNotice, type RelationNames } from './relation-deprecations.js';
export { deprecationNoticeText, type DeprecationNoticeText } from './deprecation-notice-text.js';
export { deprecationHeaders } from './deprecation-headers.js';
export { LIFECYCLE_CODES, type LifecycleCode } from './lifecycle-codes.js';
