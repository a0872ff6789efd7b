import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface MetricSample {
  name: string;
  help: string;
  type: 'counter' | 'gauge';
  value: number;
  labels?: Record<string, string>;
}

/** Prometheus text exposition (version 0.0.4): HELP and TYPE once per name, then its samples. */
export function renderMetrics(samples: MetricSample[]): string {
  const lines: string[] = [];
  const described = new Set<string>();
  const escape = (v: string) => v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
  for (const s of samples) {
    if (!described.has(s.name)) {
      described.add(s.name);
      lines.push(`# HELP ${s.name} ${s.help}`, `# TYPE ${s.name} ${s.type}`);
    }
    const labels = Object.entries(s.labels ?? {});
    const labelText = labels.length ? `{${labels.map(([k, v]) => `${k}="${escape(v)}"`).join(',')}}` : '';
    lines.push(`${s.name}${labelText} ${Number.isFinite(s.value) ? s.value : 'NaN'}`);
  }
  return `${lines.join('\n')}\n`;
}

export interface HealthReport {
  /** ok and degraded answer 200 (the process works; look at the details), down answers 503. */
  status: 'ok' | 'degraded' | 'down';
  [detail: string]: unknown;
}

export interface HealthServerOptions {
  port: number;
  host?: string;
  health(): Promise<HealthReport>;
  metrics(): Promise<MetricSample[]>;
}

export interface HealthServer {
  port: number;
  close(): Promise<void>;
}

/**
 * GET /health (JSON) and GET /metrics (Prometheus) for the worker processes, on node:http:
 * they serve no other HTTP, so a framework would only add start-up time and surface.
 */
export async function startHealthServer(options: HealthServerOptions): Promise<HealthServer> {
  const json = (value: unknown) => JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? v.toString() : v));
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const answer = async () => {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { allow: 'GET, HEAD' }).end();
      } else if (path === '/health') {
        const report = await options.health();
        res.writeHead(report.status === 'down' ? 503 : 200, { 'content-type': 'application/json' }).end(json(report));
      } else if (path === '/metrics') {
        res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' }).end(renderMetrics(await options.metrics()));
      } else {
        res.writeHead(404, { 'content-type': 'application/json' }).end(json({ error: 'not found', try: ['/health', '/metrics'] }));
      }
    };
    answer().catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(503, { 'content-type': 'application/json' });
      res.end(json({ status: 'down', error: err instanceof Error ? err.message : String(err) }));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '0.0.0.0', () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
