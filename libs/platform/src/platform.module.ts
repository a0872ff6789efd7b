import {
  type ClassProvider,
  type DynamicModule,
  type ExistingProvider,
  type FactoryProvider,
  type MiddlewareConsumer,
  type ModuleMetadata,
  Module,
  type NestModule,
  type Provider,
  RequestMethod,
  type ValueProvider,
} from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE, DiscoveryModule } from '@nestjs/core';
import type { Logger } from 'pino';
import { AccessGuard } from './auth/access.guard.js';
import { type JwtSettings, jwtSettingsFromEnv } from './auth/jwt-keys.js';
import { TokenIssuer } from './auth/token-issuer.js';
import { JWT_SETTINGS, TokenVerifier } from './auth/token-verifier.js';
import { RateLimitGuard } from './http/rate-limit.js';
import { IDEMPOTENCY_STORE, type IdempotencyStore } from './idempotency/idempotency.js';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor.js';
import { createLogger, PinoNestLogger, PLATFORM_LOGGER } from './logging/logger.js';
import { ProblemDetailsFilter } from './problem-details/problem-details.filter.js';
import { createValidationPipe } from './problem-details/validation.js';
import { RequestContextMiddleware } from './request-context/request-context.middleware.js';

type ProviderWithoutToken<T> =
  | Omit<ClassProvider<T>, 'provide'>
  | Omit<ValueProvider<T>, 'provide'>
  | Omit<FactoryProvider<T>, 'provide'>
  | Omit<ExistingProvider<T>, 'provide'>;

export interface PlatformModuleOptions {
  /** Directory of local state; holds jwt-keys.json when no CONVENE_JWKS_URL is set. */
  dataDir: string;
  /** How to build the IdempotencyStore, e.g. `{ useClass: PgIdempotencyStore }`. */
  idempotencyStore: ProviderWithoutToken<IdempotencyStore>;
  /** Modules the idempotency store's own dependencies come from. */
  imports?: ModuleMetadata['imports'];
  /** Overrides of CONVENE_JWT_ISSUER / CONVENE_JWT_AUDIENCE / CONVENE_JWKS_URL. */
  jwt?: Partial<Omit<JwtSettings, 'dataDir'>>;
  /** Defaults to createLogger() (stdout, LOG_LEVEL). */
  logger?: Logger;
}

/**
 * Cross-cutting HTTP concerns, global once imported: problem+json errors, access guard,
 * validation, Idempotency-Key, request context, logging and tokens.
 */
@Module({})
export class PlatformModule implements NestModule {
  static forRoot(options: PlatformModuleOptions): DynamicModule {
    const jwtSettings: JwtSettings = { ...jwtSettingsFromEnv(options.dataDir), ...options.jwt };
    const logger = options.logger ?? createLogger();
    const providers: Provider[] = [
      { provide: JWT_SETTINGS, useValue: jwtSettings },
      { provide: PLATFORM_LOGGER, useValue: logger },
      // From the token, so that a test that overrides PLATFORM_LOGGER captures Nest's lines too.
      { provide: PinoNestLogger, useFactory: (root: Logger) => new PinoNestLogger(root), inject: [PLATFORM_LOGGER] },
      { provide: IDEMPOTENCY_STORE, ...options.idempotencyStore } as Provider,
      TokenVerifier,
      TokenIssuer,
      { provide: APP_FILTER, useClass: ProblemDetailsFilter },
      // Guards run in this order: the rate limit before any token is verified.
      RateLimitGuard,
      { provide: APP_GUARD, useExisting: RateLimitGuard },
      { provide: APP_GUARD, useClass: AccessGuard },
      { provide: APP_PIPE, useFactory: createValidationPipe },
      { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
    ];
    return {
      module: PlatformModule,
      global: true,
      imports: [DiscoveryModule, ...(options.imports ?? [])],
      providers,
      exports: [JWT_SETTINGS, PLATFORM_LOGGER, PinoNestLogger, IDEMPOTENCY_STORE, TokenVerifier, TokenIssuer, RateLimitGuard],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestContextMiddleware).forRoutes({ path: '*', method: RequestMethod.ALL });
  }
}
