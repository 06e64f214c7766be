import { parsePgUrl } from './parse-pg-url.js';

/**
 * Drops a schema and everything in it (a throw-away database of `cs eval`). The name is checked
 * by parsePgUrl's rule first, so it is always a plain identifier.
 */
export async function dropPgSchema(url: string, schema: string): Promise<void> {
  const target = parsePgUrl(url, schema);
  const pg = await (await import('./pg-module.js')).pgModule();
  const client = new pg.Client({ connectionString: target.connectionString });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${target.schema}" CASCADE`);
  } finally {
    await client.end();
  }
}
