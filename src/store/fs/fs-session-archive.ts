import { mkdir, readdir, readFile, rename, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CsError, describeIssues } from '../../domain/cs-error.js';
import { isValidPhone } from '../../domain/phone.js';
import type { RecordType, StoredRecord } from '../../domain/record-schemas.js';
import type { SessionRecord } from '../../domain/session-schemas.js';
import { CALL_ID_PATTERN, type CallJournal } from '../call-journal.js';
import type { RecordDocuments } from '../record-repository.js';
import type {
  SavedSession,
  SaveSessionOptions,
  SessionDocuments,
  SessionFilter,
  SessionSummary,
} from '../session-archive.js';
import {
  damagedTextMatches,
  dayMatches,
  type ParsedSessionFilter,
  parseSessionFilter,
  sessionMatches,
} from '../session-filter.js';
import { sessionIdParts } from '../session-id-parts.js';
import { corruptFile } from './fs-corrupt.js';
import { exists, ignoreMissing, isCode, mapLimit, readJson, SAFE_SEGMENT } from './fs-files.js';
import { parseIndexLine } from './fs-index-line.js';
import { FsSessionIndex, folderOf, HISTORY_LOCK, type IndexedSession } from './fs-session-index.js';
import type { FsStoreContext } from './fs-store-context.js';
import { formatJson, writeAtomic } from './write-atomic.js';

const SESSION_ID_RE = /^cs_(\d{8})_(\d{3,})_([A-Za-z0-9_-]+)$/;

/**
 * The whole session file is checked with the full review schema (classic zod), loaded when a
 * session is read so that `cs read` and `cs list` never load it.
 */
let sessionFileSchema:
  | Promise<typeof import('../../domain/session-schemas.js')['SessionFileSchema']>
  | undefined;
function loadSessionFileSchema() {
  sessionFileSchema ??= import('../../domain/session-schemas.js').then((m) => m.SessionFileSchema);
  return sessionFileSchema;
}

/**
 * The saved call history on files: `history/cs_<YYYYMMDD>_<seq>_<tag>/session.json + README.md`,
 * listed and filtered through its index (fs-session-index.ts). Saving takes the `history` lock,
 * numbers the session from the day's counter and renames the complete folder into place.
 */
export class FsSessionArchive implements SessionDocuments {
  readonly #ctx: FsStoreContext;
  readonly #records: RecordDocuments;
  readonly #journal: CallJournal;
  readonly #index: FsSessionIndex;

  constructor(ctx: FsStoreContext, records: RecordDocuments, journal: CallJournal) {
    this.#ctx = ctx;
    this.#records = records;
    this.#journal = journal;
    this.#index = new FsSessionIndex(ctx);
  }

  /**
   * Saves a session as `history/cs_<date>_<seq>_<tag>/` (session.json + README.md). The seq is
   * the day's counter plus one, taken under the history lock, and the folder appears complete in
   * one rename. The tag keeps letters, digits, `-` and `_` (at most 64); `date` is YYYYMMDD or
   * YYYY-MM-DD.
   */
  async saveSession(options: SaveSessionOptions<StoredRecord>): Promise<SavedSession> {
    const { date, tag } = sessionIdParts(options);
    const intent = options.callId === undefined ? undefined : this.#intentPath(options.callId);
    // A save for a call first writes its intent (the session id it took); a second save of the
    // same call (a recovery) finds it and completes that session instead of making another.
    const session = await this.#ctx.locks.with(HISTORY_LOCK, async () => {
      await this.#index.freshLocked();
      const earlier = intent === undefined ? undefined : await readIntent(intent);
      if (earlier) {
        const placed = await this.getSession(earlier.session_id).catch(() => undefined);
        if (placed) return placed;
        const rebuilt = options.build(earlier.session_id);
        if (await this.#place(rebuilt, options.readme(rebuilt))) return rebuilt;
      }
      for (let seq = await this.#index.nextSeq(date); ; seq++) {
        if (!(await this.#claimSeq(date, seq))) continue;
        const sessionId = `cs_${date}_${String(seq).padStart(3, '0')}_${tag}`;
        const built = options.build(sessionId);
        if (built.session_id !== sessionId) {
          throw new CsError(
            'E_INTERNAL',
            `The session built for ${sessionId} names itself ${built.session_id}.`,
          );
        }
        if (intent !== undefined) {
          await mkdir(this.#ctx.path('.pending'), { recursive: true });
          await writeAtomic(intent, formatJson({ call_id: options.callId, session_id: sessionId }));
        }
        // False: a folder with this seq appeared by hand since the index was made; take the next.
        if (await this.#place(built, options.readme(built))) return built;
      }
    });
    const saved = { sessionId: session.session_id, path: `history/${session.session_id}` };
    if (options.customer) {
      const { id, change } = options.customer;
      try {
        await this.#records.update('customer', id, (current) => change(current, session));
      } catch (error) {
        // The session is saved and its intent stays: the next recovery adds the history entry.
        if (CsError.isInstance(error) && error.code === 'E_LOCKED')
          return { ...saved, customerPending: true };
        throw error;
      }
    }
    if (options.callId !== undefined && intent !== undefined) {
      await this.#journal.remove(options.callId);
      // The intent stays a day, marked done: a second recovery of the same call that raced
      // this one finds it and saves nothing new.
      await writeAtomic(
        intent,
        formatJson({ call_id: options.callId, session_id: saved.sessionId, done: true }),
        {
          fsync: false,
        },
      );
      if (Math.random() < 1 / 64) await this.#sweepDoneIntents();
    }
    return saved;
  }

  /**
   * Writes a session under its own id (copying between stores). Resolves false, writing
   * nothing, when that id exists. Later `saveSession` calls for the day number after it.
   */
  async importSession(session: SessionRecord, readme: string): Promise<boolean> {
    if (!SESSION_ID_RE.test(session.session_id)) {
      throw new CsError('E_INVALID', `Session id "${session.session_id}" is not cs_<YYYYMMDD>_<seq>_<tag>.`);
    }
    return this.#ctx.locks.with(HISTORY_LOCK, async () => {
      await this.#index.freshLocked();
      return this.#place(session, readme);
    });
  }

  /** The README.md saved with a session, as written. */
  async readSessionReadme(sessionId: string): Promise<string | undefined> {
    if (!SAFE_SEGMENT.test(sessionId)) return undefined;
    return readFile(this.#ctx.path('history', sessionId, 'README.md'), 'utf8').catch(() => undefined);
  }

  async getSession(sessionId: string): Promise<SessionRecord | undefined> {
    if (!SAFE_SEGMENT.test(sessionId)) return undefined;
    const path = this.#ctx.path('history', sessionId, 'session.json');
    const raw = await readJson(path);
    if (raw === undefined) return undefined;
    const parsed = (await loadSessionFileSchema()).safeParse(raw);
    if (!parsed.success) throw corruptFile(path, describeIssues(parsed.error.issues));
    // The parsed JSON itself, not zod's copy: it keeps the file's key order and every field.
    return raw as SessionRecord;
  }

  /**
   * Reads the day files the filter needs, newest first, until `limit` rows match; each row
   * returned is checked against its session.json (one stat) so a file damaged or edited in
   * place shows as it is now. A damaged session is listed, marked, never hidden.
   */
  async listSessions(filter: SessionFilter = {}): Promise<SessionSummary[]> {
    const parsed = parseSessionFilter(filter);
    if (!(await this.#index.fresh())) return [];
    const holder = await this.#phoneHolder(parsed);
    const rows: SessionSummary[] = [];
    const healed: Array<{ folder: string; line: IndexedSession | undefined }> = [];
    let days = (await this.#index.days()).filter((d) =>
      d === 'other' ? parsed.from === undefined && parsed.to === undefined : dayMatches(d, parsed),
    );
    if (parsed.customer) days = await this.#index.customerDays(days, parsed.customer, holder);
    const wanted = parsed.limit ?? Number.POSITIVE_INFINITY;
    const probe = new LineProbe(parsed, holder);
    outer: for await (const { bytes } of this.#index.filesNewestFirst(days.reverse())) {
      if (!probe.mayHold(bytes)) continue;
      const lines = probe.lines(bytes);
      const seen = new Set<string>();
      const candidates: IndexedSession[] = [];
      for (const raw of lines) {
        if (!probe.mayMatch(raw)) continue;
        const line = parseIndexLine(raw);
        if (!line || seen.has(folderOf(line))) continue;
        seen.add(folderOf(line));
        candidates.push(line);
        // Each candidate costs a stat: no more than the page still needs are checked at once.
        if (candidates.length >= Math.min(64, wanted - rows.length)) {
          if (await this.#take(candidates.splice(0), parsed, holder, rows, healed, wanted)) break outer;
        }
      }
      if (await this.#take(candidates, parsed, holder, rows, healed, wanted)) break;
    }
    await this.#index.heal(healed);
    return rows.reverse();
  }

  /**
   * Verifies candidate lines (newest first) and adds the matching ones to `rows`; true once
   * `wanted` rows are there.
   */
  async #take(
    candidates: IndexedSession[],
    filter: ParsedSessionFilter,
    holder: string | undefined,
    rows: SessionSummary[],
    healed: Array<{ folder: string; line: IndexedSession | undefined }>,
    wanted: number,
  ): Promise<boolean> {
    // Most lines are whole and their files as indexed: those are checked here and now, with no
    // promise each; the others (damaged, or edited since) are read again, sixteen at a time.
    const checked: Array<SessionSummary | undefined> = new Array(candidates.length);
    const others: number[] = [];
    candidates.forEach((line, i) => {
      if (line.corrupt !== undefined || !this.#index.unchanged(line)) others.push(i);
      else if (sessionMatches(line, filter, holder)) checked[i] = summaryOf(line);
    });
    await mapLimit(others, 16, async (i) => {
      const line = candidates[i] as IndexedSession;
      const now = await this.#index.verify(line);
      if (now !== line) healed.push({ folder: folderOf(line), line: now });
      if (now && (await this.#matches(now, filter, holder))) checked[i] = summaryOf(now);
    });
    for (const row of checked) {
      if (!row) continue;
      rows.push(row);
      if (rows.length >= wanted) return true;
    }
    return false;
  }

  async #matches(
    line: IndexedSession,
    filter: ParsedSessionFilter,
    holder: string | undefined,
  ): Promise<boolean> {
    if (line.corrupt === undefined) return sessionMatches(line, filter, holder);
    if (!filter.customer && !filter.product && filter.status === undefined) return true;
    // Its fields cannot be read; its text may still name what the filter asks for.
    const text = await readFile(this.#ctx.path('history', folderOf(line), 'session.json'), 'utf8').catch(
      () => '',
    );
    return damagedTextMatches(text, filter);
  }

  /** The id of the customer who has the filter's phone now (sessions saved without a phone name them by id). */
  async #phoneHolder(filter: ParsedSessionFilter): Promise<string | undefined> {
    const phone = filter.customer?.phone;
    if (phone === undefined || !isValidPhone(phone)) return undefined;
    return (await this.#records.findCustomerByPhone(phone).catch(() => undefined))?._id;
  }

  async isReferencedBySession(type: RecordType, record: StoredRecord): Promise<boolean> {
    if (!(await this.#index.fresh())) return false;
    const quotedName = JSON.stringify(record.name);
    for (const day of await this.#index.days()) {
      const lines = await mapLimit(await this.#index.readDay(day), 32, (l) => this.#index.verify(l));
      for (const line of lines) {
        if (!line) continue;
        if (line.corrupt === undefined) {
          if (line[type] === record.name || line[`${type}_id`] === record._id) return true;
          continue;
        }
        // A damaged session cannot be read, but its text may still name the record: count that as
        // a reference (deleting then needs --force); otherwise it does not hold the delete up.
        const text = await readFile(this.#ctx.path('history', folderOf(line), 'session.json'), 'utf8').catch(
          () => '',
        );
        if (text.includes(`"${record._id}"`) || text.includes(quotedName)) return true;
      }
    }
    return false;
  }

  /** Rebuilds the session index from the folders (after editing session.json files by hand). */
  async rebuildSessionIndex(): Promise<void> {
    await rm(this.#ctx.path('.index', 'sessions'), { recursive: true, force: true });
    await this.#index.fresh();
  }

  /** Renames a complete session folder into history/ and files it; false when the id is taken. */
  /**
   * Claims a seq of a day with one atomic mkdir (`.index/seq-claims/<day>/<seq>`): false when
   * another save has it. The day's counter is read under the history lock already; the claim
   * keeps two saves from one seq even if that lock were ever held twice (32 processes saving at
   * once on a loaded machine once got the same seq).
   */
  async #claimSeq(date: string, seq: number): Promise<boolean> {
    const dir = this.#ctx.path('.index', 'seq-claims', date);
    await mkdir(dir, { recursive: true });
    try {
      await mkdir(join(dir, String(seq)));
      return true;
    } catch (error) {
      if (isCode(error, 'EEXIST')) return false;
      throw error;
    }
  }

  async #place(session: SessionRecord, readme: string): Promise<boolean> {
    const history = this.#ctx.path('history');
    const target = join(history, session.session_id);
    if (await exists(target)) return false;
    const temp = await this.#ctx.tempDir();
    try {
      await writeFile(join(temp, 'session.json'), formatJson(session));
      await writeFile(join(temp, 'README.md'), readme);
      await mkdir(history, { recursive: true });
      await rename(temp, target);
    } catch (error) {
      await rm(temp, { recursive: true, force: true });
      if (isCode(error, 'EEXIST', 'ENOTEMPTY')) return false;
      throw error;
    }
    await this.#index.added(session, session.session_id);
    return true;
  }

  #intentPath(callId: string): string {
    if (!CALL_ID_PATTERN.test(callId)) {
      throw new CsError('E_INVALID', `Call id "${callId}" may hold letters, digits, "_" and "-" only.`);
    }
    return this.#ctx.path('.pending', `${callId}.json`);
  }

  /** Done intents older than a day are no longer needed to tell a call was saved. */
  async #sweepDoneIntents(): Promise<void> {
    const dir = this.#ctx.path('.pending');
    const cutoff = Date.now() - 24 * 3_600_000;
    for (const file of await readdir(dir).catch(() => [] as string[])) {
      const path = join(dir, file);
      const info = await stat(path).catch(() => undefined);
      if (!info || info.mtimeMs > cutoff) continue;
      const raw = await readJson(path).catch(() => undefined);
      if (typeof raw === 'object' && raw !== null && (raw as { done?: unknown }).done === true) {
        await unlink(path).catch(ignoreMissing);
      }
    }
  }
}

/** The intent of a call's save: the session id it took. */
async function readIntent(path: string): Promise<{ session_id: string } | undefined> {
  const raw = await readJson(path).catch(() => undefined);
  if (typeof raw !== 'object' || raw === null) return undefined;
  const id = (raw as Record<string, unknown>).session_id;
  return typeof id === 'string' && SESSION_ID_RE.test(id) ? { session_id: id } : undefined;
}

function summaryOf(line: IndexedSession): SessionSummary {
  if (line.corrupt !== undefined) {
    return {
      session_id: folderOf(line),
      timestamp: '',
      product: '',
      customer: '',
      operator: '',
      corrupt: line.corrupt,
    };
  }
  const row: SessionSummary = {
    session_id: line.session_id,
    timestamp: line.timestamp,
    product: line.product,
    customer: line.customer,
    operator: line.operator,
  };
  if (line.resolution_status !== undefined) row.resolution_status = line.resolution_status;
  return row;
}

/** A text the filters look for, as it appears in an index line. */
interface Needle {
  /** The text as JSON writes it (lower case for names), or undefined when JSON would escape it. */
  text: string | undefined;
  /**
   * Its UTF-8 bytes when it is looked for as it is: an id, a status, a text with no case (digits,
   * Chinese). Without them, the text is looked for in the lower-cased line.
   */
  bytes: Buffer | undefined;
}

function needle(text: string): Needle {
  if (JSON.stringify(text) !== `"${text}"`) return { text: undefined, bytes: undefined };
  // A text no letter of which has a case is found in the lower-cased line exactly where it is
  // found in the line itself (U+0307, which lower-casing İ adds, aside).
  const caseless = text.toUpperCase() === text && text.toLowerCase() === text && !text.includes('\u0307');
  return { text, bytes: caseless ? Buffer.from(text) : undefined };
}

const CORRUPT_MARK = Buffer.from('"corrupt":');
const NEWLINE = 0x0a;

/**
 * Quick looks at the text of the index before parsing it, for a listing's filter: `mayHold` at
 * a whole day file's bytes (most days of a narrow filter hold no match, and are never split or
 * decoded), `mayMatch` at one line. Both are false only when nothing there can match; the
 * parsed line is checked in full after. Texts JSON would escape are left to that check.
 */
class LineProbe {
  readonly #customer: Needle | undefined;
  /** The phone's digits and the id of the customer who has that phone now, the customer filter's other texts. */
  readonly #ids: Needle[] = [];
  readonly #product: Needle | undefined;
  readonly #status: Needle | undefined;

  constructor(filter: ParsedSessionFilter, holder: string | undefined) {
    const c = filter.customer;
    if (c) {
      this.#customer = needle(c.lower);
      for (const id of [c.phone, holder]) {
        if (id !== undefined) this.#ids.push({ text: id, bytes: Buffer.from(id) });
      }
    }
    if (filter.product) this.#product = needle(filter.product.lower);
    if (filter.status !== undefined && needle(filter.status).text !== undefined) {
      const field = `"resolution_status":"${filter.status}"`;
      this.#status = { text: field, bytes: Buffer.from(field) };
    }
  }

  /** False when no line of this day file can match (a damaged line is always looked at). */
  mayHold(bytes: Buffer): boolean {
    if (!this.#customer && !this.#product && !this.#status) return true;
    if (bytes.includes(CORRUPT_MARK)) return true;
    let lower: string | undefined;
    const has = (n: Needle | undefined) => {
      if (!n?.text) return true;
      if (n.bytes) return bytes.includes(n.bytes);
      lower ??= bytes.toString('utf8').toLowerCase();
      return lower.includes(n.text);
    };
    if (this.#customer) {
      const hit = has(this.#customer) || this.#ids.some(has);
      if (!hit) return false;
    }
    return has(this.#product) && has(this.#status);
  }

  /**
   * The lines of a day file, last first, that may match: when the filter has a text every
   * matching line holds as it is (a caseless name, a phone, an id, a product, a status), only
   * the lines holding it (or a damaged line's mark) are decoded, found by searching the bytes;
   * otherwise all of them. A narrow filter's day holds a few such lines among a hundred.
   */
  lines(bytes: Buffer): string[] {
    const needles = this.#required();
    if (!needles) return bytes.toString('utf8').split('\n').reverse();
    const ranges = new Map<number, number>();
    for (const n of [...needles, CORRUPT_MARK]) {
      for (let at = 0; ; ) {
        const hit = bytes.indexOf(n, at);
        if (hit === -1) break;
        const start = bytes.lastIndexOf(NEWLINE, hit) + 1;
        const newline = bytes.indexOf(NEWLINE, hit);
        const end = newline === -1 ? bytes.length : newline;
        ranges.set(start, end);
        if (newline === -1) break;
        at = newline + 1;
      }
    }
    return [...ranges].sort((a, b) => b[0] - a[0]).map(([start, end]) => bytes.toString('utf8', start, end));
  }

  /** The bytes of which every matching line holds one, when the filter has such texts. */
  #required(): Buffer[] | undefined {
    if (this.#customer) {
      const group = [this.#customer, ...this.#ids];
      if (group.every((n) => n.bytes !== undefined)) return group.map((n) => n.bytes as Buffer);
    }
    if (this.#product?.bytes) return [this.#product.bytes];
    if (this.#status?.bytes) return [this.#status.bytes];
    return undefined;
  }

  /** False when this line cannot match. */
  mayMatch(raw: string): boolean {
    if (raw === '') return false;
    if (!this.#customer && !this.#product && !this.#status) return true;
    if (raw.includes('"corrupt":')) return true;
    let lower: string | undefined;
    const has = (n: Needle | undefined) => {
      if (!n?.text) return true;
      if (n.bytes) return raw.includes(n.text);
      lower ??= raw.toLowerCase();
      return lower.includes(n.text);
    };
    if (this.#customer) {
      const hit = has(this.#customer) || this.#ids.some(has);
      if (!hit) return false;
    }
    return has(this.#product) && has(this.#status);
  }
}
