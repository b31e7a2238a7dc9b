/** One query cache for the app: answers stay fresh for a minute; client errors are not retried. */
import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/api-client.js';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 60_000,
        refetchOnWindowFocus: false,
        // A 4xx (not found, not allowed, bad input) will not change on retry; a 5xx or a dropped
        // connection might.
        retry: (failures, error) => failures < 2 && !(error instanceof ApiError && error.status < 500),
      },
    },
  });
}
