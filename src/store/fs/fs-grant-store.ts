import { randomBytes } from 'node:crypto';
import { link, mkdir, open, readdir, readFile, stat, unlink, writeFile } from 'node:fs/promises';
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
import { mapLimit } from './fs-files.js';
import { formatJson, writeAtomic } from './write-atomic.js';

const CUSTOMER_ID = /^[A-Za-z0-9_-]{1,64}$/;
const GRANT_ID = /^gr_[0-9a-f]{16}$/;
const ConsumedMarkerSchema = z.object({ consumed_at: z.string(), consumed_by: z.string() });
// Hard links are missing on a few file systems; there the marker is created with O_EXCL instead.
const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV']);

/**
 * Grants in the file store, one folder per customer:
 *
 * ```
 * <db>/grants/<customer_id>/<grant_id>.json        the grant as issued (never rewritten)
 * <db>/grants/<customer_id>/<grant_id>.consumed    created once, by the one consumer
 * ```
 *
 * Consuming creates the marker with `link()` of a complete temp file, which fails with EEXIST
 * for everyone but the first, across processes and on every local file system; a reader never
 * sees a half-written marker. A customer's folder is all a limit check reads.
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
      await mkdir(dir, { recursive: true });
      this.#folders.add(dir);
    }
    const path = join(dir, `${checked.grant_id}.json`);
    const issued = { ...checked, consumed_at: null, consumed_by: null };
    try {
      await writeAtomic(path, formatJson(issued));
    } catch (error) {
      // The folder was removed meanwhile: made again on the next write.
      this.#folders.delete(dir);
      throw error;
    }
    this.#seen.set(path, copyGrant(issued));
  }

  async consumeGrant(consumption: GrantConsumption): Promise<Grant | undefined> {
    if (!GRANT_ID.test(consumption.grantId)) return undefined;
    const dir = this.#dir(consumption.customerId);
    // Read from the disk, not memory: only a grant still there is carried out.
    const grant = await readGrantFile(join(dir, `${consumption.grantId}.json`));
    if (!grant) return undefined;
    const marker = join(dir, `${consumption.grantId}.consumed`);
    const text = formatJson({ consumed_at: consumption.consumedAt, consumed_by: consumption.consumedBy });
    if (!(await createOnce(marker, text))) return undefined;
    return { ...grant, consumed_at: consumption.consumedAt, consumed_by: consumption.consumedBy };
  }

  async listGrants(filter: GrantFilter): Promise<Grant[]> {
    const dir = this.#dir(filter.customerId);
    let names: string[];
    try {
      names = await readdir(dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    this.#folders.add(dir);
    const consumed = new Set(names.filter((n) => n.endsWith('.consumed')).map((n) => n.slice(0, -9)));
    // Files not read before are read a few at a time; the order is restored by the sort.
    const read = await mapLimit(
      names.filter((n) => n.endsWith('.json')),
      8,
      async (name): Promise<Grant | undefined> => {
        const grant = await this.#readGrant(join(dir, name));
        if (grant && consumed.has(grant.grant_id))
          Object.assign(grant, await this.#readMarker(join(dir, `${grant.grant_id}.consumed`)));
        return grant;
      },
    );
    const grants = read.filter((g): g is Grant => g !== undefined && grantMatches(g, filter));
    return grants.sort(byIssue);
  }

  #dir(customerId: string): string {
    if (!CUSTOMER_ID.test(customerId)) {
      throw new CsError('E_INVALID', `"${customerId}" is not a customer id (letters, digits, - and _).`);
    }
    return join(this.#root, customerId);
  }

  /** A grant as issued (a copy: callers may change it), from memory when read before. */
  async #readGrant(path: string): Promise<Grant | undefined> {
    const seen = this.#seen.get(path);
    if (seen) return copyGrant(seen);
    const grant = await readGrantFile(path);
    if (grant) this.#seen.set(path, copyGrant(grant));
    return grant;
  }

  /** A consumed marker, from memory when read (whole) before. */
  async #readMarker(path: string): Promise<Pick<Grant, 'consumed_at' | 'consumed_by'>> {
    const seen = this.#markers.get(path);
    if (seen) return { ...seen };
    const marker = await readMarker(path);
    // One still being written reads as consumed at its mtime: read it again next time.
    if (marker.whole) this.#markers.set(path, marker.consumption);
    return { ...marker.consumption };
  }
}

function copyGrant(grant: Grant): Grant {
  return { ...grant, amount: grant.amount && { ...grant.amount } };
}

async function readGrantFile(path: string): Promise<Grant | undefined> {
  let raw: string;
  try {
    raw = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
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
async function createOnce(path: string, text: string): Promise<boolean> {
  const temp = `${path}.${randomBytes(6).toString('hex')}`;
  await writeFile(temp, text, 'utf8');
  try {
    await link(temp, path);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (code === 'EEXIST') return false;
    if (!NO_LINKS.has(code)) throw error;
    return createExclusive(path, text);
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}

async function createExclusive(path: string, text: string): Promise<boolean> {
  try {
    const handle = await open(path, 'wx');
    try {
      await handle.writeFile(text, 'utf8');
    } finally {
      await handle.close();
    }
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/**
 * A consumed marker; one still being written (O_EXCL fallback) reads as consumed at its mtime
 * and is not `whole`.
 */
async function readMarker(
  path: string,
): Promise<{ consumption: Pick<Grant, 'consumed_at' | 'consumed_by'>; whole: boolean }> {
  try {
    const parsed = ConsumedMarkerSchema.safeParse(JSON.parse(await readFile(path, 'utf8')));
    if (parsed.success) return { consumption: parsed.data, whole: true };
  } catch {
    // fall through: the marker exists, so the grant is consumed whatever its content says
  }
  const at = await stat(path).then(
    (s) => s.mtime.toISOString(),
    () => new Date().toISOString(),
  );
  return { consumption: { consumed_at: at, consumed_by: 'unknown' }, whole: false };
}
