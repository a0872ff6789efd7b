/**
 * CI's dependency-audit judgement (infra/ci/audit-check.cjs) on npm's own JSON: the registry CI
 * reaches today refuses the advisory endpoint, so these reports are what proves the rules.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from '@jest/globals';

const { judge } = createRequire(import.meta.url)('../../infra/ci/audit-check.cjs') as {
  judge: (input: { reportText: string; exceptionsText: string; errText: string }, say: (line: string) => void) => number;
};

/** `npm audit --omit=dev --json` (report version 2) with one high advisory reaching two packages. */
const report = (severity: 'high' | 'critical' | 'moderate') =>
  JSON.stringify({
    auditReportVersion: 2,
    vulnerabilities: {
      'path-to-regexp': {
        name: 'path-to-regexp',
        severity,
        isDirect: false,
        via: [{ source: 1101850, name: 'path-to-regexp', dependency: 'path-to-regexp', title: 'path-to-regexp outputs backtracking regular expressions', url: 'https://github.com/advisories/GHSA-9wv6-86v2-598j', severity, range: '<0.1.12' }],
        effects: ['express'],
        range: '<0.1.12',
        nodes: ['node_modules/path-to-regexp'],
        fixAvailable: true,
      },
      express: { name: 'express', severity, isDirect: false, via: ['path-to-regexp'], effects: [], range: '4.0.0 - 4.21.1', nodes: ['node_modules/express'], fixAvailable: true },
    },
    metadata: { vulnerabilities: { info: 0, low: 0, moderate: severity === 'moderate' ? 2 : 0, high: severity === 'high' ? 2 : 0, critical: severity === 'critical' ? 2 : 0, total: 2 } },
  });

const exceptions = (reason: string) => `| advisory | package | severity | reason | review by |\n| --- | --- | --- | --- | --- |\n| GHSA-9wv6-86v2-598j | path-to-regexp | high | ${reason} | 2027-06-01 |\n`;

function run(reportText: string, exceptionsText = '', errText = '') {
  const lines: string[] = [];
  const code = judge({ reportText, exceptionsText, errText }, (l) => lines.push(l));
  return { code, out: lines.join('\n') };
}

describe('dependency audit in CI', () => {
  it('fails on a high or critical advisory nobody accepted, naming it once', () => {
    for (const severity of ['high', 'critical'] as const) {
      const { code, out } = run(report(severity));
      expect(code).toBe(1);
      expect(out.match(/NOT ACCEPTED/g)).toHaveLength(1);
      expect(out).toContain(`NOT ACCEPTED ${severity} ghsa-9wv6-86v2-598j in path-to-regexp`);
    }
  });

  it('passes when the exceptions file accepts the advisory with a reason, and prints the reason', () => {
    const { code, out } = run(report('high'), exceptions('Only reached through express routes we declare ourselves'));
    expect(code).toBe(0);
    expect(out).toContain('accepted high ghsa-9wv6-86v2-598j in path-to-regexp: Only reached through express routes we declare ourselves');
  });

  it('ignores an exception without a reason', () => {
    const { code, out } = run(report('high'), exceptions(''));
    expect(code).toBe(1);
    expect(out).toContain('ignored exception GHSA-9wv6-86v2-598j: it gives no reason');
  });

  it('lets moderate findings through, counted', () => {
    const { code, out } = run(report('moderate'));
    expect(code).toBe(0);
    expect(out).toContain('0 critical, 0 high, 2 moderate, 0 low');
  });

  it("says loudly that nothing was checked when the registry refuses the endpoint (this registry's 405), without its address", () => {
    const refused = JSON.stringify({ message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk', statusCode: 405, error: { summary: '', detail: '' } });
    const { code, out } = run(refused);
    expect(code).toBe(0);
    expect(out).toContain('DEPENDENCY AUDIT NOT DONE');
    expect(out).toContain('405 Method Not Allowed - POST <registry>/-/npm/v1/security/advisories/bulk');
    expect(run('', '', 'npm error network timeout\n').out).toContain('(npm error network timeout)');
  });
});
