/**
 * Access requests and data usage agreements: a consumer asks for one major version of one output
 * port, with a purpose and a period; someone the authorizer lets `approve` the product decides;
 * the requester may cancel while it is pending; an approved agreement can be revoked by the same
 * deciders or given up by the consumer. Each step is one guarded store update (of two racing
 * decisions exactly one wins), then an audit event and a webhook event.
 *
 * Whether an agreement is in force is never stored: it is `approved` and now ∈ [startsAt, endsAt),
 * evaluated at lookup time (agreement-lookup.ts), so access starts on approval and stops at its
 * end date with no job, and a revocation takes effect on the next lookup.
 *
 * @example
 * const agreements = createAgreementService({ store, model, authorizer, events: webhooks });
 * const request = await agreements.request(ana, { productId: 'sales.orders', purpose: 'churn model', endsAt: '2025-12-31' });
 * await agreements.approve(olga, request.id);
 */
import { randomUUID } from 'node:crypto';
import { ConflictError, InputError, NotAllowedError, NotFoundError, type MeshModel } from '@meshwork/core';
import type { Authorizer } from '../access/access-types.js';
import { productRecord } from '../catalog/product-record.js';
import type { Principal } from '../identity/principal.js';
import type { AgreementRecord, AgreementStatus } from '../metadata/agreement-types.js';
import type { MetadataStore } from '../metadata/metadata-store.js';
import type { Page } from '../metadata/metadata-types.js';
import type { EventPublisher } from '../webhooks/webhook-types.js';
import { recordAgreementStep, type AgreementActor, type AgreementEventType } from './agreement-events.js';
import { requestedPeriod, requireNote } from './agreement-period.js';
import { resolvePort, type PortReference } from './port-reference.js';

export interface AgreementServiceOptions {
  readonly store: MetadataStore;
  readonly model: MeshModel;
  /** Decides who may approve, reject and revoke (`approve` on the product) and who administers. */
  readonly authorizer: Authorizer;
  readonly events?: EventPublisher;
  readonly now?: () => Date;
  /** The longest period an agreement may run (default 730 days). */
  readonly maxDurationDays?: number;
}

export interface AccessRequestInput extends PortReference {
  readonly purpose: string;
  /** Defaults to now. */
  readonly startsAt?: string | Date;
  readonly endsAt: string | Date;
}

/** An agreement as callers see it: the record, and whether it is in force now. */
export interface AgreementView extends AgreementRecord {
  readonly active: boolean;
}

/** `mine`: the principal's own requests; `inbox`: requests on products the principal may decide on. */
export type AgreementRole = 'mine' | 'inbox';

export interface AgreementListQuery {
  readonly role?: AgreementRole;
  readonly productId?: string;
  readonly status?: AgreementStatus | readonly AgreementStatus[];
  readonly after?: string;
  readonly limit?: number;
}

/** The most products an owner's inbox filters by; beyond, the owner filters by product. */
const MAX_INBOX_PRODUCTS = 1000;

export class AgreementService {
  readonly authorizer: Authorizer;
  readonly #store: MetadataStore;
  readonly #model: MeshModel;
  readonly #events: EventPublisher | undefined;
  readonly #now: () => Date;
  readonly #maxDurationDays: number;

  constructor(options: AgreementServiceOptions) {
    this.#store = options.store;
    this.#model = options.model;
    this.authorizer = options.authorizer;
    this.#events = options.events;
    this.#now = options.now ?? (() => new Date());
    this.#maxDurationDays = options.maxDurationDays ?? 730;
  }

  async request(principal: Principal, input: AccessRequestInput): Promise<AgreementView> {
    const now = this.#now();
    // A product the requester may not discover is answered exactly like one that does not exist.
    if (!this.authorizer.isAllowed(principal, 'discover', { kind: 'product', productId: input.productId }).allowed) {
      throw new NotFoundError('MW8703', `no product ${input.productId} in the mesh.`);
    }
    const { product, port } = resolvePort(this.#model, input);
    if (product.status === 'retired') {
      throw new InputError('MW8709', `${product.id} is retired and no longer accepts access requests.`);
    }
    const period = requestedPeriod(input, now, this.#maxDurationDays);
    // The store keeps agreements of registered products; `mesh serve` registers them all, a CLI
    // workspace may not have yet.
    if (!(await this.#store.getProduct(product.id)))
      await this.#store.upsertProduct(productRecord(this.#model, product));
    const created = await this.#store.createAgreement({
      id: randomUUID(),
      principalId: principal.id,
      ...port,
      purpose: period.purpose,
      startsAt: period.startsAt,
      endsAt: period.endsAt,
      requestedAt: now,
    });
    await this.#record('access.requested', created, principal, now);
    return this.#view(created, now);
  }

  async approve(principal: Principal, id: string, note?: string): Promise<AgreementView> {
    const now = this.#now();
    const agreement = await this.#decidable(principal, id, 'approve');
    if (Date.parse(agreement.endsAt) <= now.getTime()) {
      throw new ConflictError(
        'MW8706',
        `the period requested by ${id} ended at ${agreement.endsAt}; reject it, and ask for a new request.`,
      );
    }
    return this.#step(principal, agreement, 'approved', 'access.approved', now, optionalNote(note));
  }

  async reject(principal: Principal, id: string, note: string): Promise<AgreementView> {
    const why = requireNote(note, 'a rejection needs a note saying why');
    const agreement = await this.#decidable(principal, id, 'reject');
    return this.#step(principal, agreement, 'rejected', 'access.rejected', this.#now(), why);
  }

  async cancel(principal: Principal, id: string): Promise<AgreementView> {
    const agreement = await this.#visible(principal, id);
    if (agreement.principalId !== principal.id) {
      throw new NotAllowedError('MW8707', `only ${agreement.principalId}, who requested ${id}, may cancel it.`);
    }
    if (agreement.status !== 'pending') throw notInState(agreement, 'cancelled', 'pending');
    return this.#step(principal, agreement, 'cancelled', 'access.cancelled', this.#now(), null);
  }

  async revoke(principal: Principal, id: string, note?: string): Promise<AgreementView> {
    const now = this.#now();
    const agreement = await this.#visible(principal, id);
    // The consumer may give its own agreement up; anyone else needs `approve` on the product.
    if (agreement.principalId !== principal.id) this.#requireDecider(principal, agreement, 'revoke');
    if (agreement.status !== 'approved') throw notInState(agreement, 'revoked', 'approved');
    if (Date.parse(agreement.endsAt) <= now.getTime()) {
      throw new ConflictError(
        'MW8706',
        `agreement ${id} already ended at ${agreement.endsAt}; there is nothing to revoke.`,
      );
    }
    return this.#step(principal, agreement, 'revoked', 'access.revoked', now, optionalNote(note));
  }

  /** One agreement, if the principal requested it or may decide on its product (else MW8708). */
  async get(principal: Principal, id: string): Promise<AgreementView> {
    return this.#view(await this.#visible(principal, id), this.#now());
  }

  async list(principal: Principal, query: AgreementListQuery = {}): Promise<Page<AgreementView>> {
    const page = { after: query.after, limit: query.limit, status: query.status };
    const now = this.#now();
    if ((query.role ?? 'mine') === 'mine') {
      const mine = await this.#store.listAgreements({ ...page, principalId: principal.id, productId: query.productId });
      return { ...mine, items: mine.items.map((a) => this.#view(a, now)) };
    }
    const inbox = await this.#store.listAgreements({ ...page, ...this.#inboxProducts(principal, query.productId) });
    return { ...inbox, items: inbox.items.map((a) => this.#view(a, now)) };
  }

  /** Whether the principal may approve, reject and revoke requests for the product. */
  mayDecide(principal: Principal, productId: string): boolean {
    return this.authorizer.isAllowed(principal, 'approve', { kind: 'product', productId }).allowed;
  }

  /**
   * Records, once, the end of every approved agreement whose end date has passed: status
   * `expired`, audit `access.expired`, webhook. Access had already stopped at the end date (the
   * lookup checks it); this only tells people. Of several servers sweeping at once, the guarded
   * update lets one record each expiry. Returns the agreements it expired.
   */
  async sweepExpired(batch = 100): Promise<readonly AgreementRecord[]> {
    const expired: AgreementRecord[] = [];
    for (;;) {
      const now = this.#now();
      const due = await this.#store.listAgreementsPastEnd(now, batch);
      let progressed = false;
      for (const agreement of due) {
        const system: AgreementActor = { id: 'system', authenticatedBy: 'agreement-sweeper' };
        const ended = await this.#store
          .updateAgreementStatus({ id: agreement.id, from: 'approved', to: 'expired', by: system.id, at: now })
          .catch((error: unknown) => {
            // Revoked, or expired by another server, meanwhile: nothing to record here.
            if (error instanceof ConflictError) return undefined;
            throw error;
          });
        if (!ended) continue;
        progressed = true;
        await recordAgreementStep(this.#store, this.#events, 'access.expired', ended, system, now);
        expired.push(ended);
      }
      if (due.length < batch || !progressed) return expired;
    }
  }

  async #step(
    principal: Principal,
    agreement: AgreementRecord,
    to: AgreementStatus,
    type: AgreementEventType,
    now: Date,
    note: string | null,
  ): Promise<AgreementView> {
    const changed = await this.#store.updateAgreementStatus({
      id: agreement.id,
      from: agreement.status,
      to,
      by: principal.id,
      note,
      at: now,
    });
    await this.#record(type, changed, principal, now);
    return this.#view(changed, now);
  }

  #record(type: AgreementEventType, agreement: AgreementRecord, principal: Principal, at: Date): Promise<void> {
    return recordAgreementStep(this.#store, this.#events, type, agreement, principal, at);
  }

  /** A pending request the principal may decide on. */
  async #decidable(principal: Principal, id: string, verb: 'approve' | 'reject'): Promise<AgreementRecord> {
    const agreement = await this.#find(id);
    this.#requireDecider(principal, agreement, verb);
    if (agreement.status !== 'pending')
      throw notInState(agreement, verb === 'approve' ? 'approved' : 'rejected', 'pending');
    return agreement;
  }

  #requireDecider(principal: Principal, agreement: AgreementRecord, verb: string): void {
    const decision = this.authorizer.isAllowed(principal, 'approve', {
      kind: 'product',
      productId: agreement.productId,
    });
    if (!decision.allowed) {
      throw new NotAllowedError(
        'MW8705',
        `${principal.id} may not ${verb} access to ${agreement.productId}: ${decision.reason ?? 'no policy allows it'}.`,
      );
    }
  }

  /** The agreement, if the principal is its consumer or may decide on its product; otherwise "not found". */
  async #visible(principal: Principal, id: string): Promise<AgreementRecord> {
    const agreement = await this.#find(id);
    if (agreement.principalId === principal.id || this.mayDecide(principal, agreement.productId)) return agreement;
    throw notFound(id);
  }

  async #find(id: string): Promise<AgreementRecord> {
    const agreement = await this.#store.getAgreement(id);
    if (!agreement) throw notFound(id);
    return agreement;
  }

  /** The products whose requests the principal decides on, as a store filter. */
  #inboxProducts(principal: Principal, productId: string | undefined): { productId?: string; productIds?: string[] } {
    if (productId !== undefined) {
      if (!this.mayDecide(principal, productId)) {
        throw new NotAllowedError('MW8705', `${principal.id} does not decide on access requests for ${productId}.`);
      }
      return { productId };
    }
    const products = [...this.#model.products.keys()];
    const decided = products.filter((id) => this.mayDecide(principal, id));
    // Governance and admins decide for every product: no filter, so requests for products no
    // longer in the model show up too.
    if (decided.length === products.length && products.length > 0) return {};
    if (decided.length > MAX_INBOX_PRODUCTS) {
      throw new InputError(
        'MW8702',
        `${principal.id} decides for ${decided.length} products; filter the inbox by product.`,
      );
    }
    return { productIds: decided };
  }

  #view(agreement: AgreementRecord, now: Date): AgreementView {
    const t = now.getTime();
    const active =
      agreement.status === 'approved' && Date.parse(agreement.startsAt) <= t && t < Date.parse(agreement.endsAt);
    return { ...agreement, active };
  }
}

export function createAgreementService(options: AgreementServiceOptions): AgreementService {
  return new AgreementService(options);
}

function optionalNote(note: string | undefined): string | null {
  return note === undefined || note.trim() === '' ? null : requireNote(note, 'note');
}

function notInState(agreement: AgreementRecord, wanted: AgreementStatus, needed: AgreementStatus): ConflictError {
  const by = agreement.endedBy ?? agreement.decidedBy;
  return new ConflictError(
    'MW8706',
    `agreement ${agreement.id} is already ${agreement.status}${by ? ` (by ${by})` : ''}; it can be ${wanted} only while ${needed}.`,
  );
}

function notFound(id: string): NotFoundError {
  return new NotFoundError('MW8708', `no access request or agreement ${id} that you made or may decide on.`);
}
