import { statSync } from 'node:fs';
import { appendFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { normalizePhone } from '../../domain/phone.js';
import type { TextFilter } from '../session-filter.js';
import { readBytesSync, readTextSync } from './fs-files.js';
import { parseIndexLine } from './fs-index-line.js';
import { writeAtomic } from './write-atomic.js';

/*
 * The customer index of saved sessions, beside the day files in `<db>/.index/sessions/`:
 *
 *   customers.index    line 1 {"v":1,"x":[<day>…],"bytes":<length of the rest>}, then one line
 *                      per distinct customer key and the days it appears in:
 *                      `n"<name, lower case>"\t<day>,<day>…`, `p"<phone, normalised>"\t…`,
 *                      `i"<customer id>"\t…`
 *   customers.journal  keys recorded since, in the same lines with one day each, and `x\t<day>`
 *
 * A `--customer` listing searches both files' bytes (no JSON is parsed) and then reads only the
 * day files that can hold a match: the days of the keys that match (part of a name, part of a
 * phone, an id, the phone holder's id) and the days holding a damaged or odd line ("x": every
 * customer listing reads those). The listing then filters the lines it reads exactly as before,
 * so its rows are the rows of reading every day as long as the index names every day where a
 * key appears (it may name more).
 *
 * Why a crash never makes it miss one: every write of a day file records the keys of the lines
 * it writes in the journal first (one append), and only then writes the day file. A process
 * stopped anywhere leaves keys recorded for a line never written (a day read for nothing), never
 * the reverse. Keys are only taken away by a rebuild, which reads every day file; a key of a
 * session edited or removed since only costs reading its day. A compaction (the journal folded
 * into the index once it passes 16 KB) writes the index whole by a rename before it empties the
 * journal, so a crash between leaves keys recorded twice.
 *
 * Writers that do not keep it (an older build of cs, a hand edit) are caught by the caller
 * (fs-session-index.ts): meta.json names the state of this folder the index was last kept in
 * step with, and a listing that finds another rebuilds it first, or reads every day.
 */

/** The keys of the lines of day files that a customer filter looks at. */
interface Keys {
  /** Customer names, lower case. */
  n: Set<string>;
  /** Customer phones, normalised. */
  p: Set<string>;
  /** Customer ids. */
  i: Set<string>;
  /** True when a line is damaged or odd: its day is read by every customer listing. */
  x: boolean;
}

type KeyKind = 'n' | 'p' | 'i';
const KINDS: readonly KeyKind[] = ['n', 'p', 'i'];

/** Every key and the days it appears in, and the days every customer listing reads. */
interface IndexState {
  always: Set<string>;
  keys: Record<KeyKind, Map<string, Set<string>>>;
}

/** customers.index as read: its header's "x" and its key lines, unparsed. */
interface Base {
  bytes: Buffer;
  /** The newline that ends the header (the key lines follow it). */
  keysFrom: number;
  always: string[];
}

const BASE = 'customers.index';
const JOURNAL = 'customers.journal';
/** The journal is folded into the index once it is this long. */
const JOURNAL_LIMIT = 16 * 1024;
const NEWLINE = 0x0a;
const TAB = 0x09;
const ALWAYS_LINE = Buffer.from('\nx\t');

/** The customer index of one database's session index folder (see the comment at the top). */
export class FsCustomerIndex {
  readonly #dir: string;

  constructor(dir: string) {
    this.#dir = dir;
  }

  /**
   * Records the keys of lines about to be written to a day file, before they are written (the
   * caller holds the history lock).
   */
  async record(day: string, lines: readonly object[]): Promise<void> {
    const keys = keysOfLines(lines);
    let text = keys.x ? `\nx\t${day}` : '';
    for (const kind of KINDS) for (const key of keys[kind]) text += `\n${kind}${JSON.stringify(key)}\t${day}`;
    // Each line starts with its newline, as in the day files: it ends a line a crash may have
    // left torn. One append: the keys are all there before the day file is written.
    if (text !== '') await appendFile(join(this.#dir, JOURNAL), text);
  }

  /** Folds the journal into the index once it is long (the caller holds the history lock). */
  async compactIfLong(days: () => Promise<string[]>): Promise<void> {
    const size = statSync(join(this.#dir, JOURNAL), { throwIfNoEntry: false })?.size ?? 0;
    if (size <= JOURNAL_LIMIT) return;
    const base = this.#readBase();
    if (base === undefined && this.#hasBase()) {
      await this.rebuild(await days()); // an index cut short: its keys cannot be trusted
      return;
    }
    const state = emptyState();
    if (base) {
      for (const d of base.always) state.always.add(d);
      addKeyLines(state, base.bytes.toString('utf8', base.keysFrom + 1));
    }
    addKeyLines(state, this.#readJournal().toString('utf8'));
    await this.#write(state);
  }

  /**
   * Builds the index again from the day files of these days, read whole (the caller holds the
   * history lock): what it held before, and keys of lines no longer there, are dropped.
   */
  async rebuild(days: readonly string[]): Promise<void> {
    const state = emptyState();
    for (const day of days) {
      const text = readTextSync(join(this.#dir, `${day}.jsonl`));
      if (text === undefined) continue;
      const lines: unknown[] = [];
      for (const raw of text.split('\n')) {
        const line = parseIndexLine(raw);
        if (line) lines.push(line);
      }
      addKeys(state, day, keysOfLines(lines));
    }
    await this.#write(state);
  }

  /** Writes the index whole, then empties the journal it holds. */
  async #write(state: IndexState): Promise<void> {
    await writeAtomic(join(this.#dir, BASE), renderBase(state), { fsync: false });
    await writeFile(join(this.#dir, JOURNAL), '');
  }

  /**
   * The days of `days` (in their order) a listing with this customer filter must read.
   * Undefined when the index cannot say: the filter's text holds characters JSON escapes, or
   * customers.index is cut short. The caller has made sure the index is in step (see the top).
   */
  daysToRead(days: readonly string[], filter: TextFilter, holder: string | undefined): string[] | undefined {
    if (JSON.stringify(filter.lower) !== `"${filter.lower}"`) return undefined;
    const base = this.#readBase();
    if (base === undefined && this.#hasBase()) return undefined;
    const journal = this.#readJournal();
    const matched = new Set(base?.always);
    scanAlways(journal, matched);
    const parts: Array<[Buffer, number]> = [[journal, 0]];
    if (base) parts.push([base.bytes, base.keysFrom]);
    for (const [bytes, from] of parts) {
      scanContains(bytes, from, 'n', Buffer.from(filter.lower), matched);
      if (filter.phone !== undefined) scanContains(bytes, from, 'p', Buffer.from(filter.phone), matched);
      scanExact(bytes, 'i', filter.raw, matched);
      if (holder !== undefined) scanExact(bytes, 'i', holder, matched);
    }
    return days.filter((day) => matched.has(day));
  }

  #hasBase(): boolean {
    return statSync(join(this.#dir, BASE), { throwIfNoEntry: false }) !== undefined;
  }

  /**
   * customers.index when it is whole: its header gives the length of the lines after it, so a
   * file cut short (a disk that lost its end) is not taken for an index without those keys.
   */
  #readBase(): Base | undefined {
    const bytes = readBytesSync(join(this.#dir, BASE));
    if (!bytes) return undefined;
    const end = bytes.indexOf(NEWLINE);
    if (end === -1) return undefined;
    const raw = parseObject(bytes.toString('utf8', 0, end));
    if (raw?.v !== 1 || raw.bytes !== bytes.length - end - 1 || !Array.isArray(raw.x)) return undefined;
    return { bytes, keysFrom: end, always: raw.x.filter((d): d is string => typeof d === 'string') };
  }

  #readJournal(): Buffer {
    return readBytesSync(join(this.#dir, JOURNAL)) ?? Buffer.alloc(0);
  }
}

function emptyState(): IndexState {
  return { always: new Set(), keys: { n: new Map(), p: new Map(), i: new Map() } };
}

function addDay(map: Map<string, Set<string>>, key: string, day: string): void {
  const set = map.get(key);
  if (set) set.add(day);
  else map.set(key, new Set([day]));
}

function addKeys(state: IndexState, day: string, keys: Keys): void {
  if (keys.x) state.always.add(day);
  for (const kind of KINDS) for (const key of keys[kind]) addDay(state.keys[kind], key, day);
}

/** Key lines (of the index or the journal) parsed into `state`; a line torn by a crash is skipped. */
function addKeyLines(state: IndexState, text: string): void {
  for (const line of text.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab === -1) continue;
    const days = line.slice(tab + 1).split(',');
    if (line.startsWith('x\t')) {
      for (const day of days) if (day !== '') state.always.add(day);
      continue;
    }
    const kind = line[0] as KeyKind;
    if (!KINDS.includes(kind)) continue;
    let key: unknown;
    try {
      key = JSON.parse(line.slice(1, tab));
    } catch {
      continue;
    }
    if (typeof key !== 'string') continue;
    for (const day of days) if (day !== '') addDay(state.keys[kind], key, day);
  }
}

/**
 * The keys of index lines as a listing's customer filter sees them (`sessionMatches`): the
 * name in lower case, the phone normalised, the id. A damaged line, or one whose fields are not
 * what the filter expects, marks its day to be read by every customer listing.
 */
function keysOfLines(lines: Iterable<unknown>): Keys {
  const keys: Keys = { n: new Set(), p: new Set(), i: new Set(), x: false };
  for (const line of lines) {
    if (typeof line !== 'object' || line === null) continue;
    const r = line as Record<string, unknown>;
    if (r.corrupt !== undefined || typeof r.customer !== 'string') {
      keys.x = true;
      continue;
    }
    keys.n.add(r.customer.toLowerCase());
    if (typeof r.customer_id === 'string') keys.i.add(r.customer_id);
    if (typeof r.customer_phone === 'string') {
      const phone = normalizePhone(r.customer_phone);
      if (phone !== '') keys.p.add(phone);
    } else if (r.customer_phone !== undefined) {
      keys.x = true;
    }
  }
  return keys;
}

function renderBase(state: IndexState): string {
  const lines: string[] = [];
  for (const kind of KINDS) {
    for (const [key, days] of state.keys[kind]) {
      lines.push(`${kind}${JSON.stringify(key)}\t${[...days].join(',')}\n`);
    }
  }
  const keys = lines.join('');
  const header = { v: 1, x: [...state.always], bytes: Buffer.byteLength(keys) };
  return `${JSON.stringify(header)}\n${keys}`;
}

function parseObject(text: string): Record<string, unknown> | undefined {
  if (text === '') return undefined;
  try {
    const raw: unknown = JSON.parse(text);
    return typeof raw === 'object' && raw !== null && !Array.isArray(raw)
      ? (raw as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** Adds the days of the journal's `x\t<day>` lines. */
function scanAlways(journal: Buffer, out: Set<string>): void {
  for (let at = 0; ; ) {
    const hit = journal.indexOf(ALWAYS_LINE, at);
    if (hit === -1) return;
    let end = journal.indexOf(NEWLINE, hit + 1);
    if (end === -1) end = journal.length;
    addDays(journal, hit + ALWAYS_LINE.length, end, out);
    at = end;
  }
}

/**
 * Adds the days of every key line of this kind whose key holds `needle`. The needle is searched
 * in the bytes: a key that holds it (JSON escapes none of its characters) holds its bytes
 * between the quotes, and UTF-8 matches only at character starts; a hit inside an escape
 * sequence (`\u0001` for "u0001") only adds days to read.
 */
function scanContains(bytes: Buffer, from: number, kind: KeyKind, needle: Buffer, out: Set<string>): void {
  const kindByte = kind.charCodeAt(0);
  for (let at = from; ; ) {
    const hit = bytes.indexOf(needle, at);
    if (hit === -1) return;
    const start = bytes.lastIndexOf(NEWLINE, hit) + 1;
    let end = bytes.indexOf(NEWLINE, hit);
    if (end === -1) end = bytes.length;
    const tab = bytes.indexOf(TAB, start);
    // Between the quotes of the key: after `<kind>"`, before `"\t`. The first hit of a line is
    // the leftmost, so when it lies past the key the key does not hold the needle.
    if (
      bytes[start] === kindByte &&
      tab !== -1 &&
      tab < end &&
      hit >= start + 2 &&
      hit + needle.length <= tab - 1
    ) {
      addDays(bytes, tab + 1, end, out);
    }
    at = end + 1;
  }
}

/** Adds the days of every key line whose key is exactly `key`. */
function scanExact(bytes: Buffer, kind: KeyKind, key: string, out: Set<string>): void {
  const head = Buffer.from(`\n${kind}${JSON.stringify(key)}\t`);
  for (let at = 0; ; ) {
    const hit = bytes.indexOf(head, at);
    if (hit === -1) return;
    let end = bytes.indexOf(NEWLINE, hit + head.length);
    if (end === -1) end = bytes.length;
    addDays(bytes, hit + head.length, end, out);
    at = end;
  }
}

function addDays(bytes: Buffer, from: number, to: number, out: Set<string>): void {
  for (const day of bytes.toString('latin1', from, to).split(',')) if (day !== '') out.add(day);
}
