/** mesh.yaml `gateway:` as options of createQueryGateway: read once by each composition root. */
import type { GatewaySettings } from '@meshwork/core';
import type { GatewayLimits } from './query-gateway.js';

export interface GatewaySettingOptions {
  readonly limits: Partial<GatewayLimits>;
  readonly memoryLimit?: string;
  readonly threads?: number;
}

export function gatewaySettingOptions(settings: GatewaySettings | undefined): GatewaySettingOptions {
  const limits: Partial<Record<keyof GatewayLimits, number>> = {};
  if (settings?.timeoutMs !== undefined) limits.timeoutMs = settings.timeoutMs;
  if (settings?.maxRows !== undefined) limits.maxRows = settings.maxRows;
  if (settings?.maxBytes !== undefined) limits.maxBytes = settings.maxBytes;
  if (settings?.maxConcurrentPerPrincipal !== undefined) {
    limits.maxConcurrentPerPrincipal = settings.maxConcurrentPerPrincipal;
  }
  return {
    limits,
    ...(settings?.memoryLimit !== undefined ? { memoryLimit: settings.memoryLimit } : {}),
    ...(settings?.threads !== undefined ? { threads: settings.threads } : {}),
  };
}
