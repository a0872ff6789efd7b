import { enableGracefulShutdown, PLATFORM_LOGGER, type Logger } from '@convene/platform';
import { createApp } from './bootstrap.js';

const app = await createApp({ runProjections: !process.env.KAFKA_BROKERS });
const logger = app.get<Logger>(PLATFORM_LOGGER);
enableGracefulShutdown(app, { logger });
const port = Number(process.env.PORT ?? 3000);
await app.listen(port, process.env.HOST ?? '0.0.0.0');
logger.info({ port }, `Convene API listening on http://localhost:${port} (OpenAPI at /api/docs)`);
