/**
 * The access pages' API calls as TanStack Query hooks. Every key starts with `access`, so a step
 * (a new request, a decision, a revocation) refreshes every list and the inbox count at once.
 * Lists are paged with the API's `next` cursor: an owner of many products never loads them all.
 */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSession } from '../session/session-context.js';
import { usePostJson } from './access-client.js';
import type { AccessRequestBody, Agreement, AgreementPage, AgreementStatus, AgreementStep } from './access-types.js';

const PAGE_SIZE = 50;
/** The inbox badge counts up to this many; beyond, it says "100+". */
export const INBOX_COUNT_LIMIT = 100;
const ACCESS = ['access'] as const;

/** Requests I made (any status unless one is given), or those awaiting my decision (`inbox`: pending). */
export function useAccessRequests(role: 'mine' | 'inbox', status?: AgreementStatus) {
  const { api } = useSession();
  return useInfiniteQuery({
    queryKey: [...ACCESS, 'requests', role, status ?? 'any'],
    queryFn: ({ pageParam, signal }) =>
      api.get<AgreementPage>('/api/v1/access-requests', { role, status, after: pageParam, limit: PAGE_SIZE }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next,
  });
}

/** Agreements (approved, revoked, expired): mine, or those on products I own. */
export function useAgreements(role: 'mine' | 'owned') {
  const { api } = useSession();
  return useInfiniteQuery({
    queryKey: [...ACCESS, 'agreements', role],
    queryFn: ({ pageParam, signal }) =>
      api.get<AgreementPage>('/api/v1/agreements', { role, after: pageParam, limit: PAGE_SIZE }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next,
  });
}

/** How many requests await my decision, for the header's badge: one small page, no more. */
export function useInboxCount() {
  const { api } = useSession();
  return useQuery({
    queryKey: [...ACCESS, 'inbox-count'],
    queryFn: async ({ signal }) => {
      const page = await api.get<AgreementPage>(
        '/api/v1/access-requests',
        { role: 'inbox', limit: INBOX_COUNT_LIMIT },
        signal,
      );
      return { count: page.items.length, more: page.next !== undefined };
    },
  });
}

export function useRequestAccess() {
  const post = usePostJson();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AccessRequestBody) => post<Agreement>('/api/v1/access-requests', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ACCESS }),
  });
}

export interface StepInput {
  readonly agreement: Agreement;
  readonly step: AgreementStep;
  /** Required to reject; optional to approve or revoke. */
  readonly note?: string;
}

/**
 * Approve, reject or cancel a request, or revoke an agreement. `onDone` hears of the step before
 * the lists refresh: a refreshed list may unmount the button that took it (a decided request
 * leaves the inbox), and a per-call callback would then never run.
 */
export function useAgreementStep(onDone?: (agreement: Agreement) => void) {
  const post = usePostJson();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ agreement, step, note }: StepInput) => {
      const collection = step === 'revoke' ? 'agreements' : 'access-requests';
      const body = note !== undefined && note.trim() !== '' ? { note: note.trim() } : {};
      return post<Agreement>(`/api/v1/${collection}/${encodeURIComponent(agreement.id)}/${step}`, body);
    },
    onSuccess: (result) => {
      onDone?.(result);
      return queryClient.invalidateQueries({ queryKey: ACCESS });
    },
  });
}
