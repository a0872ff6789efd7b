import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { PinoNestLogger, applyHttpHardening } from '@convene/platform';
import { AppModule, type AppOptions } from './app.module.js';

/** Builds the configured HTTP application (without listening): used by main.ts and the e2e tests. */
export async function createApp(options: AppOptions = {}): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(options), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(PinoNestLogger));
  applyHttpHardening(app);
  const config = new DocumentBuilder()
    .setTitle('Convene API')
    .setDescription(
      'Consultation and workshop management for a disarmament secretariat. Every change is an event; ' +
        'errors are RFC 9457 problem+json naming the broken rule. Commands accept Idempotency-Key; ' +
        'resources carry ETag = stream version and honour If-Match.',
    )
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  return app;
}
