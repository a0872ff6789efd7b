import { enableGracefulShutdown, PLATFORM_LOGGER, type Logger } from '@convene/platform';
import { RegistrationDemoSeeder } from '@convene/registration';
import { DemoSeeder } from '@convene/scheduling';
import { SummariesDemoSeeder } from '@convene/summaries';
import { createApp } from './bootstrap.js';

const app = await createApp({ runProjections: !process.env.KAFKA_BROKERS });
const logger = app.get<Logger>(PLATFORM_LOGGER);
enableGracefulShutdown(app, { logger });
// A first start on an empty store shows something: the demo series, written through the real
// command handlers. CONVENE_DEMO_SEED=off keeps a new production database empty.
await app.init();
if (process.env.CONVENE_DEMO_SEED !== 'off') {
  const seeded = await app.get(DemoSeeder).seedIfEmpty();
  if (seeded) {
    // Registrations need the series' consultations; the Chair's summaries, written after the meetings, come last.
    const registrations = await app.get(RegistrationDemoSeeder).seed();
    const summaries = await app.get(SummariesDemoSeeder).seed();
    logger.info({ ...seeded, registrations, summaries }, "empty event store: demo series, its registrations and its Chair's summaries loaded");
  }
}
const port = Number(process.env.PORT ?? 3000);
await app.listen(port, process.env.HOST ?? '0.0.0.0');
logger.info({ port }, `Convene API listening on http://localhost:${port} (OpenAPI at /api/docs)`);
