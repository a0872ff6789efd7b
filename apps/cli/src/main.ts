import { Command } from 'commander';
import cliProgress from 'cli-progress';
import { openDatabase, runMigrations } from '@convene/event-store';
import { createTokenCommand } from '@convene/platform';
import { features } from '../../api/src/features.js';
import { openStoreSession } from './store-session.js';

const program = new Command('convene').description('Convene command line').showHelpAfterError();

program
  .command('migrate')
  .description('Apply pending database migrations (DATABASE_URL, or the embedded database)')
  .action(async () => {
    const db = await openDatabase();
    try {
      const applied = await runMigrations(db.url, features.flatMap((f) => f.migrations ?? []));
      console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Nothing to migrate: the schema is up to date.');
    } finally {
      await db.close();
    }
  });

program
  .command('projections')
  .description('Show each projection: generation, status, checkpoint and lag')
  .option('--json', 'print JSON')
  .action(async (opts: { json?: boolean }) => {
    const s = await openStoreSession();
    try {
      await s.runner.init();
      const status = await s.runner.status();
      if (opts.json) console.log(JSON.stringify(status, null, 2));
      else if (status.length === 0) console.log('No projections registered.');
      else
        console.table(
          status.map((p) => ({
            projection: p.name,
            generation: p.generation,
            version: p.version,
            status: p.status,
            checkpoint: `${p.transactionId}/${p.globalPosition}`,
            applied: p.eventsApplied,
            lag: p.lag,
          })),
        );
    } finally {
      await s.close();
    }
  });

program
  .command('rebuild')
  .description('Replay a projection from the first event into new tables, then switch over')
  .argument('<projection>', 'projection name (see `convene projections`)')
  .action(async (name: string) => {
    const s = await openStoreSession();
    try {
      await s.runner.init();
      const bar = process.stdout.isTTY
        ? new cliProgress.SingleBar({ format: `${name} [{bar}] {percentage}% | {value}/{total} events | {eta_formatted}` }, cliProgress.Presets.shades_classic)
        : undefined;
      let started = false;
      const result = await s.runner.rebuild(name, (done, total) => {
        if (!started) bar?.start(total, 0);
        started = true;
        bar?.update(done);
      });
      bar?.stop();
      const rate = result.ms > 0 ? Math.round((result.events / result.ms) * 1000) : result.events;
      console.log(`Rebuilt ${name}: ${result.events} events in ${(result.ms / 1000).toFixed(1)} s (${rate} events/s).`);
    } finally {
      await s.close();
    }
  });

program.addCommand(createTokenCommand());

try {
  await program.parseAsync(process.argv);
} catch (err) {
  console.error(`convene: ${(err as Error).message}`);
  process.exitCode = 1;
}
