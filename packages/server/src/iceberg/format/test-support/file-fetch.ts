/**
 * A `fetch` that also serves `file://` URLs — GET (whole files or one `Range: bytes=a-b`) and
 * HEAD — and hands every other URL to the real fetch. Node's fetch does not do `file://`, and
 * icebird reads tables through fetch: this is the transport a reader of a local warehouse needs,
 * not a stand-in for the reader.
 */
import { readFile, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

export function fileFetch(next: typeof fetch): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    if (!request.url.startsWith('file:')) return next(input, init);
    const path = fileURLToPath(request.url);
    const size = await stat(path).then(
      (info) => (info.isFile() ? info.size : undefined),
      () => undefined,
    );
    if (size === undefined) return new Response(null, { status: 404, statusText: 'Not Found' });
    if (request.method === 'HEAD') {
      return new Response(null, { status: 200, headers: { 'content-length': String(size) } });
    }
    const bytes = await readFile(path);
    const range = request.headers.get('range');
    if (range === null) return new Response(bytes, { status: 200, headers: { 'content-length': String(size) } });
    const match = /^bytes=(\d+)-(\d*)$/.exec(range);
    const start = Number(match?.[1] ?? NaN);
    const end = match?.[2] ? Math.min(Number(match[2]), size - 1) : size - 1;
    if (!match || start > end) {
      return new Response(null, { status: 416, headers: { 'content-range': `bytes */${size}` } });
    }
    return new Response(bytes.subarray(start, end + 1), {
      status: 206,
      headers: { 'content-length': String(end - start + 1), 'content-range': `bytes ${start}-${end}/${size}` },
    });
  };
}
