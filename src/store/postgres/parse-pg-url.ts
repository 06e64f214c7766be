import { CsError } from '../../domain/cs-error.js';

/** What `openPgRecordStore` needs from a `postgres://` URL. */
export interface PgTarget {
  /** The URL handed to `pg`: our `schema` parameter turned into a `search_path` start-up option. */
  connectionString: string;
  /** The schema holding the tables (`public` unless named). */
  schema: string;
  /** The URL with the password masked, for messages and `location`. */
  location: string;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Splits a PostgreSQL URL into the connection string, the schema (`?schema=NAME` or the
 * `schema` option, which wins) and a printable location with the password masked.
 *
 * @example parsePgUrl('postgres://cs:secret@db/cs?schema=team1').location // 'postgres://cs:***@db/cs?schema=team1'
 */
export function parsePgUrl(url: string, schemaOption?: string): PgTarget {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new CsError(
      'E_CONFIG',
      'The database URL is not a URL: write it as postgres://user:password@host:5432/db.',
    );
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new CsError(
      'E_CONFIG',
      `The database URL must start with postgres:// or postgresql://, not ${parsed.protocol}//.`,
    );
  }
  const schema = schemaOption ?? parsed.searchParams.get('schema') ?? 'public';
  if (!SCHEMA_NAME.test(schema)) {
    throw new CsError(
      'E_CONFIG',
      `Schema "${schema}" is not usable: use lower-case letters, digits and _ (up to 63, not starting with a digit).`,
    );
  }
  const shown = new URL(parsed.href);
  if (shown.password !== '') shown.password = '***';
  if (schemaOption !== undefined) shown.searchParams.set('schema', schemaOption);
  parsed.searchParams.delete('schema');
  // The schema travels in the start-up packet, so every pooled connection works in it. It goes
  // into the URL rather than pg's `options` setting because a URL's own `options=` would win.
  const startup = parsed.searchParams.get('options');
  parsed.searchParams.set('options', `${startup ? `${startup} ` : ''}-c search_path=${schema}`);
  return { connectionString: parsed.href, schema, location: decodeURIComponent(shown.href) };
}
