/**
 * State shared by the mappers of one conversion: the source document (for `$ref`), the
 * definitions used so far, and the diagnostics collected. Diagnostics point into the DCS
 * source, not into the ODCS output.
 */
import type { Diagnostic, Severity } from '../../diagnostics/diagnostic.js';
import { DCS_CODES, type DcsCode } from './dcs-codes.js';
import type { JsonObject } from './dcs-values.js';

export interface ConversionContext {
  readonly source: JsonObject;
  /** Names of the `definitions` entries some field referred to. */
  readonly usedDefinitions: Set<string>;
  report(code: DcsCode, severity: Severity, pointer: string, message: string): void;
}

export function createConversionContext(source: JsonObject, diagnostics: Diagnostic[]): ConversionContext {
  return {
    source,
    usedDefinitions: new Set(),
    report: (code, severity, pointer, message) => diagnostics.push(dcsDiagnostic(code, severity, pointer, message)),
  };
}

export function dcsDiagnostic(code: DcsCode, severity: Severity, pointer: string, message: string): Diagnostic {
  return { code, severity, message, pointer, fix: DCS_CODES[code].fix };
}
