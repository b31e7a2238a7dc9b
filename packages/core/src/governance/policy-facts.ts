/**
 * What a governance policy sees: plain facts about a product, one of its output ports, or one
 * column — lifted from the descriptor and contracts, the glossary, the access policies and the
 * data profile of the latest build. Policies never see files or run code; they read these.
 *
 * Integers are bigint because CEL's `int` is 64-bit; shares and durations are doubles.
 * Every field is always present (empty string, empty list, false, -1 for "unknown"), so a policy
 * never has to test for presence and the type checker can check every access.
 */
export interface ProductFacts {
  readonly id: string;
  readonly domain: string;
  readonly name: string;
  readonly title: string;
  readonly status: string;
  /** '' when the descriptor does not say. */
  readonly archetype: string;
  readonly version: string;
  /** The owner team id from the descriptor's `team.name`; '' when there is none. */
  readonly ownerTeam: string;
  /** True when the owner team is declared in mesh.yaml. */
  readonly ownerTeamKnown: boolean;
  readonly purpose: string;
  readonly usage: string;
  readonly limitations: string;
  readonly tags: readonly string[];
  /** Support channels (url or channel name) of the descriptor and its contracts. */
  readonly supportChannels: readonly string[];
  readonly hasPipeline: boolean;
  readonly dependsOn: readonly string[];
  /** `customProperties` of the descriptor, values as text. */
  readonly custom: Readonly<Record<string, string>>;
  /** A column is classified pii or restricted, or the descriptor says it contains personal data. */
  readonly containsPersonalData: boolean;
  readonly ports: readonly PortFacts[];
}

export interface SloFacts {
  /** As written, lower-cased: latency, frequency, retention, availability… */
  readonly property: string;
  readonly value: string;
  readonly unit: string;
  readonly driver: string;
  /** The value as days when it is a duration; -1 otherwise. */
  readonly days: number;
}

export interface ContractChangeFacts {
  readonly kind: string;
  /** breaking, risky or non-breaking. */
  readonly severity: string;
  readonly column: string;
  readonly explanation: string;
}

export interface PortFacts {
  readonly name: string;
  readonly version: string;
  readonly major: bigint;
  readonly hasContract: boolean;
  readonly contractId: string;
  readonly contractVersion: string;
  readonly status: string;
  readonly purpose: string;
  /** The contract's terms of use: `description.usage`. */
  readonly usage: string;
  readonly limitations: string;
  readonly tags: readonly string[];
  readonly slos: readonly SloFacts[];
  /** The retention SLO in days; -1 when none is declared. */
  readonly retentionDays: number;
  readonly containsPersonalData: boolean;
  /** A column is classified restricted. */
  readonly restricted: boolean;
  /** A consumer with no agreement may query the port (asked of the access policies). */
  readonly openToConsumers: boolean;
  /** The contract version last published for this port; '' before the first publication. */
  readonly publishedVersion: string;
  /** Changes from the published contract version to the one in the workspace. */
  readonly changes: readonly ContractChangeFacts[];
  /**
   * Who a change would affect: principals with an approved agreement on the port, and those who
   * queried the product in the last 30 days. Looked up for ports whose contract differs from
   * the published version (where a change is in question); empty otherwise.
   */
  readonly consumers: readonly string[];
  /** The `endOfLife` SLA property as a UTC day (`YYYY-MM-DD`); '' when absent. */
  readonly endOfLife: string;
  /**
   * For a deprecated port (`status: deprecated`): the day its deprecated contract was first
   * published (registered in the metadata store), or today before that; '' otherwise.
   */
  readonly deprecatedSince: string;
  /** Days from `deprecatedSince` to `endOfLife`; -1 when either is unknown. */
  readonly noticeDays: number;
  /** The mesh's minimum notice of a deprecation: mesh.yaml `lifecycle.deprecationNoticeDays` (default 30). */
  readonly requiredNoticeDays: bigint;
  readonly columns: readonly ColumnFacts[];
}

export interface IdentifierFacts {
  /** `Entity.identifier` the column is bound to; '' when it is not bound to an identifier. */
  readonly term: string;
  readonly logicalType: string;
  readonly format: string;
  readonly pattern: string;
}

export interface ProfileFacts {
  /** Non-null values sampled from the latest build; 0 when there is no profile. */
  readonly sampled: bigint;
  /** Shares (0..1) of sampled values that each validator accepts. */
  readonly email: number;
  readonly phone: number;
  readonly iban: number;
  readonly paymentCard: number;
  readonly nationalId: number;
  /** Share of sampled values matching the column's `pattern`; -1 when not measured. */
  readonly patternMatched: number;
}

export interface ColumnFacts {
  readonly name: string;
  readonly table: string;
  readonly logicalType: string;
  readonly physicalType: string;
  readonly format: string;
  readonly pattern: string;
  /** `logicalTypeOptions.timezone` of timestamps; false when absent. */
  readonly timezone: boolean;
  readonly defaultTimezone: string;
  readonly required: boolean;
  readonly unique: boolean;
  readonly primaryKey: boolean;
  /** '' when unclassified. */
  readonly classification: string;
  readonly description: string;
  readonly tags: readonly string[];
  /** Glossary terms the column is bound to, e.g. `Customer.customer_id`. */
  readonly terms: readonly string[];
  readonly identifier: IdentifierFacts;
  /**
   * Library metric names of the column's quality rules (nullValues, duplicateValues…), and of
   * table rules whose `arguments.properties` name the column (a composite key's duplicateValues).
   */
  readonly qualityMetrics: readonly string[];
  /** The masking rule of the access policies that covers the column, `<id> (<strategy>)`; '' when none does. */
  readonly masking: string;
  /** Kinds of personal data the column's name suggests: email, phone, iban, paymentCard, nationalId, name, address, birthDate, ipAddress. */
  readonly nameSuggests: readonly string[];
  readonly profile: ProfileFacts;
}
