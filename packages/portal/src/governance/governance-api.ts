/**
 * The governance dashboard's API calls: compliance now (per policy or per domain) and over time,
 * the policies, the findings of the latest check, and the waivers — each under the viewer's token
 * (the server counts only the products they may discover). Keys start with `governance`.
 */
import { useQuery } from '@tanstack/react-query';
import { useSession } from '../session/session-context.js';
import type { Compliance, ComplianceBy, CompliancePoint, Findings, Policy, Waiver } from './governance-types.js';
import type { FindingsFilter } from './findings-params.js';

export function useCompliance(by: ComplianceBy) {
  const { api } = useSession();
  return useQuery({
    queryKey: ['governance', 'compliance', by],
    queryFn: ({ signal }) => api.get<Compliance>('/api/v1/governance/compliance', { by }, signal),
  });
}

export function useComplianceHistory() {
  const { api } = useSession();
  return useQuery({
    queryKey: ['governance', 'compliance-history'],
    queryFn: async ({ signal }) =>
      (await api.get<{ items: CompliancePoint[] }>('/api/v1/governance/compliance/history', { limit: 100 }, signal))
        .items,
  });
}

export function usePolicies() {
  const { api } = useSession();
  return useQuery({
    queryKey: ['governance', 'policies'],
    queryFn: async ({ signal }) =>
      (await api.get<{ items: Policy[] }>('/api/v1/governance/policies', {}, signal)).items,
  });
}

export function useFindings(filter: FindingsFilter) {
  const { api } = useSession();
  return useQuery({
    queryKey: ['governance', 'findings', filter],
    queryFn: ({ signal }) => api.get<Findings>('/api/v1/governance/findings', { ...filter }, signal),
  });
}

export function useWaivers() {
  const { api } = useSession();
  return useQuery({
    queryKey: ['governance', 'waivers'],
    queryFn: async ({ signal }) => (await api.get<{ items: Waiver[] }>('/api/v1/governance/waivers', {}, signal)).items,
  });
}
