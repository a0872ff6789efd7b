/**
 * The web interface in a real browser: Debian's Chromium driven by playwright-core (no browser
 * download: /usr/bin/chromium, or CHROMIUM_PATH), against the whole API on its own database,
 * listening on a loopback port and serving the built interface (dist/web, built by
 * test/e2e/web/global-setup.ts when stale). Pages are checked with axe-core, injected into them.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect } from '@jest/globals';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { startTestApp, type TestApp } from './app.js';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

/** As the env notes start it: no GPU, no sandbox (root), and no calls home on a closed network. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const repo = (p: string) => fileURLToPath(new URL(`../../${p}`, import.meta.url));
export const RESULTS_DIR = repo('test-results/web');

let warned = false;
/** describe, or describe.skip with the reason said once, when there is no Chromium here. */
export function describeWeb(name: string, fn: () => void): void {
  if (hasChromium) return describe(name, fn);
  if (!warned) {
    warned = true;
    console.warn(`[convene] No Chromium at ${CHROMIUM}: the web interface suite is skipped (apt-get install chromium; CI installs it).`);
  }
  describe.skip(name, fn);
}

export interface WebApp {
  t: TestApp;
  baseUrl: string;
  browser: Browser;
  close(): Promise<void>;
}

export async function startWebApp(): Promise<WebApp> {
  if (!existsSync(repo('dist/web/index.html'))) throw new Error('dist/web is missing: run `npm run build:web` (the web suite global setup builds it)');
  const t = await startTestApp();
  await t.app.listen(0, '127.0.0.1');
  const baseUrl = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  return {
    t,
    baseUrl,
    browser,
    close: async () => {
      await browser.close().catch(() => {});
      await t.close();
    },
  };
}

export interface OpenOptions {
  /** A staff token put in sessionStorage before the first page loads (the sign-in test pastes one instead). */
  token?: string;
  width?: number;
  height?: number;
}

/** A fresh browser context (own sessionStorage, own downloads) with one page. */
export async function openPage(web: WebApp, options: OpenOptions = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await web.browser.newContext({
    baseURL: web.baseUrl,
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    acceptDownloads: true,
    reducedMotion: 'reduce',
  });
  if (options.token) await context.addInitScript({ content: `sessionStorage.setItem('convene.token', ${JSON.stringify(options.token)});` });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  // A script error in the page is a failed test, not a silent blank screen.
  page.on('pageerror', (error) => {
    throw error;
  });
  return { context, page };
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * axe-core on the page as it is now: WCAG 2.1 A/AA and best practices. Evaluated through the
 * DevTools protocol, which the page's CSP (script-src 'self') does not govern, unlike a <script>.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(`${axeSource}\n;void 0`);
  return page.evaluate(`axe
    .run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] }, resultTypes: ['violations'] })
    .then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => String(n.target)) })))`) as Promise<AxeViolation[]>;
}

/** No serious or critical axe violation; the screenshot is kept under test-results/web either way. */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  const violations = await axeViolations(page);
  const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(blocking).toEqual([]);
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Waits until exactly `count` elements match the CSS selector (lists that reload after a change). */
export async function waitForCount(page: Page, selector: string, count: number): Promise<void> {
  // A function, not a string: the page's CSP forbids eval. No DOM types here, hence the cast.
  type Doc = { querySelectorAll(s: string): { length: number } };
  await page.waitForFunction(([s, n]) => (globalThis as unknown as { document: Doc }).document.querySelectorAll(s).length === n, [selector, count] as const);
}
