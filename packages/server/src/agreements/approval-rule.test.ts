import { describe, expect, it } from 'vitest';
import { resolvePrincipal } from '../identity/resolve-principal.js';
import { loadWorkspaceFromDisk } from '../workspace/load-workspace-from-disk.js';
import { ownerApprovalAuthorizer } from './approval-rule.js';
import { createAccessWorkspace } from './test-support/access-workspace.js';

describe('interim owner approval rule', () => {
  it('lets the owner team, governance and admins approve; admins alone administer; scopes narrow it', async () => {
    const workspace = await createAccessWorkspace();
    try {
      const { model } = await loadWorkspaceFromDisk(workspace.root, {});
      const authorizer = ownerApprovalAuthorizer(model);
      const who = (id: string) => resolvePrincipal(model, id)!;
      const approve = (id: string, productId: string, scopes?: ('query' | 'approve' | 'admin')[]) =>
        authorizer.isAllowed(scopes ? { ...who(id), scopes } : who(id), 'approve', { kind: 'product', productId })
          .allowed;
      expect(approve('olga', 'sales.orders')).toBe(true);
      expect(approve('olga', 'marketing.campaigns')).toBe(false);
      expect(approve('mia', 'marketing.campaigns')).toBe(true);
      expect(approve('churn-bot', 'marketing.campaigns')).toBe(true);
      expect(approve('gus', 'marketing.campaigns')).toBe(true);
      expect(approve('adam', 'sales.orders')).toBe(true);
      expect(approve('ana', 'sales.orders')).toBe(false);
      expect(approve('olga', 'sales.orders', ['query'])).toBe(false);
      expect(approve('olga', 'sales.orders', ['approve'])).toBe(true);
      expect(approve('olga', 'sales.orders', ['admin'])).toBe(false);
      expect(approve('gus', 'hr.unknown')).toBe(true);
      expect(approve('olga', 'hr.unknown')).toBe(false);

      const administer = (id: string) => authorizer.isAllowed(who(id), 'administer', { kind: 'mesh' }).allowed;
      expect(administer('adam')).toBe(true);
      expect(administer('gus')).toBe(false);
      const query = authorizer.isAllowed(who('adam'), 'query', { kind: 'product', productId: 'sales.orders' });
      expect(query).toMatchObject({ allowed: false, reason: expect.stringContaining('interim') });
      expect(authorizer.planRead(who('adam'), { productId: 'sales.orders', port: 'orders', major: 1 }).allowed).toBe(
        false,
      );
    } finally {
      await workspace.dispose();
    }
  });
});
