import { Command } from 'commander';
import cliProgress from 'cli-progress';
import { migrationsOf, openDatabase, runMigrations } from '@convene/event-store';
import { kafkaBusConfigFromEnv, kafkaBusStatus } from '@convene/kafka-bus';
import { createTokenCommand } from '@convene/platform';
import { RegistrationDemoSeeder } from '@convene/registration';
import { DemoSeeder } from '@convene/scheduling';
import { SummariesDemoSeeder } from '@convene/summaries';
import { features } from '../../api/src/features.js';
import { createReportCommand } from './report-command.js';
import { openStoreSession } from './store-session.js';

const program = new Command('convene').description('Convene command line').showHelpAfterError();

program
  .command('migrate')
  .description('Apply pending database migrations (DATABASE_URL, or the embedded database)')
  .action(async () => {
    const db = await openDatabase();
    try {
      const applied = await runMigrations(db.url, migrationsOf(features));
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
      if (!opts.json) await printKafkaBusStatus(s.pool);
    } finally {
      await s.close();
    }
  });

/** Relay checkpoints and the projector group's lag, where Kafka feeds the projections. */
async function printKafkaBusStatus(pool: Parameters<typeof kafkaBusStatus>[0]): Promise<void> {
  const configured = !!process.env.KAFKA_BROKERS;
  const bus = await kafkaBusStatus(pool, configured ? kafkaBusConfigFromEnv(process.env, { features }) : undefined);
  if (!configured && bus.relays.length === 0) {
    console.log('Kafka: not configured (KAFKA_BROKERS unset): the API runs the projections itself.');
    return;
  }
  console.log('Kafka relay (lag: events in the store not yet acknowledged by the broker):');
  if (bus.relays.length === 0) console.log('  no relay has run yet.');
  else console.table(bus.relays.map((r) => ({ relay: r.name, checkpoint: `${r.transactionId}/${r.globalPosition}`, published: r.eventsPublished, lag: r.lag, updated: r.updatedAt })));
  const projector = bus.projector;
  if (!projector) return;
  if ('error' in projector) console.log(`Kafka projector group ${projector.groupId}: lag unknown (${projector.error})`);
  else console.log(`Kafka projector group ${projector.groupId}: lag ${projector.total} messages over ${projector.partitions.length} partitions.`);
}

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

/** The whole application without HTTP: the same handlers, store, projections and read models as the API. */
async function openApp() {
  const { NestFactory } = await import('@nestjs/core');
  const { AppModule } = await import('../../api/src/app.module.js');
  return NestFactory.createApplicationContext(AppModule.forRoot({ runProjections: !process.env.KAFKA_BROKERS }), { logger: ['error', 'warn'] });
}

program
  .command('seed')
  .description("Load the demo series (UNIDIR-CSIS cyber workshops, seeds/demo), its registrations and check-ins, and its Chair's summaries through the command handlers; a second run changes nothing")
  .action(async () => {
    const app = await openApp();
    try {
      // The registrations need the series' consultations; the summaries, written after the meetings, come last.
      const report = (what: string, { commands, appended }: { commands: number; appended: number }) =>
        console.log(
          appended === 0
            ? `${what}: already there (${commands} commands, nothing appended).`
            : `${what} loaded: ${appended} of ${commands} commands appended events.`,
        );
      report('Demo series', await app.get(DemoSeeder).seed());
      report('Registrations and check-ins of the demo series', await app.get(RegistrationDemoSeeder).seed());
      report("Chair's summaries of the demo series", await app.get(SummariesDemoSeeder).seed());
    } finally {
      await app.close();
    }
  });

program.addCommand(createReportCommand(openApp));

program.addCommand(createTokenCommand());

try {
  await program.parseAsync(process.argv);
} catch (err) {
  console.error(`convene: ${(err as Error).message}`);
  process.exitCode = 1;
}
