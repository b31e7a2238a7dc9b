/**
 * Gives findings their line numbers. Positions need a YAML syntax tree, which is costly, so each
 * file a finding points into is parsed once, and only when it has findings.
 */
import { parseYamlSource, type Finding, type YamlSource } from '@meshwork/core';

export function locateFindings(findings: readonly Finding[], textOf: (file: string) => string | undefined): Finding[] {
  const sources = new Map<string, YamlSource | undefined>();
  return findings.map((finding) => {
    if (!sources.has(finding.file)) {
      const text = textOf(finding.file);
      sources.set(finding.file, text === undefined ? undefined : parseYamlSource(finding.file, text));
    }
    const source = sources.get(finding.file);
    return source ? { ...finding, line: source.locate(finding.pointer).line } : finding;
  });
}
