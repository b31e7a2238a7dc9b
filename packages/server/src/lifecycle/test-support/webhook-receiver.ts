/**
 * A webhook subscriber for tests: a real local HTTP server that checks each request's signature
 * with the shared secret and keeps what it received. `waitFor` resolves once the events a test
 * expects have arrived (delivery is asynchronous by design); `mesh.yaml` snippets subscribe to it.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyWebhookSignature } from '../../webhooks/webhook-signature.js';

export const RECEIVER_SECRET = 'lifecycle-test-signing-secret-0123456789';

export interface ReceivedEvent {
  readonly type: string;
  readonly id: string;
  readonly occurredAt: string;
  readonly data: Record<string, unknown>;
  readonly headers: IncomingHttpHeaders;
  /** The `X-Meshwork-Signature` matched the raw body under RECEIVER_SECRET. */
  readonly signed: boolean;
}

export class WebhookReceiver {
  readonly received: ReceivedEvent[] = [];
  url = '';
  readonly #server: Server;
  #waiters: (() => void)[] = [];

  constructor() {
    this.#server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const parsed = JSON.parse(body) as Omit<ReceivedEvent, 'headers' | 'signed'>;
        const signed = verifyWebhookSignature(RECEIVER_SECRET, body, request.headers['x-meshwork-signature']);
        this.received.push({ ...parsed, headers: request.headers, signed });
        response.writeHead(204).end();
        for (const wake of this.#waiters.splice(0)) wake();
      });
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}/hooks`;
    return this;
  }

  /** Events of the type (or every event), in arrival order. */
  events(type?: string): ReceivedEvent[] {
    return this.received.filter((e) => type === undefined || e.type === type);
  }

  /** Resolves once `count` events of the type have arrived (a test's own timeout bounds the wait). */
  async waitFor(type: string, count = 1): Promise<ReceivedEvent[]> {
    while (this.events(type).length < count) await new Promise<void>((resolve) => this.#waiters.push(resolve));
    return this.events(type);
  }

  /** The `webhooks` section of mesh.yaml that subscribes this receiver to every event. */
  meshYaml(): string {
    return `\nwebhooks:\n  - id: lifecycle-test\n    url: ${this.url}\n    events: ['*']\n    secret: ${RECEIVER_SECRET}\n`;
  }

  async stop(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }
}
