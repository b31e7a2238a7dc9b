import { describe, expect, it } from 'vitest';
import { parsePrometheusText, sampleValue } from './prometheus-text.js';

const SCRAPE = `# HELP requests_total Requests.
# TYPE requests_total counter
requests_total{route="/a",status="200"} 3
requests_total{route="/a \\"quoted\\"",status="500"} 1
# HELP latency_seconds Latency.
# TYPE latency_seconds histogram
latency_seconds_bucket{le="0.1"} 2
latency_seconds_bucket{le="+Inf"} 4
latency_seconds_sum 0.5
latency_seconds_count 4
# HELP lag Lag.
# TYPE lag gauge
lag Nan
`;

describe('the Prometheus text reader of the tests', () => {
  it('reads families, labels with escapes, histograms and NaN', () => {
    const families = parsePrometheusText(SCRAPE);
    expect(families.get('requests_total')?.type).toBe('counter');
    expect(sampleValue(families, 'requests_total')).toBe(4);
    expect(sampleValue(families, 'requests_total', { route: '/a "quoted"' })).toBe(1);
    expect(sampleValue(families, 'latency_seconds_bucket', { le: '+Inf' })).toBe(4);
    expect(families.get('lag')?.samples[0]?.value).toBeNaN();
  });

  it('refuses what is not the format', () => {
    expect(() => parsePrometheusText('# TYPE a counter\na{x=1} 2\n')).toThrow('malformed labels at line 2');
    expect(() => parsePrometheusText('# TYPE a counter\na 2 3 4\n')).toThrow('malformed sample at line 2');
    expect(() => parsePrometheusText('# TYPE a counter\nb 1\n')).toThrow('sample outside its family at line 2');
    expect(() => parsePrometheusText('# TYPE a counter\na one\n')).toThrow('malformed value at line 2');
    expect(() => parsePrometheusText('# TYPE a thing\n')).toThrow('unknown metric type at line 1');
  });
});
