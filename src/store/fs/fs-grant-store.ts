import {
  closeSync,
  fsync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { CsError, describeIssues } from '../../domain/cs-error.js';
import { type Grant, GrantSchema } from '../../domain/grant-schema.js';
import {
  byIssue,
  type GrantConsumption,
  type GrantFilter,
  type GrantStore,
  grantMatches,
} from '../grant-store.js';
import { isCode } from './fs-files.js';
import { formatJson, replaceFileSync } from './write-atomic.js';

const CUSTOMER_ID = /^[A-Za-z0-9_-]{1,64}$/;
const GRANT_ID = /^gr_[0-9a-f]{16}$/;
const ConsumedMarkerSchema = z.object({ consumed_at: z.string(), consumed_by: z.string() });

/**
 * Grants in the file store, one folder per customer:
 *
 * ```
 * <db>/grants/<customer_id>/<grant_id>.json        the grant as issued (never rewritten)
 * <db>/grants/<customer_id>/<grant_id>.consumed    created once, by the one consumer
 * ```
 *
 * Consuming creates the marker with O_EXCL, which fails with EEXIST for everyone but the first,
 * across processes; the marker's existence is the consumption, so one a reader finds still
 * empty or half-written (or left so by a kill) reads as consumed, at its mtime. One file made,
 * where a link of a temp file was three metadata changes, each of which can wait for the file
 * system's journal on a busy disk. A customer's folder is all a limit check reads.
 *
 * Durability (docs/decisions/015): issuing writes a grant with a rename and starts its flush to
 * disk without waiting for it; consuming waits for the grant to be on disk before it returns, so
 * a grant is on disk before anything is carried out under it, and the flush started at issue
 * has mostly finished by then. A power cut can only lose a grant nothing used, which a limit
 * check then reads as never issued (an empty file included). File operations other than the
 * flushes are synchronous: they sit on a call turn's path (see replaceFileSync).
 *
 * @example const grants = new FsGrantStore('/db'); await grants.consumeGrant({ ... })
 */
export class FsGrantStore implements GrantStore {
  readonly #root: string;
  /**
   * Grants and consumed markers this process has read, by path. Both files are written once
   * (atomically) and never rewritten, so what was read stays true; a limit check then reads only
   * the files it has not seen (each check used to read and validate every grant of the customer).
   */
  readonly #seen = new Map<string, Grant>();
  readonly #markers = new Map<string, Pick<Grant, 'consumed_at' | 'consumed_by'>>();
  /** Customer folders this process made or found. */
  readonly #folders = new Set<string>();

  constructor(dbDir: string) {
    this.#root = join(dbDir, 'grants');
  }

  async putGrant(grant: Grant): Promise<void> {
    const checked = GrantSchema.parse(grant);
    const dir = this.#dir(checked.customer_id);
    if (!this.#folders.has(dir)) {
      mkdirSync(dir, { recursive: true });
      this.#folders.add(dir);
    }
    const path = join(dir, `${checked.grant_id}.json`);
    const issued = { ...checked, consumed_at: null, consumed_by: null };
    try {
      // All-or-nothing by the rename.
      replaceFileSync(path, formatJson(issued));
    } catch (error) {
      // The folder was removed meanwhile: made again on the next write.
      this.#folders.delete(dir);
      throw error;
    }
    this.#seen.set(path, copyGrant(issued));
    // On its way to the disk while the turn goes on; consuming waits for it (and flushes again
    // should this flush fail).
    syncPath(path).catch(() => undefined);
  }

  async consumeGrant(consumption: GrantConsumption): Promise<Grant | undefined> {
    if (!GRANT_ID.test(consumption.grantId)) return undefined;
    const dir = this.#dir(consumption.customerId);
    const path = join(dir, `${consumption.grantId}.json`);
    // Read from the disk, not memory: only a grant still there is carried out. The descriptor
    // then flushes it: written by any process, it may not be on disk yet.
    let fd: number;
    try {
      fd = openSync(path, 'r');
    } catch (error) {
      if (isCode(error, 'ENOENT', 'ENOTDIR')) return undefined;
      throw error;
    }
    try {
      const grant = parseGrant(path, readFileSync(fd, 'utf8'));
      if (!grant) return undefined;
      const marker = join(dir, `${consumption.grantId}.consumed`);
      const text = formatJson({ consumed_at: consumption.consumedAt, consumed_by: consumption.consumedBy });
      if (!createExclusive(marker, text)) return undefined;
      // The grant on disk before the caller acts on it: a limit check after a power cut counts
      // it. Its flush, started when it was issued, has mostly finished by now.
      await syncFd(fd);
      return { ...grant, consumed_at: consumption.consumedAt, consumed_by: consumption.consumedBy };
    } finally {
      closeSync(fd);
    }
  }

  async listGrants(filter: GrantFilter): Promise<Grant[]> {
    const dir = this.#dir(filter.customerId);
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch (error) {
      if (isCode(error, 'ENOENT')) return [];
      throw error;
    }
    this.#folders.add(dir);
    const consumed = new Set(names.filter((n) => n.endsWith('.consumed')).map((n) => n.slice(0, -9)));
    const grants: Grant[] = [];
    for (const name of names) {
      if (!name.endsWith('.json')) continue;
      const grant = this.#readGrant(join(dir, name));
      if (!grant) continue;
      if (consumed.has(grant.grant_id))
        Object.assign(grant, this.#readMarker(join(dir, `${grant.grant_id}.consumed`)));
      if (grantMatches(grant, filter)) grants.push(grant);
    }
    return grants.sort(byIssue);
  }

  #dir(customerId: string): string {
    if (!CUSTOMER_ID.test(customerId)) {
      throw new CsError('E_INVALID', `"${customerId}" is not a customer id (letters, digits, - and _).`);
    }
    return join(this.#root, customerId);
  }

  /** A grant as issued (a copy: callers may change it), from memory when read before. */
  #readGrant(path: string): Grant | undefined {
    const seen = this.#seen.get(path);
    if (seen) return copyGrant(seen);
    const grant = readGrantFile(path);
    if (grant) this.#seen.set(path, copyGrant(grant));
    return grant;
  }

  /** A consumed marker, from memory when read (whole) before. */
  #readMarker(path: string): Pick<Grant, 'consumed_at' | 'consumed_by'> {
    const seen = this.#markers.get(path);
    if (seen) return { ...seen };
    const marker = readMarker(path);
    // One still being written reads as consumed at its mtime: read it again next time.
    if (marker.whole) this.#markers.set(path, marker.consumption);
    return { ...marker.consumption };
  }
}

function copyGrant(grant: Grant): Grant {
  return { ...grant, amount: grant.amount && { ...grant.amount } };
}

function readGrantFile(path: string): Grant | undefined {
  try {
    return parseGrant(path, readFileSync(path, 'utf8'));
  } catch (error) {
    if (isCode(error, 'ENOENT')) return undefined;
    throw error;
  }
}

/**
 * A grant file's grant. Empty, it is one a power cut caught before it reached the disk: never
 * consumed (consuming flushes it), so nothing was carried out under it, and it reads as absent.
 */
function parseGrant(path: string, raw: string): Grant | undefined {
  if (raw === '') return undefined;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    throw new CsError('E_INTERNAL', `Grant file ${path} is not JSON: ${(error as Error).message}.`);
  }
  const parsed = GrantSchema.safeParse(json);
  if (!parsed.success) {
    throw new CsError(
      'E_INTERNAL',
      `Grant file ${path} is malformed: ${describeIssues(parsed.error.issues)}.`,
    );
  }
  return parsed.data;
}

/** Creates `path` holding `text` unless it exists; true for the one caller that created it. */
function createExclusive(path: string, text: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx');
  } catch (error) {
    if (isCode(error, 'EEXIST')) return false;
    throw error;
  }
  try {
    writeFileSync(fd, text, 'utf8');
  } finally {
    closeSync(fd);
  }
  return true;
}

/** Flushes an open file to disk (on the thread pool: a flush waits for the disk). */
function syncFd(fd: number): Promise<void> {
  return new Promise((resolve, reject) => fsync(fd, (error) => (error ? reject(error) : resolve())));
}

/** Flushes a file to disk. */
async function syncPath(path: string): Promise<void> {
  const fd = openSync(path, 'r');
  try {
    await syncFd(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * A consumed marker; one still being written (or emptied by a power cut) reads as consumed at
 * its mtime and is not `whole`.
 */
function readMarker(path: string): {
  consumption: Pick<Grant, 'consumed_at' | 'consumed_by'>;
  whole: boolean;
} {
  try {
    const parsed = ConsumedMarkerSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    if (parsed.success) return { consumption: parsed.data, whole: true };
  } catch {
    // fall through: the marker exists, so the grant is consumed whatever its content says
  }
  let at: string;
  try {
    at = statSync(path).mtime.toISOString();
  } catch {
    at = new Date().toISOString();
  }
  return { consumption: { consumed_at: at, consumed_by: 'unknown' }, whole: false };
}
