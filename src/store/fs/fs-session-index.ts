import { closeSync, existsSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { appendFile, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { CsError, describeIssues } from '../../domain/cs-error.js';
import { normalizePhone } from '../../domain/phone.js';
import type { SessionRecord } from '../../domain/session-schemas.js';
import type { TextFilter } from '../session-filter.js';
import { FsCustomerIndex } from './fs-customer-index.js';
import { isCode, mapLimit, readJson, readJsonSync, subfolders } from './fs-files.js';
import type { FsStoreContext } from './fs-store-context.js';
import { writeAtomic } from './write-atomic.js';

/*
 * The index of saved sessions, under `<db>/.index/sessions/`:
 *
 *   meta.json         {"v":1,"mtime":"<history/ mtime, ns>","customers":"<this folder's mtime>"}:
 *                     the state of history/ the index reflects, and of this folder the customer
 *                     index was last kept in step with
 *   <YYYYMMDD>.jsonl  one line per session of that day, in seq order: the listing fields, the
 *                     ids, the caller's phone (normalised), session.json's [mtime ms, size] and,
 *                     for a damaged file, what is wrong with it
 *   <YYYYMMDD>.seq    the highest seq of the day, so a save never lists history/
 *   other.jsonl       sessions whose folder name carries no day (copied in by hand)
 *   customers.*       which days each customer appears in, for `--customer` listings
 *                     (fs-customer-index.ts): every write of a day file below records there first
 *
 * A save appends its line and bumps the day's seq under the `history` lock, then records the
 * new mtime of history/; listing reads the day files it needs, not every session.json.
 *
 * Freshness, as for the record index (fs-index.ts): adding, removing or renaming a session
 * folder by hand changes history/'s mtime, and the next use repairs the index: one readdir,
 * and only the folders the index lacks are read. A change inside a session.json does not
 * change that mtime; listings stat the session.json of every row they return and re-read the
 * ones whose size or mtime moved, so a session damaged or edited in place is shown as it is
 * now. Filters match the indexed fields, so a session edited in place to name another customer
 * is found by the new name only once a listing has re-read it (which rewrites its line) or after
 * a rebuild (`rebuildSessionIndex`); by the old name its row, checked against the file, no
 * longer matches.
 */

/** One saved session as the index keeps it. */
export interface IndexedSession {
  session_id: string;
  /** The folder under history/, when it is not `session_id` (copied or renamed by hand). */
  folder?: string;
  timestamp: string;
  product: string;
  customer: string;
  operator: string;
  product_id?: string;
  customer_id?: string;
  operator_id?: string;
  /** Normalised. */
  customer_phone?: string;
  resolution_status?: string;
  /** session.json's mtime (ms) and size when indexed. */
  file?: [number, number];
  /** What is wrong with session.json, when it is damaged (the other fields are then empty). */
  corrupt?: string;
}

/** The lock of history/ and its index: held to save, import or repair. */
export const HISTORY_LOCK = 'history';

const DAY_OF_FOLDER = /^cs_(\d{8})_(\d+)_/;
const OTHER = 'other';
const READ_ONLY_CODES = ['EACCES', 'EPERM', 'EROFS'];

/** The day key of a session folder: its YYYYMMDD, or `other`. */
export function dayOfFolder(folder: string): string {
  return DAY_OF_FOLDER.exec(folder)?.[1] ?? OTHER;
}

/** The seq of a session folder (`cs_<day>_<seq>_…`), or 0. */
export function seqOfFolder(folder: string): number {
  const m = DAY_OF_FOLDER.exec(folder);
  return m ? Number(m[2]) : 0;
}

/** The folder of an indexed session. */
export function folderOf(line: IndexedSession): string {
  return line.folder ?? line.session_id;
}

/** Day, then seq, then name: the order of every listing. */
export function compareFolders(a: string, b: string): number {
  const da = dayOfFolder(a);
  const db = dayOfFolder(b);
  if (da !== db) return da === OTHER ? 1 : db === OTHER ? -1 : da < db ? -1 : 1;
  const d = seqOfFolder(a) - seqOfFolder(b);
  if (d !== 0) return d;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The index line of a session as saved (no file read but one stat). */
export function lineOfSession(
  session: SessionRecord,
  folder: string,
  file?: [number, number],
): IndexedSession {
  const line: IndexedSession = {
    session_id: session.session_id,
    timestamp: session.timestamp,
    product: session.product,
    customer: session.customer,
    operator: session.operator,
  };
  if (folder !== session.session_id) line.folder = folder;
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const put = (key: keyof IndexedSession, value: string | undefined) => {
    if (value !== undefined) (line as unknown as Record<string, unknown>)[key] = value;
  };
  put('product_id', text(session.product_id));
  put('customer_id', text(session.customer_id));
  put('operator_id', text(session.operator_id));
  const phone = text(session.customer_phone);
  if (phone !== undefined && normalizePhone(phone) !== '') line.customer_phone = normalizePhone(phone);
  put('resolution_status', text(session.review?.resolution_status));
  if (file) line.file = file;
  return line;
}

/** A line of a day file, checked by hand (listing must not load zod); undefined when torn or foreign. */
function parseLine(text: string): IndexedSession | undefined {
  if (text === '') return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return undefined; // a line torn by a crash: the repair that follows rewrites the day
  }
  if (typeof raw !== 'object' || raw === null) return undefined;
  const r = raw as Record<string, unknown>;
  const strings = ['session_id', 'timestamp', 'product', 'customer', 'operator'];
  if (!strings.every((k) => typeof r[k] === 'string')) return undefined;
  return raw as IndexedSession;
}

/** The index of saved sessions of one file database (see the comment at the top of this file). */
export class FsSessionIndex {
  readonly #ctx: FsStoreContext;
  readonly #history: string;
  readonly #dir: string;
  /**
   * What this process last wrote, under the history lock: history/'s mtime after it and the
   * days' counters. While history/ and meta.json keep that mtime, a save in a batch need not
   * read the counter file.
   */
  #own: { mtime: string; seqs: Map<string, number> } | undefined;
  /** Day files held in memory when the database cannot be written (read-only mount). */
  #memory: { mtime: string; days: Map<string, IndexedSession[]> } | undefined;
  readonly #customers: FsCustomerIndex;

  constructor(ctx: FsStoreContext) {
    this.#ctx = ctx;
    this.#history = ctx.path('history');
    this.#dir = ctx.path('.index', 'sessions');
    this.#customers = new FsCustomerIndex(this.#dir);
  }

  /** history/'s mtime in ns; undefined when there is no history yet. */
  // history/'s stat, meta.json and the folder of day files are read synchronously, as the day
  // files are (see filesNewestFirst): every listing and save starts with them.
  async historyMtime(): Promise<string | undefined> {
    try {
      return String(statSync(this.#history, { bigint: true }).mtimeNs);
    } catch (error) {
      if (isCode(error, 'ENOENT', 'ENOTDIR')) return undefined;
      throw error;
    }
  }

  async #metaMtime(): Promise<string | undefined> {
    return this.#readMeta()?.mtime;
  }

  #readMeta(): { mtime: string; customers?: string } | undefined {
    let raw: unknown;
    try {
      raw = readJsonSync(join(this.#dir, 'meta.json'));
    } catch {
      return undefined;
    }
    if (typeof raw !== 'object' || raw === null) return undefined;
    const meta = raw as Record<string, unknown>;
    if (meta.v !== 1 || typeof meta.mtime !== 'string') return undefined;
    return typeof meta.customers === 'string'
      ? { mtime: meta.mtime, customers: meta.customers }
      : { mtime: meta.mtime };
  }

  /**
   * Records the state of history/ the index reflects and, when the customer index was in step
   * before this process wrote (`customersInStep`), the state of this folder it is in step with.
   * meta.json and the counters are written in place, not through a temp file: a write torn by a
   * crash reads as missing, which only costs a repair (meta), a rebuild of the customer index, or
   * a look at the day's lines (seq).
   */
  async #writeMeta(mtime: string, customersInStep: boolean): Promise<void> {
    const path = join(this.#dir, 'meta.json');
    if (customersInStep && !existsSync(path)) {
      // Made first: making it moves the folder's mtime, which must come before the stamp.
      await writeFile(path, JSON.stringify({ v: 1, mtime }));
    }
    const customers = customersInStep ? this.#folderStamp() : undefined;
    await writeFile(
      path,
      JSON.stringify(customers === undefined ? { v: 1, mtime } : { v: 1, mtime, customers }),
    );
  }

  /** This folder's mtime (ns): it moves when a file in it is made, renamed or removed. */
  #folderStamp(): string | undefined {
    const s = statSync(this.#dir, { bigint: true, throwIfNoEntry: false });
    return s === undefined ? undefined : String(s.mtimeNs);
  }

  /**
   * Whether the customer index holds the keys of every day file (fs-customer-index.ts): this
   * code records them before it writes, so it can only fall behind through a writer that does
   * not (an older build of cs, a hand edit). Such a writer either rewrites meta.json without
   * `customers` (a save, a repair) or renames a day file into place (a heal), which moves this
   * folder's mtime away from the one recorded. A database with no day files yet has nothing to
   * index. (A writer of another build that renames a file within the same tick of the file
   * system's clock as this code's last write would go unseen; all of them hold the history lock.)
   */
  #customersInStep(meta = this.#readMeta()): boolean {
    if (meta?.customers !== undefined && meta.customers === this.#folderStamp()) return true;
    try {
      return !readdirSync(this.#dir).some((n) => n.endsWith('.jsonl'));
    } catch (error) {
      if (isCode(error, 'ENOENT', 'ENOTDIR')) return true;
      throw error;
    }
  }

  /**
   * Makes sure the index reflects history/ (repairing it when folders changed by hand); false
   * when there is no history at all. Takes the history lock only when a repair is needed.
   */
  async fresh(): Promise<boolean> {
    const mtime = await this.historyMtime();
    if (mtime === undefined) return false;
    if (this.#memory?.mtime === mtime) return true;
    if ((await this.#metaMtime()) === mtime) return true;
    try {
      await this.#ctx.locks.with(HISTORY_LOCK, () => this.freshLocked());
    } catch (error) {
      if (!isCode(error, ...READ_ONLY_CODES)) throw error;
      // A database we may read but not write: keep the repaired index in memory instead.
      const observed = (await this.historyMtime()) ?? mtime;
      this.#memory = { mtime: observed, days: await this.#reconcile(new Map()) };
    }
    return true;
  }

  /** `fresh` for a caller holding the history lock. */
  async freshLocked(): Promise<void> {
    const mtime = await this.historyMtime();
    const meta = await this.#metaMtime();
    // The counters this process keeps hold while history/ is as it left it.
    if (mtime === undefined || mtime !== this.#own?.mtime || meta !== mtime) this.#own = undefined;
    if (mtime === undefined || meta === mtime) return;
    await this.repair(mtime);
  }

  /**
   * Brings every day file in line with the folders of history/: lines of folders gone are
   * dropped, folders the index lacks are read and added. `mtime` is history/'s mtime observed
   * before the folders are listed, so a change made meanwhile leads to another repair. The
   * caller holds the history lock.
   */
  async repair(mtime?: string): Promise<void> {
    const observed = mtime ?? (await this.historyMtime());
    if (observed === undefined) return;
    this.#memory = undefined;
    this.#own = undefined;
    const inStep = this.#customersInStep();
    const current = new Map<string, IndexedSession[]>();
    for (const day of await this.days()) current.set(day, await this.readDay(day));
    const days = await this.#reconcile(current);
    await mkdir(this.#dir, { recursive: true });
    for (const [day, lines] of days) {
      const before = current.get(day);
      const same =
        before !== undefined &&
        before.length === lines.length &&
        before.every((l, i) => JSON.stringify(l) === JSON.stringify(lines[i]));
      if (same) continue;
      // A customer index not in step is rebuilt below from the day files as written.
      if (inStep) await this.writeDay(day, lines);
      else await this.#writeDayFile(day, lines);
    }
    if (inStep) await this.#customers.compactIfLong(() => this.days());
    else await this.#customers.rebuild(await this.days());
    await this.#writeMeta(observed, true);
  }

  /** The day files as history/'s folders say they should be (reading only folders not indexed). */
  async #reconcile(current: Map<string, IndexedSession[]>): Promise<Map<string, IndexedSession[]>> {
    const byDay = new Map<string, string[]>();
    for (const folder of await subfolders(this.#history)) {
      const day = dayOfFolder(folder);
      const list = byDay.get(day);
      if (list) list.push(folder);
      else byDay.set(day, [folder]);
    }
    const out = new Map<string, IndexedSession[]>();
    for (const day of new Set([...current.keys(), ...byDay.keys()])) {
      const known = new Map((current.get(day) ?? []).map((l) => [folderOf(l), l]));
      const folders = (byDay.get(day) ?? []).sort(compareFolders);
      const lines = await mapLimit(folders, 32, async (f) => known.get(f) ?? (await this.readLine(f)));
      out.set(
        day,
        lines.filter((l): l is IndexedSession => l !== undefined),
      );
    }
    return out;
  }

  /**
   * The index line of a session folder as its session.json is now; undefined when the folder
   * has no session.json. A damaged file gives a line marked corrupt.
   */
  async readLine(folder: string): Promise<IndexedSession | undefined> {
    const path = join(this.#history, folder, 'session.json');
    const file = await fileStamp(path);
    if (!file) return undefined;
    let problem: string;
    try {
      const raw = await readJson(path);
      if (raw === undefined) return undefined;
      const { SessionHeadSchema } = await import('./fs-file-schemas.js');
      const parsed = SessionHeadSchema.safeParse(raw);
      if (parsed.success) return lineOfSession(raw as SessionRecord, folder, file);
      problem = describeIssues(parsed.error.issues);
    } catch (error) {
      if (!CsError.isInstance(error) || error.code !== 'E_CORRUPT') throw error;
      problem = String(error.details?.problem ?? 'damaged');
    }
    return {
      session_id: folder,
      timestamp: '',
      product: '',
      customer: '',
      operator: '',
      file,
      corrupt: `${path}: ${problem}`,
    };
  }

  /**
   * The line as session.json is now: the same line when the file's size and mtime have not
   * moved, else a fresh read (undefined when the folder or file is gone).
   */
  async verify(line: IndexedSession): Promise<IndexedSession | undefined> {
    return this.unchanged(line) ? line : this.readLine(folderOf(line));
  }

  /** True when the line's session.json has kept the size and mtime it was indexed with. */
  unchanged(line: IndexedSession): boolean {
    // A stat on the main thread: a listing makes one per row it shows (see filesNewestFirst).
    // The path is put together, not joined: the system resolves it alike, and path.join's
    // normalising, run cold once per row, cost a listing more than the stats.
    const file = fileStampSync(`${this.#history}${sep}${folderOf(line)}${sep}session.json`);
    return (
      file !== undefined && line.file !== undefined && file[0] === line.file[0] && file[1] === line.file[1]
    );
  }

  /** The days the index holds (YYYYMMDD, then `other`), oldest first. */
  async days(): Promise<string[]> {
    if (this.#memory) return [...this.#memory.days.keys()].sort(compareDays);
    let names: string[];
    try {
      names = readdirSync(this.#dir);
    } catch {
      return [];
    }
    return names
      .filter((n) => n.endsWith('.jsonl'))
      .map((n) => n.slice(0, -'.jsonl'.length))
      .filter((d) => /^\d{8}$/.test(d) || d === OTHER)
      .sort(compareDays);
  }

  /** The day's lines, in seq order; one line per folder (the last written wins). */
  async readDay(day: string): Promise<IndexedSession[]> {
    if (this.#memory) return this.#memory.days.get(day) ?? [];
    const text = await readFile(join(this.#dir, `${day}.jsonl`), 'utf8').catch(() => '');
    const byFolder = new Map<string, IndexedSession>();
    for (const raw of text.split('\n')) {
      const line = parseLine(raw);
      if (line) byFolder.set(folderOf(line), line);
    }
    return [...byFolder.values()].sort((a, b) => compareFolders(folderOf(a), folderOf(b)));
  }

  /**
   * Each day's file as it is on disk, the days in the order given (newest first for a listing),
   * unparsed: a filter looks at the bytes before it splits or parses a line. The bytes are good
   * until the next day is asked for: every day is read into one buffer, as a new buffer for
   * each file (fresh memory the kernel must map page by page) cost four times the CPU of the
   * read itself. Read synchronously: a day file is a page-cache read of a few dozen kilobytes,
   * while an asynchronous read is four thread-pool round trips (open, stat, read, close); a
   * listing that goes through many days lets other work in every 16 files.
   */
  async *filesNewestFirst(days: readonly string[]): AsyncGenerator<{ day: string; bytes: Buffer }> {
    const memory = this.#memory;
    const reader = new ReusedBuffer();
    for (let i = 0; i < days.length; i++) {
      const day = days[i] as string;
      if (i > 0 && i % 16 === 0) await new Promise((resolve) => setImmediate(resolve));
      if (memory) {
        const lines = (memory.days.get(day) ?? []).map((l) => JSON.stringify(l));
        yield { day, bytes: Buffer.from(lines.join('\n')) };
        continue;
      }
      let bytes: Buffer;
      try {
        bytes = reader.read(join(this.#dir, `${day}.jsonl`));
      } catch {
        bytes = Buffer.alloc(0);
      }
      yield { day, bytes };
    }
  }

  /**
   * Rewrites a day file, its customers recorded first (the caller holds the history lock and
   * then compacts the customer index and writes meta.json).
   */
  async writeDay(day: string, lines: readonly IndexedSession[]): Promise<void> {
    await this.#customers.record(day, lines);
    await this.#writeDayFile(day, lines);
  }

  async #writeDayFile(day: string, lines: readonly IndexedSession[]): Promise<void> {
    await mkdir(this.#dir, { recursive: true });
    const sorted = [...lines].sort((a, b) => compareFolders(folderOf(a), folderOf(b)));
    const text = sorted.map((l) => JSON.stringify(l)).join('\n');
    await writeAtomic(join(this.#dir, `${day}.jsonl`), text, { fsync: false });
    if (day !== OTHER) {
      const top = sorted.reduce((m, l) => Math.max(m, seqOfFolder(folderOf(l))), 0);
      if (top > (await this.#readSeq(day))) await this.#writeSeq(day, top);
    }
  }

  /** The next seq of a day (the caller holds the history lock and has made the index fresh). */
  async nextSeq(day: string): Promise<number> {
    let last = this.#own?.seqs.get(day) ?? (await this.#readSeq(day));
    if (last === 0) {
      // No counter yet (an index written before counters, or a lost file): the day's lines know.
      for (const line of await this.readDay(day)) last = Math.max(last, seqOfFolder(folderOf(line)));
    }
    return last + 1;
  }

  async #readSeq(day: string): Promise<number> {
    const text = await readFile(join(this.#dir, `${day}.seq`), 'utf8').catch(() => '');
    const n = Number(text.trim());
    return Number.isInteger(n) && n > 0 ? n : 0;
  }

  async #writeSeq(day: string, seq: number): Promise<void> {
    await writeFile(join(this.#dir, `${day}.seq`), String(seq));
  }

  /**
   * Files a session just placed in history/ (the caller holds the history lock and made the
   * index fresh before placing it): its line is appended, or the day rewritten when it does not
   * come last (an imported session); the seq and the new mtime of history/ are recorded.
   */
  async added(session: SessionRecord, folder: string): Promise<void> {
    const file = await fileStamp(join(this.#history, folder, 'session.json'));
    const line = lineOfSession(session, folder, file);
    const day = dayOfFolder(folder);
    const inStep = this.#customersInStep();
    await mkdir(this.#dir, { recursive: true });
    const seq = seqOfFolder(folder);
    const last = day === OTHER ? 0 : (this.#own?.seqs.get(day) ?? (await this.#readSeq(day)));
    if (day === OTHER || seq > last) {
      await this.#customers.record(day, [line]);
      // The newline first: it ends a line a crash may have left torn, so this one stays whole.
      await appendFile(join(this.#dir, `${day}.jsonl`), `\n${JSON.stringify(line)}`);
      if (day !== OTHER) await this.#writeSeq(day, seq);
    } else {
      await this.writeDay(day, [...(await this.readDay(day)), line]);
    }
    await this.#customers.compactIfLong(() => this.days());
    const mtime = await this.historyMtime();
    if (mtime === undefined) return;
    await this.#writeMeta(mtime, inStep);
    const seqs = this.#own?.seqs ?? new Map<string, number>();
    if (day !== OTHER) seqs.set(day, Math.max(seq, last));
    this.#own = { mtime, seqs };
  }

  /**
   * The days of `days` a listing with this customer filter must read: those the customer index
   * names (fs-customer-index.ts). When it is not in step (a database from before it, or written
   * by an older build), it is rebuilt first under the history lock; when that cannot be done
   * (read-only, busy), every day is read.
   */
  async customerDays(days: string[], filter: TextFilter, holder: string | undefined): Promise<string[]> {
    if (this.#memory) return days;
    if (!this.#customersInStep()) {
      try {
        const rebuilt = await this.#ctx.locks.with(HISTORY_LOCK, async () => {
          const meta = this.#readMeta();
          if (meta === undefined) return false;
          if (this.#customersInStep(meta)) return true; // a save in progress has finished
          await this.#customers.rebuild(await this.days());
          await this.#writeMeta(meta.mtime, true);
          return true;
        });
        if (!rebuilt) return days;
      } catch (error) {
        if (isCode(error, ...READ_ONLY_CODES) || (CsError.isInstance(error) && error.code === 'E_LOCKED')) {
          return days;
        }
        throw error;
      }
    }
    return this.#customers.daysToRead(days, filter, holder) ?? days;
  }

  /** Replaces the lines of these folders in their day files (best effort: a cache heals). */
  async heal(lines: ReadonlyArray<{ folder: string; line: IndexedSession | undefined }>): Promise<void> {
    if (lines.length === 0 || this.#memory) return;
    try {
      await this.#ctx.locks.with(HISTORY_LOCK, async () => {
        const meta = this.#readMeta();
        const inStep = this.#customersInStep(meta);
        const byDay = new Map<string, typeof lines>();
        for (const item of lines) {
          const day = dayOfFolder(item.folder);
          byDay.set(day, [...(byDay.get(day) ?? []), item]);
        }
        for (const [day, items] of byDay) {
          const current = new Map((await this.readDay(day)).map((l) => [folderOf(l), l]));
          for (const { folder, line } of items) {
            if (line) current.set(folder, line);
            else current.delete(folder);
          }
          await this.writeDay(day, [...current.values()]);
        }
        await this.#customers.compactIfLong(() => this.days());
        // The rename of a day file moved this folder's mtime: recorded, or the next customer
        // listing would take the customer index for one not in step.
        if (meta) await this.#writeMeta(meta.mtime, inStep);
      });
    } catch (error) {
      if (!isCode(error, ...READ_ONLY_CODES) && !(CsError.isInstance(error) && error.code === 'E_LOCKED')) {
        throw error;
      }
    }
  }
}

function compareDays(a: string, b: string): number {
  if (a === b) return 0;
  if (a === OTHER) return 1;
  if (b === OTHER) return -1;
  return a < b ? -1 : 1;
}

/** Reads whole files, one after another, into one buffer that grows as needed. */
class ReusedBuffer {
  #buffer = Buffer.allocUnsafe(64 * 1024);

  /** The file's bytes, good until the next read. */
  read(path: string): Buffer {
    const fd = openSync(path, 'r');
    try {
      let size = 0;
      for (;;) {
        if (size === this.#buffer.length) {
          const bigger = Buffer.allocUnsafe(this.#buffer.length * 2);
          this.#buffer.copy(bigger, 0, 0, size);
          this.#buffer = bigger;
        }
        const n = readSync(fd, this.#buffer, size, this.#buffer.length - size, null);
        if (n === 0) return this.#buffer.subarray(0, size);
        size += n;
      }
    } finally {
      closeSync(fd);
    }
  }
}

/** `fileStamp`, synchronous. */
function fileStampSync(path: string): [number, number] | undefined {
  try {
    const s = statSync(path, { throwIfNoEntry: false });
    return s?.isFile() ? [s.mtimeMs, s.size] : undefined;
  } catch (error) {
    if (isCode(error, 'ENOTDIR')) return undefined;
    throw error;
  }
}

/** A file's [mtime ms, size]; undefined when it does not exist. */
async function fileStamp(path: string): Promise<[number, number] | undefined> {
  try {
    const s = await stat(path);
    return s.isFile() ? [s.mtimeMs, s.size] : undefined;
  } catch (error) {
    if (isCode(error, 'ENOENT', 'ENOTDIR')) return undefined;
    throw error;
  }
}
