/**
 * The portal's only way to the server: `fetch` with the viewer's bearer token, JSON in and out.
 * Every error becomes an ApiError carrying the API's stable code (`{ error: { code, message } }`),
 * so pages can show the server's own message; a 401 also tells the session, which signs out.
 */
export type QueryValue = string | number | readonly string[] | undefined;
export type QueryParams = Readonly<Record<string, QueryValue>>;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    /** The API's error code (MWxxxx), or null when the answer was not an API error. */
    readonly code: string | null,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface ApiClient {
  get<T>(path: string, query?: QueryParams, signal?: AbortSignal): Promise<T>;
}

export interface ApiClientOptions {
  /** The bearer token; null for the few open endpoints (the demo users). */
  readonly token: string | null;
  /** Called on a 401: the token expired, was revoked or is wrong. */
  readonly onUnauthorized?: () => void;
}

export function createApiClient(options: ApiClientOptions): ApiClient {
  return {
    async get<T>(path: string, query: QueryParams = {}, signal?: AbortSignal): Promise<T> {
      const headers: Record<string, string> = { accept: 'application/json' };
      if (options.token !== null) headers.authorization = `Bearer ${options.token}`;
      const response = await fetch(apiUrl(path, query), { headers, signal });
      if (response.ok) return (await response.json()) as T;
      const error = await apiErrorFrom(response);
      if (response.status === 401) options.onUnauthorized?.();
      throw error;
    },
  };
}

/** `path?k=v&k=w`: arrays repeat the parameter, as the API's facet filters expect. */
export function apiUrl(path: string, query: QueryParams = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    for (const one of typeof value === 'object' ? value : [value]) params.append(key, String(one));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/** The ApiError an unsuccessful answer stands for (also used by the pages that POST). */
export async function apiErrorFrom(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => null);
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  if (error && typeof error.code === 'string' && typeof error.message === 'string') {
    return new ApiError(response.status, error.code, error.message);
  }
  return new ApiError(response.status, null, `the server answered ${response.status} ${response.statusText}`.trim());
}
