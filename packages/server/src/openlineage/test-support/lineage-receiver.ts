/**
 * A real local OpenLineage receiver (node:http) for tests: records every request (headers and
 * parsed body) and answers as the test says — a status per request, or never (`hold`), until
 * released. `close` ends every connection.
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Record<string, unknown>;
}

/** How to answer the n-th request (0-based): a status, or `hold` to leave it unanswered. */
export type Answer = (n: number, request: ReceivedRequest) => number | 'hold';

export interface LineageReceiver {
  readonly url: string;
  readonly requests: ReceivedRequest[];
  answer: Answer;
  /** Answers every held request with this status. */
  release(status?: number): void;
  /** Resolves once `count` requests have arrived. */
  received(count: number): Promise<ReceivedRequest[]>;
  close(): Promise<void>;
}

export async function startLineageReceiver(answer: Answer = () => 200): Promise<LineageReceiver> {
  const requests: ReceivedRequest[] = [];
  const held: ServerResponse[] = [];
  const waiters: { count: number; resolve: (r: ReceivedRequest[]) => void }[] = [];
  const server = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    request.on('end', () => {
      const received: ReceivedRequest = {
        path: request.url ?? '',
        headers: request.headers,
        body: JSON.parse(text) as Record<string, unknown>,
      };
      const n = requests.length;
      requests.push(received);
      for (const waiter of waiters.filter((w) => requests.length >= w.count)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve([...requests]);
      }
      const status = receiver.answer(n, received);
      if (status === 'hold') held.push(response);
      else response.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const receiver: LineageReceiver = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    answer,
    release: (status = 200) => {
      for (const response of held.splice(0)) response.writeHead(status).end();
    },
    received: (count) =>
      requests.length >= count
        ? Promise.resolve([...requests])
        : new Promise((resolve) => waiters.push({ count, resolve })),
    close: async () => {
      receiver.release(503);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return receiver;
}

/** A URL where nothing listens: a port that was free a moment ago. */
export async function unusedUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
