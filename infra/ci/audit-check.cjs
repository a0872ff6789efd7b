#!/usr/bin/env node
/**
 * Judges `npm audit --omit=dev --json` for CI (.ci/run): high and critical advisories fail the run
 * unless docs/security/audit-exceptions.md accepts them with a reason.
 *   node infra/ci/audit-check.cjs <npm-audit.json> <audit-exceptions.md> <npm-audit.err>
 * Exit 0: nothing open (or the registry did not answer: reported loudly, nothing checked);
 * exit 1: a finding nobody accepted. Tested by test/ci/audit-check.spec.ts with npm's JSON.
 */
'use strict';
const fs = require('node:fs');

/** Advisory id -> reason, from the exceptions table's rows that name an advisory and give a reason. */
function acceptedFindings(markdown, say) {
  const accepted = new Map();
  for (const line of markdown.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length < 6 || !/^(GHSA(-[0-9a-z]{4}){3}|\d+)$/i.test(cells[1])) continue;
    if (cells[4] === '') say(`ignored exception ${cells[1]}: it gives no reason`);
    else accepted.set(cells[1].toLowerCase(), cells[4]);
  }
  return accepted;
}

/** The high and critical advisories of an npm audit report (v2 JSON), once each. */
function severeFindings(audit) {
  const findings = new Map();
  for (const v of Object.values(audit.vulnerabilities)) {
    for (const via of v.via ?? []) {
      // A string `via` is another vulnerable package on the path; its own advisories are listed under it.
      if (typeof via !== 'object' || !['high', 'critical'].includes(via.severity)) continue;
      const id = (String(via.url ?? '').match(/GHSA(-[0-9a-z]{4}){3}/i)?.[0] ?? String(via.source)).toLowerCase();
      findings.set(id, { id, severity: via.severity, name: via.name ?? v.name, title: via.title ?? '', url: via.url ?? '' });
    }
  }
  return [...findings.values()];
}

function judge({ reportText, exceptionsText, errText }, say) {
  let audit;
  try {
    audit = JSON.parse(reportText);
  } catch {}
  if (!audit || typeof audit.vulnerabilities !== 'object' || audit.vulnerabilities === null) {
    const said = audit?.message ?? audit?.error?.summary ?? (errText.trim().split('\n').pop() || 'no report');
    const why = said.replace(/https?:\/\/[^/\s]+/g, '<registry>');
    say(`DEPENDENCY AUDIT NOT DONE: npm audit could not reach the advisory endpoint (${why}).`);
    say('Production dependencies were NOT checked for known vulnerabilities in this run; CI goes on.');
    return 0;
  }
  const accepted = acceptedFindings(exceptionsText, say);
  const findings = severeFindings(audit);
  for (const f of findings) if (accepted.has(f.id)) say(`accepted ${f.severity} ${f.id} in ${f.name}: ${accepted.get(f.id)}`);
  const counts = audit.metadata?.vulnerabilities ?? {};
  say(`npm audit: ${counts.critical ?? 0} critical, ${counts.high ?? 0} high, ${counts.moderate ?? 0} moderate, ${counts.low ?? 0} low in production dependencies`);
  const open = findings.filter((f) => !accepted.has(f.id));
  if (open.length === 0) return 0;
  for (const f of open) say(`NOT ACCEPTED ${f.severity} ${f.id} in ${f.name}: ${f.title} ${f.url}`);
  say('Upgrade, or record each finding with a reason in docs/security/audit-exceptions.md.');
  return 1;
}

module.exports = { judge };

if (require.main === module) {
  const [report, exceptionsFile, errFile] = process.argv.slice(2);
  const read = (f) => (f && fs.existsSync(f) ? fs.readFileSync(f, 'utf8') : '');
  process.exit(judge({ reportText: read(report), exceptionsText: read(exceptionsFile), errText: read(errFile) }, (line) => console.log(line)));
}
