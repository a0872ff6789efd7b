import { applyDecorators, HttpCode, type Type } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiResponse } from '@nestjs/swagger';
import { Allow } from '@convene/platform';

const problem = (status: number, description: string) =>
  ApiResponse({ status, description: `${description} (application/problem+json naming the rule)` });

/**
 * A command endpoint of the secretariat: access, status code and the OpenAPI description of
 * what every command shares (If-Match, Idempotency-Key, problem+json answers).
 */
export function CommandEndpoint(summary: string, type: Type, status: 200 | 201 = 200, rules: string[] = []) {
  return applyDecorators(
    Allow('secretariat'),
    HttpCode(status),
    ApiBearerAuth(),
    ApiOperation({ summary, description: rules.length ? `Rules: ${rules.join(', ')}.` : undefined }),
    ApiHeader({ name: 'If-Match', required: false, description: 'The ETag (stream version) the change was decided on; 412 when it moved on' }),
    ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A retry with the same key and body returns the first answer and changes nothing' }),
    ApiResponse({ status, type, description: 'Accepted; ETag is the new stream version' }),
    problem(400, 'The body does not satisfy the input rules'),
    problem(401, 'No or invalid bearer token'),
    problem(403, 'The token lacks the secretariat role'),
    problem(404, 'No such series, consultation or session'),
    problem(409, 'A rule about the current state refuses the change'),
    problem(412, 'If-Match does not match the current version'),
    problem(422, 'A rule about the input refuses the change'),
  );
}
