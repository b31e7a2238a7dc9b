/** Products live in declared domains (MW3003); owners are declared teams (MW3008). */
import type { WorkspaceRule } from './rule-context.js';

export const domainsAndTeams: WorkspaceRule = (ctx) => {
  for (const domain of ctx.domains.values()) {
    if (domain.parent !== undefined && !ctx.domains.has(domain.parent)) {
      ctx.report('MW3003', undefined, '', `${domain.file}: parent domain "${domain.parent}" does not exist`);
    }
    if (domain.owner !== undefined && ctx.config && !ctx.teams.has(domain.owner)) {
      ctx.report('MW3008', undefined, '', `${domain.file}: owner team "${domain.owner}" is not declared in mesh.yaml`);
    }
  }
  for (const { product, descriptorSource } of ctx.products) {
    if (!ctx.domains.has(product.domain) && !ctx.invalidDomains.has(product.domain)) {
      ctx.report(
        'MW3003',
        descriptorSource,
        '',
        `domain "${product.domain}" has no domains/${product.domain}/domain.yaml`,
      );
    }
    if (product.ownerTeam !== undefined && ctx.config && !ctx.teams.has(product.ownerTeam)) {
      ctx.report(
        'MW3008',
        descriptorSource,
        '/team/name',
        `owner team "${product.ownerTeam}" is not declared in mesh.yaml`,
        'warning',
      );
    }
  }
};
