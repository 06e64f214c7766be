import { readFileSync, statSync } from 'node:fs';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeAtomic } from './write-atomic.js';

/*
 * The lookup index of one record type, under `<db>/.index/<type>/`:
 *
 *   meta.json        {"v":2,"shards":1024,"gen":N,"mtime":"<type folder mtime, ns>"}
 *   gN/<xxx>.json    shard xxx (000..3ff) of generation N:
 *                    {"ids":[[id,folder,name,phone?,corrupt?]...],"names":[[name,[id...]]...],"phones":[[phone,[id...]]...]}
 *                    (a damaged record's entry: phone "" when unknown, then what is wrong with its info.json)
 *
 * A key (`id:`, `name:` or `phone:` + value) lives in the shard given by an FNV-1a hash of it,
 * so a lookup reads meta.json, one or two shards of ~1/1024 of the entries and the record's
 * info.json, whatever the size of the database. Incremental writes rewrite only the shards they
 * touch (atomically, under the type's lock). A rebuild writes a whole new generation folder and
 * then switches meta.json to it in one atomic write, so readers never see half an index; old
 * generations are removed afterwards (a reader that loses its generation simply retries).
 *
 * Freshness: meta.json records the type folder's mtime. Adding, removing or renaming a record
 * folder (by this store, another program or a person) changes that mtime, and the next lookup
 * rebuilds the index with a full scan. Every hit is verified against the record's info.json, so
 * a hit made stale by an edit inside info.json (a name or phone changed by hand) is never
 * returned and triggers a rebuild too.
 *
 * Limitation: a hand edit of a name or phone inside an existing info.json does not change the
 * type folder's mtime, so until the next rebuild a lookup by the NEW value misses (lookups by the
 * old value see the stale hit and rebuild). File systems with coarse mtimes (1-2 s: FAT, some
 * network mounts) can likewise hide a hand change made in the same tick as one of ours.
 * `FsRecordStore.rebuildIndex()` rebuilds on demand. A rebuild reads every info.json of the
 * type: about 30-45 s for 100,000 customers on a slow, busy 2-core VM, held under the type lock.
 */

/** One record as the index knows it. */
export interface IndexEntry {
  id: string;
  folder: string;
  name: string;
  phone?: string;
  /**
   * Set when the record's info.json could not be read at the last scan: what is wrong with it.
   * The entry keeps the id, name and phone salvaged from the folder name, the damaged text or the
   * previous index, so the record is still listed and its phone still taken.
   */
  corrupt?: string;
}

/** The keys besides the id that the index files records under. */
export type IndexKeyKind = 'name' | 'phone';

interface Shard {
  ids: Map<string, IndexEntry>;
  names: Map<string, string[]>;
  phones: Map<string, string[]>;
}

/** meta.json: which generation is current and the type folder mtime it reflects. */
export interface IndexMeta {
  v: 2;
  /** Shard count the index was written with; another count (another version) means rebuild. */
  shards: number;
  gen: number;
  mtime: string;
}

// 1024 shards: about 13 KB of JSON per shard at 100,000 records, so a lookup parses little.
const SHARD_COUNT = 1024;

/** A meta.json this version wrote (checked by hand: lookups must not load zod). */
function isIndexMeta(value: unknown): value is IndexMeta {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    v.v === 2 &&
    v.shards === SHARD_COUNT &&
    Number.isInteger(v.gen) &&
    (v.gen as number) >= 0 &&
    typeof v.mtime === 'string'
  );
}

/** Thrown by a view whose generation was replaced while it was read; the caller retries. */
export class GenerationGoneError extends Error {
  override readonly name = 'GenerationGoneError';
}

/** The shard (0..1023) a key lives in: FNV-1a over the key's UTF-16 code units. */
export function shardOf(kind: 'id' | IndexKeyKind, key: string): number {
  let h = 0x811c9dc5;
  const s = `${kind}:${key}`;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % SHARD_COUNT;
}

function shardFile(n: number): string {
  return `${n.toString(16).padStart(3, '0')}.json`;
}

function emptyShard(): Shard {
  return { ids: new Map(), names: new Map(), phones: new Map() };
}

/** A shard file as parsed: lists of tuples, `[id, folder, name, phone?]` and `[key, ids]`. */
interface RawShard {
  ids: unknown[];
  names: unknown[];
  phones: unknown[];
}

const EMPTY_RAW: RawShard = { ids: [], names: [], phones: [] };

/** Thrown when a shard's content is not what this store writes; the index is then rebuilt. */
class DamagedShardError extends Error {}

// Shards are this store's own cache, checked by hand rather than with zod, and only where they
// are used: a lookup parses the file and checks the one entry it finds. The file holds lists of
// tuples rather than objects keyed by id / name / phone: JSON.parse turns every object key into
// an internalised string, which made parsing five times slower (and keys such as "__proto__"
// need no care in a list). A linear scan of a shard's ~100 tuples costs microseconds.
function parseRawShard(text: string): RawShard {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new DamagedShardError('not JSON');
  }
  if (!isObject(raw) || !Array.isArray(raw.ids) || !Array.isArray(raw.names) || !Array.isArray(raw.phones)) {
    throw new DamagedShardError('not a shard');
  }
  return raw as unknown as RawShard;
}

function toEntry(tuple: unknown): IndexEntry {
  if (
    !Array.isArray(tuple) ||
    typeof tuple[0] !== 'string' ||
    typeof tuple[1] !== 'string' ||
    typeof tuple[2] !== 'string' ||
    (tuple[3] !== undefined && typeof tuple[3] !== 'string') ||
    (tuple[4] !== undefined && typeof tuple[4] !== 'string')
  ) {
    throw new DamagedShardError('bad id entry');
  }
  const entry: IndexEntry = { id: tuple[0], folder: tuple[1], name: tuple[2] };
  if (tuple[3] !== undefined && tuple[3] !== '') entry.phone = tuple[3];
  if (tuple[4] !== undefined) entry.corrupt = tuple[4];
  return entry;
}

function toKeyList(tuple: unknown): [string, string[]] {
  if (
    !Array.isArray(tuple) ||
    typeof tuple[0] !== 'string' ||
    !Array.isArray(tuple[1]) ||
    !tuple[1].every((x: unknown) => typeof x === 'string')
  ) {
    throw new DamagedShardError('bad key entry');
  }
  return [tuple[0], [...(tuple[1] as string[])]];
}

function rawEntry(raw: RawShard, id: string): IndexEntry | undefined {
  const tuple = raw.ids.find((t) => Array.isArray(t) && t[0] === id);
  return tuple === undefined ? undefined : toEntry(tuple);
}

function rawKeys(raw: RawShard, kind: IndexKeyKind, key: string): string[] {
  const tuple = (kind === 'name' ? raw.names : raw.phones).find((t) => Array.isArray(t) && t[0] === key);
  return tuple === undefined ? [] : toKeyList(tuple)[1];
}

/** The whole shard as Maps, every entry checked (for edits). */
function toShard(raw: RawShard): Shard {
  return {
    ids: new Map(raw.ids.map((t) => toEntry(t)).map((e) => [e.id, e])),
    names: new Map(raw.names.map(toKeyList)),
    phones: new Map(raw.phones.map(toKeyList)),
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function serializeShard(shard: Shard): string {
  return JSON.stringify({
    ids: [...shard.ids.values()].map((e) => {
      if (e.corrupt !== undefined) return [e.id, e.folder, e.name, e.phone ?? '', e.corrupt];
      return e.phone === undefined ? [e.id, e.folder, e.name] : [e.id, e.folder, e.name, e.phone];
    }),
    names: [...shard.names],
    phones: [...shard.phones],
  });
}

function addKey(map: Map<string, string[]>, key: string, id: string): void {
  const list = map.get(key);
  if (!list) map.set(key, [id]);
  else if (!list.includes(id)) list.push(id);
}

function removeKey(map: Map<string, string[]>, key: string, id: string): void {
  const list = map.get(key);
  if (!list) return;
  const rest = list.filter((x) => x !== id);
  if (rest.length === 0) map.delete(key);
  else map.set(key, rest);
}

/** Runs `fn` on every item, 16 at a time (file reads and writes wait on libuv's thread pool). */
async function inParallel<T>(items: readonly T[], fn: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(16, items.length) }, async () => {
      while (next < items.length) await fn(items[next++] as T);
    }),
  );
}

/** Builds all shards of a set of entries in memory. */
export function buildShards(entries: Iterable<IndexEntry>): Map<number, Shard> {
  const shards = new Map<number, Shard>();
  const at = (n: number) => {
    let s = shards.get(n);
    if (!s) {
      s = emptyShard();
      shards.set(n, s);
    }
    return s;
  };
  for (const e of entries) {
    at(shardOf('id', e.id)).ids.set(e.id, e);
    addKey(at(shardOf('name', e.name)).names, e.name, e.id);
    if (e.phone !== undefined) addKey(at(shardOf('phone', e.phone)).phones, e.phone, e.id);
  }
  return shards;
}

/** Whether anything is at `path` (a stat that fails for any reason says no). */
function isThere(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

/** A read-only snapshot of one index generation (on disk, or in memory for a read-only database). */
export class IndexView {
  readonly gen: number;
  readonly #dir: string | undefined;
  readonly #memory: Map<number, RawShard> | undefined;
  readonly #cache = new Map<number, RawShard>();

  constructor(gen: number, source: { dir: string } | { memory: Map<number, Shard> }) {
    this.gen = gen;
    this.#dir = 'dir' in source ? source.dir : undefined;
    this.#memory =
      'memory' in source
        ? new Map([...source.memory].map(([n, shard]) => [n, JSON.parse(serializeShard(shard)) as RawShard]))
        : undefined;
  }

  /** Shard n as parsed; GenerationGoneError when the generation was replaced or the shard is damaged. */
  async raw(n: number, options: { keep?: boolean } = {}): Promise<RawShard> {
    if (this.#memory) return this.#memory.get(n) ?? EMPTY_RAW;
    const cached = this.#cache.get(n);
    if (cached) return cached;
    const dir = this.#dir as string;
    let raw: RawShard;
    try {
      // Synchronous, as the lookups' other small reads: a call turn's lookup was a dozen
      // thread-pool round trips (see replaceFileSync in write-atomic.ts).
      raw = parseRawShard(readFileSync(join(dir, shardFile(n)), 'utf8'));
    } catch (error) {
      // A damaged shard (edited by hand, disk trouble) reads as a replaced generation: rebuild.
      if (error instanceof DamagedShardError) throw new GenerationGoneError(dir);
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      // Empty shards are not written; a missing generation folder means a rebuild replaced it.
      if (!isThere(dir)) throw new GenerationGoneError(dir);
      raw = EMPTY_RAW;
    }
    if (options.keep !== false) this.#cache.set(n, raw);
    return raw;
  }

  /** Reads these shards into the view's cache, several at a time. */
  async prefetch(numbers: Iterable<number>): Promise<void> {
    const wanted = [...new Set(numbers)].filter((n) => !this.#cache.has(n));
    if (this.#memory || wanted.length === 0) return;
    await this.#checked(() => inParallel(wanted, (n) => this.raw(n)));
  }

  /** Shard n as Maps (every entry checked). */
  async shard(n: number): Promise<Shard> {
    return this.#checked(() => this.raw(n).then(toShard));
  }

  /** Ids filed under a name or phone (unverified). */
  async ids(kind: IndexKeyKind, key: string): Promise<string[]> {
    return this.#checked(async () => rawKeys(await this.raw(shardOf(kind, key)), kind, key));
  }

  async entry(id: string): Promise<IndexEntry | undefined> {
    return this.#checked(async () => rawEntry(await this.raw(shardOf('id', id)), id));
  }

  /** The numbers of the shards written (empty ones are not), in order. */
  async shardNumbers(): Promise<number[]> {
    if (this.#memory) return [...this.#memory.keys()].sort((a, b) => a - b);
    const dir = this.#dir as string;
    const files = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') throw new GenerationGoneError(dir);
      throw error;
    });
    return files
      .filter((f) => /^[0-9a-f]{3}\.json$/.test(f))
      .map((f) => Number.parseInt(f, 16))
      .sort((a, b) => a - b);
  }

  /** The entries filed in shard n (one file read, every entry checked, the shard not kept: listings stream). */
  async shardEntries(n: number): Promise<IndexEntry[]> {
    return this.#checked(async () => (await this.raw(n, { keep: false })).ids.map((t) => toEntry(t)));
  }

  /** Every entry (reads every shard written; empty ones are not). */
  async all(): Promise<IndexEntry[]> {
    const numbers = await this.shardNumbers();
    return this.#checked(async () => {
      const out: IndexEntry[] = [];
      // Shards read 32 at a time: a listing of 100,000 records reads ~1000 files.
      for (let i = 0; i < numbers.length; i += 32) {
        const raws = await Promise.all(numbers.slice(i, i + 32).map((n) => this.raw(n)));
        for (const raw of raws) for (const tuple of raw.ids) out.push(toEntry(tuple));
      }
      return out;
    });
  }

  async #checked<T>(read: () => Promise<T>): Promise<T> {
    try {
      return await read();
    } catch (error) {
      if (error instanceof DamagedShardError) throw new GenerationGoneError(this.#dir ?? 'memory');
      throw error;
    }
  }
}

/** The on-disk index of one record type (see the comment at the top of this file). */
export class FsIndex {
  readonly #typeDir: string;
  readonly #dir: string;

  constructor(typeDir: string, indexDir: string) {
    this.#typeDir = typeDir;
    this.#dir = indexDir;
  }

  /** The type folder's mtime in nanoseconds, or undefined when the folder does not exist. */
  async typeDirMtime(): Promise<string | undefined> {
    try {
      return String(statSync(this.#typeDir, { bigint: true }).mtimeNs);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async readMeta(): Promise<IndexMeta | undefined> {
    let text: string;
    try {
      text = readFileSync(join(this.#dir, 'meta.json'), 'utf8');
    } catch {
      return undefined;
    }
    try {
      const parsed: unknown = JSON.parse(text);
      return isIndexMeta(parsed) ? parsed : undefined;
    } catch {
      return undefined; // damaged: treated as missing, so the index is rebuilt
    }
  }

  view(gen: number): IndexView {
    return new IndexView(gen, { dir: join(this.#dir, `g${gen}`) });
  }

  /**
   * Writes a complete new generation from `entries` and switches meta.json to it. The caller
   * holds the type's lock. `mtime` is the type folder's mtime observed BEFORE the entries were
   * collected, so a change made during a scan leads to another rebuild rather than being lost.
   */
  async writeGeneration(
    entries: Iterable<IndexEntry>,
    mtime: string,
    previousGen: number,
  ): Promise<IndexMeta> {
    // Past every generation folder present, so a reader of an old one (meta.json lost or from
    // another version) never sees it rewritten under it.
    const present = (await readdir(this.#dir).catch(() => [] as string[]))
      .map((n) => /^g(\d+)$/.exec(n)?.[1])
      .filter((n): n is string => n !== undefined)
      .map(Number);
    const gen = Math.max(previousGen, ...present) + 1;
    const dir = join(this.#dir, `g${gen}`);
    await mkdir(dir, { recursive: true });
    // Plain writes: nothing points at this folder until meta.json does.
    for (const [n, shard] of buildShards(entries))
      await writeFile(join(dir, shardFile(n)), serializeShard(shard));
    const meta: IndexMeta = { v: 2, shards: SHARD_COUNT, gen, mtime };
    await writeAtomic(join(this.#dir, 'meta.json'), JSON.stringify(meta), { fsync: false });
    await Promise.all(
      present.map((n) =>
        rm(join(this.#dir, `g${n}`), { recursive: true, force: true }).catch(() => undefined),
      ),
    );
    return meta;
  }

  /**
   * Applies edits to the current generation in place: removes the ids in `remove` and files the
   * entries in `put` (replacing what each id had). Only the shards touched are rewritten, each
   * atomically. The caller holds the type's lock and passes the type folder's mtime after its
   * own change, which meta.json then records.
   */
  async applyEdits(
    meta: IndexMeta,
    remove: readonly string[],
    put: readonly IndexEntry[],
    mtime: string,
    /** A view of `meta.gen` already read (its shards are not read again). */
    current?: IndexView,
  ): Promise<void> {
    const view = current?.gen === meta.gen ? current : this.view(meta.gen);
    // A batch touches hundreds of shards: read them in parallel first (the id shards, then the
    // name and phone shards of what they held and of what is put), not one await at a time.
    const ids = [...remove, ...put.map((e) => e.id)];
    await view.prefetch(ids.map((id) => shardOf('id', id)));
    const keys: number[] = [];
    for (const id of ids) {
      const old = rawEntry(await view.raw(shardOf('id', id)), id);
      if (old)
        keys.push(
          shardOf('name', old.name),
          ...(old.phone === undefined ? [] : [shardOf('phone', old.phone)]),
        );
    }
    for (const e of put)
      keys.push(shardOf('name', e.name), ...(e.phone === undefined ? [] : [shardOf('phone', e.phone)]));
    await view.prefetch(keys);
    const dirty = new Map<number, Shard>();
    const load = async (n: number) => {
      let s = dirty.get(n);
      if (!s) {
        const base = await view.shard(n);
        s = { ids: new Map(base.ids), names: new Map(base.names), phones: new Map(base.phones) };
        dirty.set(n, s);
      }
      return s;
    };
    for (const id of [...remove, ...put.map((e) => e.id)]) {
      const idShard = await load(shardOf('id', id));
      const old = idShard.ids.get(id);
      if (!old) continue;
      idShard.ids.delete(id);
      removeKey((await load(shardOf('name', old.name))).names, old.name, id);
      if (old.phone !== undefined) removeKey((await load(shardOf('phone', old.phone))).phones, old.phone, id);
    }
    for (const e of put) {
      (await load(shardOf('id', e.id))).ids.set(e.id, e);
      addKey((await load(shardOf('name', e.name))).names, e.name, e.id);
      if (e.phone !== undefined) addKey((await load(shardOf('phone', e.phone))).phones, e.phone, e.id);
    }
    const dir = join(this.#dir, `g${meta.gen}`);
    await mkdir(dir, { recursive: true });
    await inParallel([...dirty], ([n, shard]) =>
      writeAtomic(join(dir, shardFile(n)), serializeShard(shard), { fsync: false }),
    );
    if (mtime !== meta.mtime) {
      await writeAtomic(
        join(this.#dir, 'meta.json'),
        JSON.stringify({ ...meta, mtime } satisfies IndexMeta),
        {
          fsync: false,
        },
      );
    }
  }
}
