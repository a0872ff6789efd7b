import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DATABASE, type Database, ProjectionRunner, PG_POOL } from '@convene/event-store';
import { Allow } from '@convene/platform';
import type pg from 'pg';

@ApiTags('health')
@Controller()
export class HealthController {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    private readonly runner: ProjectionRunner,
  ) {}

  /** Liveness and readiness: the database answers; projections with their lag. */
  @Get('health')
  @Allow('public')
  @ApiOkResponse({ description: '{"status":"ok","database":"embedded"|"postgres","projections":[...]}' })
  async health() {
    await this.pool.query('SELECT 1');
    const projections = (await this.runner.status()).map((p) => ({
      name: p.name,
      status: p.status,
      lag: p.lag,
      ...(p.lastError ? { lastError: p.lastError } : {}),
    }));
    return { status: 'ok', database: this.db.kind, projections };
  }
}
