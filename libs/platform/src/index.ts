export { PlatformModule, type PlatformModuleOptions } from './platform.module.js';

export {
  PROBLEM_CONTENT_TYPE,
  PROBLEM_TYPE_BASE,
  type Problem,
  type ProblemDocument,
  type ProblemRequest,
  titleFromRule,
  toProblem,
} from './problem-details/problem.js';
export { ProblemDetailsFilter } from './problem-details/problem-details.filter.js';
export { ChangedText, IsInstant, OptionalTrimmedText, Trim, TrimmedText, UnlessLeftOut } from './problem-details/text-input.js';
export {
  createValidationPipe,
  type FieldError,
  flattenValidationErrors,
  ValidationFailed,
} from './problem-details/validation.js';

export {
  type Clock,
  commandMeta,
  CORRELATION_ID_HEADER,
  ensureCorrelationId,
  newResourceId,
  RequestContext,
  type RequestContextState,
  systemClock,
} from './request-context/request-context.js';
export { RequestContextMiddleware } from './request-context/request-context.middleware.js';

export {
  createHttpLogger,
  createLogger,
  type CreateLoggerOptions,
  type Logger,
  logLevelFromEnv,
  PinoNestLogger,
  PLATFORM_LOGGER,
  serializeError,
} from './logging/logger.js';

export { ACCESS_METADATA, Allow, describeEndpoint, type EndpointAccess, getDeclaredAccess, listEndpointAccess } from './auth/access.js';
export { AccessGuard } from './auth/access.guard.js';
export { AuthenticationRequired, EndpointAccessUndeclared, InvalidToken, RoleNotAllowed } from './auth/auth.errors.js';
export { type JwtSettings, jwtSettingsFromEnv, LOCAL_KEY_FILE, loadOrCreateLocalKeys } from './auth/jwt-keys.js';
export { isTokenRole, principalFromClaims, type Role, TOKEN_ROLES, type TokenRole } from './auth/principal.js';
export { Principal } from './auth/principal.decorator.js';
export {
  createTokenCommand,
  type IssueTokenInput,
  runTokenCommand,
  type TokenCommandIo,
  TokenIssuer,
} from './auth/token-issuer.js';
export { JWT_SETTINGS, TokenVerifier } from './auth/token-verifier.js';

export {
  canonicalJson,
  IDEMPOTENCY_KEY_HEADER,
  IDEMPOTENCY_STORE,
  type IdempotencyRecord,
  type IdempotencyStore,
  type IdempotentResponse,
  InMemoryIdempotencyStore,
  InvalidIdempotencyKey,
  parseIdempotencyKey,
  requestHash,
} from './idempotency/idempotency.js';
export { IDEMPOTENT_REPLAYED_HEADER, IdempotencyInterceptor } from './idempotency/idempotency.interceptor.js';

export { expectedVersionFromIfMatch, InvalidIfMatch, parseIfMatch, setEtag } from './http/etag.js';
export { applyHttpHardening, corsOriginsFromEnv, type HttpHardeningOptions, parseTrustProxy } from './http/http-hardening.js';
export {
  clientKey,
  parseRateLimit,
  PUBLIC_RATE_LIMIT,
  type RateLimit,
  RateLimitExceeded,
  RateLimitGuard,
  type RateLimitRule,
  rateLimitSetting,
  resolveRateLimits,
  TokenBuckets,
} from './http/rate-limit.js';
export { enableGracefulShutdown, type GracefulShutdown, type GracefulShutdownOptions } from './http/graceful-shutdown.js';
