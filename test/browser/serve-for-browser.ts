import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refunds as refundsOf, setBilling as setBillingOf } from '../support/mock-billing.js';
import { CS_BIN, PROJECT_ROOT, tempDb } from '../support/run-cs.js';
import { runCsInProcess } from '../support/run-cs-in-process.js';
import { YEARLY_CHARGE_BILLING } from '../support/scenario-records.js';
import { seedRecords } from '../support/seed-records.js';

/** Debian's Chromium: the only browser these tests drive (none is downloaded). */
export const CHROMIUM = '/usr/bin/chromium';

/** True when the browser tests can run; otherwise they are skipped with `SKIP_REASON`. */
export const HAVE_CHROMIUM = existsSync(CHROMIUM);
export const SKIP_REASON = `skipped: ${CHROMIUM} is missing (apt-get install -y chromium)`;

/** Where screenshots go: CS_SCREENSHOTS (docs/screenshots to refresh the README's), else a temp folder. */
export const SCREENSHOTS = process.env.CS_SCREENSHOTS
  ? join(PROJECT_ROOT, process.env.CS_SCREENSHOTS)
  : join(tmpdir(), 'cs-browser-screenshots');

/** The scenario records' product with a supervisor rule (退款>=100元; 主管审批2小时内回复). */
export const PRODUCT = '会员订阅服务';
/** 张先生, a returning customer of the scenario records. */
export const PHONE = '13800138000';

/** Headless Chromium as the contract says: no sandbox (root in CI), no background traffic. */
export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu', '--no-first-run'],
  });
}

/** A page in a fresh context (its own cookies), Chinese unless said otherwise. */
export async function newPage(
  browser: Browser,
  options: { locale?: string; phone?: boolean } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    locale: options.locale ?? 'zh-CN',
    viewport: options.phone ? { width: 390, height: 760 } : { width: 1200, height: 860 },
    ...(options.phone ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
  });
  // Generous waits: CI runs these beside the e2e project's processes on two cores.
  context.setDefaultTimeout(60_000);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // Nothing may be fetched from anywhere but the server under test.
  await context.route(/^(?!http:\/\/127\.0\.0\.1:)/, (route) => {
    errors.push(`fetched from outside: ${route.request().url()}`);
    return route.abort();
  });
  (page as Page & { csErrors?: string[] }).csErrors = errors;
  return { context, page };
}

/** The page errors and outside fetches seen so far (none expected). */
export function pageErrors(page: Page): string[] {
  return (page as Page & { csErrors?: string[] }).csErrors ?? [];
}

/** Saves a screenshot and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}

/** A free loopback port (the kernel's choice, released for the server to take). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** A running `cs serve`. */
export interface Served {
  url: string;
  /** What it printed, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

/** The environment without settings that would change which store or model the server uses. */
function serveEnv(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^CS_(DB|DATABASE_URL|LLM_|API_|NOW|SERVE_SECRET)/.test(key)) delete env[key];
  }
  return { ...env, ...extra };
}

/**
 * Starts `node bin/cs.js serve --port P --db DB` as a user would, and waits until it answers
 * `/api/openapi.json` (the one route without sign-in).
 */
export async function startServe(db: string, env: NodeJS.ProcessEnv = {}): Promise<Served> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [CS_BIN, 'serve', '--port', String(port), '--db', db], {
    cwd: PROJECT_ROOT,
    env: serveEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.setEncoding('utf8').on('data', (d: string) => {
    output += d;
  });
  child.stderr?.setEncoding('utf8').on('data', (d: string) => {
    output += d;
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };
  // Bounded: 300 tries 100 ms apart, stopping early if the process died.
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) break;
    try {
      const r = await fetch(`${url}/api/openapi.json`);
      if (r.ok) return { url, output: () => output, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error(`cs serve did not start on ${url}:\n${output}`);
}

/**
 * `cs … --db DB`, expected to succeed; its stdout. Run in the test process (the built cs, its own
 * stdout and exit code): these prepare and read what the spawned `cs serve` and the browser are
 * tested on, and a Node start each (a user's scrypt hash on top) added up across the suites.
 */
export async function cs(db: string, args: string[]): Promise<string> {
  const r = await runCsInProcess([...args, '--db', db]);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
}

/** `cs users add NAME --role R`: the one-time password it prints (its last word). */
export async function addUser(
  db: string,
  name: string,
  role: 'agent' | 'supervisor' | 'admin',
): Promise<string> {
  const out = await cs(db, ['users', 'add', name, '--role', role]);
  const password = out.trim().split(/\s+/).pop();
  expect(password, out).toBeTruthy();
  return password!;
}

/** `cs chat-token --phone P --product P`: the signed token an embedding site would issue. */
export async function chatToken(db: string, phone: string, product = PRODUCT): Promise<string> {
  const out = await cs(db, ['chat-token', '--phone', phone, '--product', product]);
  const token = out.trim().split(/\s+/).pop();
  expect(token, out).toMatch(/^[\w-]+\.[\w-]+$/);
  return token!;
}

/** The refunds the mock backend holds for the caller (`cs mock show`; a refund is a negative amount). */
export function refunds(db: string, phone = PHONE): Promise<number[]> {
  return refundsOf(db, PRODUCT, phone);
}

/** A billing history for the caller, so a refund has something to refund (as the approvals e2e sets). */
export async function setBilling(db: string, phone = PHONE): Promise<void> {
  await setBillingOf(db, PRODUCT, phone, YEARLY_CHARGE_BILLING);
}

/** Opens the console and signs in through its form. */
export async function signIn(page: Page, url: string, name: string, password: string): Promise<void> {
  await page.goto(url);
  await page.locator('input[name=name]').fill(name);
  await page.locator('input[name=password]').fill(password);
  await page.locator('form.sign-in button[type=submit]').click();
  await page.locator('nav.tabs').waitFor();
}

/** Opens the chat page for a token, and waits for the greeting. */
export async function openChat(page: Page, url: string, token: string, product = PRODUCT): Promise<void> {
  await page.goto(`${url}/chat/${encodeURIComponent(product)}?token=${encodeURIComponent(token)}`);
  await page.locator('.msg.from-agent').first().waitFor();
}

/** Types a line in the chat and sends it. */
export async function sayInChat(page: Page, text: string): Promise<void> {
  await page.locator('textarea[name=message]').fill(text);
  await page.locator('form.composer button.send').click();
}

/** What a browser suite's tests use: the database, its server and the browser. */
export interface BrowserSuite {
  readonly db: string;
  readonly url: string;
  readonly browser: Browser;
}

/**
 * A suite of browser tests against one `cs serve` on a fresh file database holding the seed
 * records and what `prepare` adds (users, billing); skipped, saying why, without Chromium.
 */
export function browserSuite(
  title: string,
  prepare: (db: string) => Promise<void>,
  tests: (suite: BrowserSuite) => void,
): void {
  if (!HAVE_CHROMIUM) {
    describe(title, () => {
      it.skip(SKIP_REASON, () => {});
    });
    return;
  }
  describe(title, () => {
    let tmp: Awaited<ReturnType<typeof tempDb>> | undefined;
    let server: Served | undefined;
    let browser: Browser | undefined;
    const ready = <T>(value: T | undefined, what: string): T => {
      if (value === undefined) throw new Error(`the suite's ${what} is not ready`);
      return value;
    };
    beforeAll(async () => {
      tmp = await tempDb();
      await seedRecords(tmp.db);
      await prepare(tmp.db);
      server = await startServe(tmp.db);
      browser = await launchChromium();
    });
    afterAll(async () => {
      await browser?.close();
      await server?.stop();
      await tmp?.cleanup();
    });
    tests({
      get db() {
        return ready(tmp, 'database').db;
      },
      get url() {
        return ready(server, 'server').url;
      },
      get browser() {
        return ready(browser, 'browser');
      },
    });
  });
}
