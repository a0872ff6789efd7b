/**
 * The crash and fuzz proofs as `npm run proof` runs them (test/proof/run-proof.mjs): through Jest,
 * which runs the TypeScript of test/ as the other suites do, but matched only by that script's
 * --testMatch, so `npm test` never picks it up (test/proof/crash.e2e-spec.ts is the CI form of
 * the crash proof). Each proof's figures go to the JSON file named by CONVENE_PROOF_REPORT as soon
 * as it ends, so a failure of one leaves the figures of the other.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { expect, it } from '@jest/globals';
import { runCrashProof } from './crash/harness.js';
import { runFuzz } from './fuzz/fuzz.js';

const REPORT = process.env.CONVENE_PROOF_REPORT ?? '';
const log = (what: string) => (line: string) => process.stderr.write(`  [${what}] ${line}\n`);

async function record(part: 'crash' | 'fuzz', figures: unknown): Promise<void> {
  if (!REPORT) return;
  const report = JSON.parse(await readFile(REPORT, 'utf8').catch(() => '{}'));
  await writeFile(REPORT, JSON.stringify({ ...report, [part]: figures }, null, 2));
}

it('crash proof', async () => {
  const figures = await runCrashProof({ kills: Number(process.env.CONVENE_CRASH_KILLS || 50), log: log('crash') });
  await record('crash', figures);
  expect({ lost: figures.lost, duplicated: figures.duplicated, readModelsMatchReplay: figures.readModelsMatchReplay, mismatches: figures.mismatches }).toEqual({
    lost: 0,
    duplicated: 0,
    readModelsMatchReplay: true,
    mismatches: [],
  });
}, 900_000);

it('fuzz proof', async () => {
  const figures = await runFuzz({ cases: Number(process.env.CONVENE_FUZZ_CASES || 10_000), log: log('fuzz') });
  await record('fuzz', figures);
  expect({ fiveXx: figures.fiveXx, rejectedThatAppended: figures.rejectedThatAppended, failures: figures.failures.slice(0, 10) }).toEqual({
    fiveXx: 0,
    rejectedThatAppended: 0,
    failures: [],
  });
}, 1_800_000);
