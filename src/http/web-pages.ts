import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type { Context, Hono } from 'hono';
import type { AppEnv } from './operation-route.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

/**
 * The pages allow only their own scripts, styles and API (no inline script, nothing from
 * elsewhere), so text that slips into the page as markup still cannot run. The console may not
 * be framed; the chat page is meant to be embedded by the site that issues its tokens.
 */
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'";

/**
 * Serves the built pages (dist/web, made by `npm run build:web`): the console at `/`, the chat
 * page at `/chat/<product>` (it reads its `?token=`), and their hashed assets.
 */
export function webPages(app: Hono<AppEnv>, webRoot: string): void {
  const root = resolve(webRoot);
  const page = (file: string, framed: boolean) => async (c: Context<AppEnv>) => {
    const html = await readFile(join(root, file)).catch(() => undefined);
    if (html === undefined) {
      return c.json(
        {
          error: {
            code: 'E_NOT_FOUND',
            message: `The pages are not built (${file}): run npm run build:web.`,
          },
        },
        404,
      );
    }
    c.header('Content-Security-Policy', framed ? CSP : `${CSP}; frame-ancestors 'none'`);
    if (!framed) c.header('X-Frame-Options', 'DENY');
    c.header('Cache-Control', 'no-cache');
    return c.body(html, 200, { 'Content-Type': TYPES['.html'] as string });
  };
  app.get('/', page('console/index.html', false));
  app.get('/chat/:product', page('chat/index.html', true));
  app.get('/assets/*', async (c, next) => {
    const path = resolve(root, `.${decodeURIComponent(c.req.path)}`);
    // Only files below the web folder: `..` in a path never leaves it.
    if (!path.startsWith(root + sep)) return next();
    const found = await stat(path).catch(() => undefined);
    if (!found?.isFile()) return next();
    c.header('Cache-Control', 'public, max-age=31536000, immutable');
    return c.body(await readFile(path), 200, {
      'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream',
    });
  });
}
