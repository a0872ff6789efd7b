import { type ArgumentsHost, Catch, type ExceptionFilter, Inject } from '@nestjs/common';
import type { Logger } from 'pino';
import type { HttpRequest, HttpResponse } from '../http/http-types.js';
import { requestPath } from '../http/http-types.js';
import { PLATFORM_LOGGER } from '../logging/logger.js';
import { ensureCorrelationId, RequestContext } from '../request-context/request-context.js';
import { PROBLEM_CONTENT_TYPE, toProblem } from './problem.js';

/** Answers every error of an HTTP request as RFC 9457 problem+json. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  constructor(@Inject(PLATFORM_LOGGER) private readonly logger: Logger) {}

  catch(error: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw error;
    const req = host.switchToHttp().getRequest<HttpRequest>();
    const res = host.switchToHttp().getResponse<HttpResponse>();
    // Errors from the body parser happen before the context exists: fall back to the request's id.
    const correlationId = RequestContext.current()?.correlationId ?? ensureCorrelationId(req, res);
    const problem = toProblem(error, {
      path: requestPath(req),
      // req.route is no help: Nest's catch-all middleware registration sets it on every request.
      routeMatched: RequestContext.current()?.route !== undefined,
      hasIfMatch: req.headers['if-match'] !== undefined,
    });
    if (problem.internal !== undefined) {
      // The mixin adds correlationId inside a request context; outside it, add it here.
      const bindings = RequestContext.current() ? {} : { correlationId };
      this.logger.error({ ...bindings, err: problem.internal }, 'request failed with an internal error');
    }
    if (res.headersSent) {
      res.end();
      return;
    }
    res.statusCode = problem.status;
    for (const [name, value] of Object.entries(problem.headers)) res.setHeader(name, value);
    res.setHeader('Content-Type', PROBLEM_CONTENT_TYPE);
    res.end(JSON.stringify({ ...problem.body, correlationId }));
  }
}
