import type PgModule from 'pg';

let loaded: typeof PgModule | undefined;

/**
 * The `pg` driver, loaded once. While it loads it asks whether it runs on Cloudflare Workers:
 * without a global `navigator` (Node 20 has none; Node 21 and later do) it reads the global
 * `Response`, and on Node 20 that alone loads undici, the built-in fetch, about 15–20 ms of a
 * command's start that no store call needs. A `navigator` like Node 21's own is set for the load
 * and removed after, so the answer is the same and undici stays unloaded.
 */
export async function pgModule(): Promise<typeof PgModule> {
  if (loaded) return loaded;
  const g = globalThis as { navigator?: unknown };
  const had = 'navigator' in g;
  if (!had) g.navigator = { userAgent: `Node.js/${process.versions.node.split('.')[0]}` };
  try {
    // A CommonJS package: bundled or not, its exports may sit under `default`.
    const m = (await import('pg')) as typeof PgModule & { default?: typeof PgModule };
    loaded = m.default ?? m;
  } finally {
    if (!had) delete g.navigator;
  }
  return loaded;
}
