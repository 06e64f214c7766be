import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { clockFromEnv } from '../../domain/clock.js';
import { CsError } from '../../domain/cs-error.js';
import { addUser, issueToken, type Role } from '../../http/auth.js';
import { resolveDbLocation } from '../../store/open-store.js';
import type { CliContext } from '../cli-context.js';

/** Injected by scripts/build.mjs from package.json. */
declare const __CS_VERSION__: string | undefined;

/** `cs users add NAME --role R`: the one-time password goes to stdout once, as the last word. */
export async function usersAddCommand(
  ctx: CliContext,
  name: string,
  options: { role: Role },
): Promise<number | undefined> {
  const added = await addUser(
    { store: await ctx.store(), env: ctx.env, clock: clockFromEnv(ctx.env) },
    {
      name,
      role: options.role,
    },
  );
  ctx.emit(
    added,
    () =>
      `✓ 已添加用户 User added: ${added.name} (${added.role})\n` +
      `一次性密码，只显示这一次 · One-time password, shown only now: ${added.password}`,
  );
  return undefined;
}

/** `cs users token NAME`: a new API token, printed once. */
export async function usersTokenCommand(ctx: CliContext, name: string): Promise<number | undefined> {
  const issued = await issueToken(
    { store: await ctx.store(), env: ctx.env, clock: clockFromEnv(ctx.env) },
    name,
  );
  ctx.emit(
    issued,
    () => `API token for ${issued.name} (Authorization: Bearer …), shown only now:\n${issued.token}`,
  );
  return undefined;
}

/** A `--port` value: 0 (any free port) to 65535. */
function parsePort(raw: string): number {
  const port = /^\d{1,5}$/.test(raw.trim()) ? Number(raw.trim()) : Number.NaN;
  if (!(port >= 0 && port <= 65_535))
    throw new CsError('E_USAGE', `--port "${raw}" is not a port (0-65535).`);
  return port;
}

/** The built pages: dist/web beside this build (the bundle in dist/, or src/ in development). */
function webRoot(): string | undefined {
  for (let dir = dirname(fileURLToPath(import.meta.url)); dirname(dir) !== dir; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) {
      const web = join(dir, 'dist', 'web');
      return existsSync(web) ? web : undefined;
    }
  }
  return undefined;
}

/**
 * `cs serve [--port 8080] [--host 127.0.0.1]`: the console, the chat page and the API until
 * Ctrl-C or SIGTERM, which close the server (its event streams, its connections) cleanly.
 */
export async function serveCommand(
  ctx: CliContext,
  options: { port: string; host: string },
): Promise<number | undefined> {
  const port = parsePort(options.port);
  const host = options.host.trim() || '127.0.0.1';
  const store = await ctx.store();
  const location = resolveDbLocation({
    cwd: ctx.cwd,
    env: ctx.env,
    ...(ctx.options.db === undefined ? {} : { db: ctx.options.db }),
  });
  const pages = webRoot();
  const { startServer } = await import('../../http/serve.js');
  const server = await startServer({
    store,
    env: ctx.env,
    port,
    host,
    clock: clockFromEnv(ctx.env),
    ...(pages ? { webRoot: pages } : {}),
    ...(location.kind === 'postgres' ? { postgresUrl: location.url } : {}),
    log: (line) => ctx.note(line),
    version: typeof __CS_VERSION__ === 'string' ? __CS_VERSION__ : 'dev',
  });
  const url = server.url;
  ctx.stdout.write(
    `cs serve: ${url}/  (控制台 console; API ${url}/api/openapi.json; 聊天 chat ${url}/chat/<product>?token=…)\n` +
      `数据库 Database: ${store.location}${pages ? '' : '\n⚠ 页面未构建 pages not built: run npm run build:web'}\n` +
      'Ctrl-C 停止 stops it.\n',
  );
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await server.close();
  ctx.note('cs serve: stopped.');
  return undefined;
}
