import { appendFile, mkdir, readdir, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CsError } from '../../domain/cs-error.js';
import {
  type AuditEntry,
  type AuditFilter,
  auditEntryProblem,
  auditMatches,
  byAuditTime,
  isDueBefore,
  orderOf,
  requireWorkDoc,
  WORK_ID_PATTERN,
  WORK_KINDS,
  type WorkChange,
  type WorkDoc,
  type WorkFilter,
  type WorkflowStore,
  type WorkKind,
  type WorkOrderKeys,
  workDocProblem,
  workMatches,
} from '../workflow-store.js';
import { FirstInOrder } from './first-in-order.js';
import { FolderNamesCache } from './folder-names-cache.js';
import { corruptFile } from './fs-corrupt.js';
import { ignoreMissing, isCode, mapLimit, readTextIfAny, readTextSync } from './fs-files.js';
import type { FsStoreContext } from './fs-store-context.js';
import {
  compactKeys,
  compactTime,
  isoKeys,
  MARKER_SEPARATOR,
  type MarkerName,
  markerKeysMatch,
  parseWorkMarkerName,
  readWorkMarkerName,
  workMarkerName,
} from './work-marker-name.js';
import { formatJson, writeAtomic } from './write-atomic.js';

/** The folder of the state markers inside a kind's folder (a dot: never read as an item). */
const STATE_DIR = '.state';
/** An audit day file: `<YYYYMMDD>.jsonl`. */
const AUDIT_FILE = /^(\d{8})\.jsonl$/;
/** Docs read at once by a listing of every state, and by `cs doctor`. */
const READ_AT_ONCE = 16;
/** Markers a page takes beyond its size, for the leftovers and filtered-out items among them. */
const PAST_THE_PAGE = 16;
/** A listing's synchronous reads let a server's other requests in this often. */
const READS_BETWEEN_PAUSES = 256;

/**
 * Work items in the file store:
 *
 * ```
 * <db>/workflow/<kind>/<id>.json                           the item (written atomically)
 * <db>/workflow/<kind>/.state/<state>/<created>~<due>~<id>  an empty marker: the index by state
 * <db>/workflow/audit/<YYYYMMDD>.jsonl                     the audit trail, a line per entry, appended
 * ```
 *
 * A marker's name carries what listings order by (work-marker-name.ts: the item's creation and
 * due times, compact, `-` for none), so a listing by state is one readdir per state (kept while
 * the folder stands unchanged: folder-names-cache.ts); it drops the names not due before
 * `dueBefore`, keeps the first of the others in the order asked, and reads documents in that
 * order only until the page is full. The 100 oldest of 10,000 pending approvals cost a pass over
 * 10,000 names and about 100 reads, not 10,000 reads (a sorted index file would need rewriting,
 * under a lock of its own, on every change; a folder of names is what the markers were
 * already). Filters on customer or product need the documents: the walk reads on until enough
 * match. A bare `<id>` marker, as earlier versions wrote (and still written for an item whose
 * times are not ISO 8601 UTC), says nothing of its times: its document is read first to place
 * it. Existing databases are not rewritten; an item's marker gets its keyed name when its state
 * or times next change.
 *
 * A change holds the item's lock and moves its marker in a crash-safe order: the new marker
 * first (another state's, or the same state's under new times), then the doc, then the old
 * marker goes. A crash in between leaves an extra marker, never a missing one. A listing counts a
 * marker only when the doc is in its state with the times its name says, and an item once: it
 * skips leftovers (`cs doctor` reports those and `--fix` removes them).
 *
 * @example const work = new FsWorkflowStore(ctx); await work.listWork('approval', { state: 'pending' })
 */
export class FsWorkflowStore implements WorkflowStore {
  readonly #ctx: FsStoreContext;
  /** Folders this process made or found (a mkdir each only once). */
  readonly #folders = new Set<string>();
  /** The marker names of each state, read again only when a marker came or went. */
  readonly #markerNames = new FolderNamesCache();
  /** What `#keyedMarkers` read of each listing of `#markerNames`, gone with it. */
  readonly #parsedNames = new WeakMap<readonly string[], PlacedMarker[]>();

  constructor(ctx: FsStoreContext) {
    this.#ctx = ctx;
  }

  async addWork(kind: WorkKind, doc: WorkDoc, audit?: AuditEntry): Promise<void> {
    requireWorkDoc(kind, doc);
    await this.#ctx.locks.with(lockName(kind, doc.id), async () => {
      if (await fileExists(this.#docPath(kind, doc.id))) {
        throw new CsError('E_CONFLICT', `A ${kind} with id ${doc.id} exists already.`);
      }
      await this.#write(kind, doc, undefined);
      if (audit) await this.#appendAudit([audit]);
    });
  }

  async getWork(kind: WorkKind, id: string): Promise<WorkDoc | undefined> {
    if (!WORK_ID_PATTERN.test(id)) return undefined;
    return this.#read(kind, id);
  }

  async changeWork(
    kind: WorkKind,
    id: string,
    change: (current: WorkDoc) => WorkChange | undefined,
  ): Promise<WorkDoc | undefined> {
    if (!WORK_ID_PATTERN.test(id)) return undefined;
    return this.#ctx.locks.with(lockName(kind, id), async () => {
      const current = await this.#read(kind, id);
      if (!current) return undefined;
      const next = change(structuredClone(current));
      if (!next) return current;
      requireWorkDoc(kind, next.doc, id);
      await this.#write(kind, next.doc, current);
      if (next.audit) await this.#appendAudit([next.audit]);
      return structuredClone(next.doc);
    });
  }

  async listWork(kind: WorkKind, filter: WorkFilter = {}): Promise<WorkDoc[]> {
    if (filter.state !== undefined) {
      return this.#listInStates(
        kind,
        typeof filter.state === 'string' ? [filter.state] : filter.state,
        filter,
      );
    }
    const docs = await mapLimit(await this.#allIds(kind), READ_AT_ONCE, (id) => this.#read(kind, id));
    const found = docs
      .filter((d): d is WorkDoc => d !== undefined && workMatches(d, filter))
      .sort(orderOf(filter));
    return filter.limit === undefined ? found : found.slice(0, filter.limit);
  }

  async listAudit(filter: AuditFilter = {}): Promise<AuditEntry[]> {
    const dir = this.#ctx.path('workflow', 'audit');
    const sinceDay = filter.since === undefined ? undefined : dayOf(filter.since);
    const days = (await readdirOrNone(dir))
      .map((name) => AUDIT_FILE.exec(name)?.[1])
      .filter((day): day is string => day !== undefined && (sinceDay === undefined || day >= sinceDay))
      .sort();
    const entries: AuditEntry[] = [];
    for (const day of days) {
      for (const entry of await readAuditFile(join(dir, `${day}.jsonl`))) {
        if (auditMatches(entry, filter)) entries.push(entry);
      }
    }
    return entries.sort(byAuditTime);
  }

  async importWork(kind: WorkKind, doc: WorkDoc): Promise<boolean> {
    requireWorkDoc(kind, doc);
    return this.#ctx.locks.with(lockName(kind, doc.id), async () => {
      if (await fileExists(this.#docPath(kind, doc.id))) return false;
      await this.#write(kind, doc, undefined);
      return true;
    });
  }

  async importAudit(entries: readonly AuditEntry[]): Promise<void> {
    await this.#appendAudit(entries);
  }

  /**
   * What `cs doctor` reads: every state marker, as leftover (its item is in another state, or
   * there is no item: a change or an add was interrupted) or not, and the damaged docs met.
   */
  async checkMarkers(): Promise<{ leftovers: LeftoverMarker[]; corrupt: string[] }> {
    const leftovers: LeftoverMarker[] = [];
    const corrupt = new Set<string>();
    for (const kind of WORK_KINDS) {
      const states = (await readdirOrNone(this.#ctx.path('workflow', kind, STATE_DIR))).sort();
      for (const state of states) {
        if (!WORK_ID_PATTERN.test(state)) continue; // not one of ours
        const names = (await readdirOrNone(this.#markerDir(kind, state))).sort();
        const found = await mapLimit(names, READ_AT_ONCE, async (name) => {
          const marker = parseWorkMarkerName(name);
          if (marker === undefined) return undefined; // not one of ours
          const { id } = marker;
          const why = await this.#leftoverReason(kind, state, marker).catch((error: unknown) => {
            if (CsError.isInstance(error) && error.code === 'E_CORRUPT') {
              corrupt.add(`workflow/${kind}/${id}.json`);
              return undefined;
            }
            throw error;
          });
          return why === undefined
            ? undefined
            : { kind, id, state, name, file: markerFile(kind, state, name), why };
        });
        leftovers.push(...found.filter((f) => f !== undefined));
      }
    }
    return { leftovers, corrupt: [...corrupt].sort() };
  }

  /**
   * Removes a leftover marker, checking again under the item's lock (a marker being written by a
   * change in progress is not a leftover). True when it was removed.
   */
  async removeLeftoverMarker(marker: Pick<LeftoverMarker, 'kind' | 'state' | 'name'>): Promise<boolean> {
    const { kind, state, name } = marker;
    const parsed = parseWorkMarkerName(name);
    if (parsed === undefined || !WORK_ID_PATTERN.test(state)) return false;
    return this.#ctx.locks.with(lockName(kind, parsed.id), async () => {
      if ((await this.#leftoverReason(kind, state, parsed)) === undefined) return false;
      await unlink(join(this.#markerDir(kind, state), name)).catch(ignoreMissing);
      return true;
    });
  }

  /** Why a marker is a leftover; undefined when its item is in that state with the times it names. */
  async #leftoverReason(kind: WorkKind, state: string, marker: MarkerName): Promise<string | undefined> {
    const { id } = marker;
    const doc = await this.#read(kind, id);
    if (!doc) return `no ${kind} ${id} exists (an add was interrupted)`;
    if (doc.state !== state) return `${kind} ${id} is ${doc.state}, not ${state} (a change was interrupted)`;
    if (!markerKeysMatch(marker, doc)) {
      return `${kind} ${id} was made at ${doc.created_at} and is due ${doc.due_at ?? 'never'}, not as the marker says (a change was interrupted)`;
    }
    return undefined;
  }

  #docPath(kind: WorkKind, id: string): string {
    return this.#ctx.path('workflow', kind, `${id}.json`);
  }

  #markerDir(kind: WorkKind, state: string): string {
    return this.#ctx.path('workflow', kind, STATE_DIR, state);
  }

  /**
   * Writes the doc of an item that was `from` (undefined: a new item). When its state or times
   * change: the new marker, the doc, then the old marker goes. Under the item's lock.
   */
  async #write(kind: WorkKind, doc: WorkDoc, from: WorkDoc | undefined): Promise<void> {
    await this.#mkdir(this.#ctx.path('workflow', kind));
    const name = workMarkerName(doc);
    const moved = from === undefined || from.state !== doc.state || workMarkerName(from) !== name;
    if (moved) {
      const markers = this.#markerDir(kind, doc.state);
      await this.#mkdir(markers);
      await writeFile(join(markers, name), '');
    }
    await writeAtomic(this.#docPath(kind, doc.id), formatJson(doc));
    if (from === undefined || !moved) return;
    // The marker of the item as it was, and the bare one an earlier version may have left it.
    for (const old of new Set([workMarkerName(from), from.id])) {
      if (from.state === doc.state && old === name) continue;
      await unlink(join(this.#markerDir(kind, from.state), old)).catch(ignoreMissing);
    }
  }

  /** The item as stored; undefined when there is none; E_CORRUPT naming a damaged file. */
  async #read(kind: WorkKind, id: string): Promise<WorkDoc | undefined> {
    const path = this.#docPath(kind, id);
    const text = await readTextIfAny(path);
    return text === undefined ? undefined : parseWorkFile(kind, id, path, text);
  }

  /**
   * `#read`, synchronous, for a listing's page: a hundred page-cache reads of a few kilobytes
   * take half a millisecond this way, and five or more (and as much CPU) through the thread
   * pool, longer on a loaded machine (see replaceFileSync).
   */
  #readSync(kind: WorkKind, id: string): WorkDoc | undefined {
    const path = this.#docPath(kind, id);
    const text = readTextSync(path);
    return text === undefined ? undefined : parseWorkFile(kind, id, path, text);
  }

  /** Every item id of a kind (its folder's `<id>.json` files). */
  async #allIds(kind: WorkKind): Promise<string[]> {
    const names = await readdirOrNone(this.#ctx.path('workflow', kind));
    return names
      .filter((n) => n.endsWith('.json'))
      .map((n) => n.slice(0, -'.json'.length))
      .filter((id) => WORK_ID_PATTERN.test(id));
  }

  /**
   * A listing by state off the markers' names (see the class comment): the first markers in the
   * order asked, then their docs read in that order until `limit` items really in a state match;
   * when leftovers or filters use up those first markers, all of them. Synchronous reads (see
   * `#readSync`), with a pause now and then for the other requests of a server.
   */
  async #listInStates(kind: WorkKind, states: readonly string[], filter: WorkFilter): Promise<WorkDoc[]> {
    const limit = filter.limit ?? Number.POSITIVE_INFINITY;
    if (limit <= 0) return [];
    // A state that is no name has no folder and no item.
    const folders = states
      .filter((state) => WORK_ID_PATTERN.test(state))
      .map((state) => ({ state, names: this.#markerNames.list(this.#markerDir(kind, state)) }));
    let reads = 0;
    const read = async (id: string) => {
      if (++reads % READS_BETWEEN_PAUSES === 0) await new Promise(setImmediate);
      return this.#readSync(kind, id);
    };
    // A bare marker is placed by its doc, which is then in hand for the walk below.
    const placedBare: Array<{ state: string; doc: WorkDoc }> = [];
    for (const { state, names } of folders) {
      for (const name of names) {
        if (name.includes(MARKER_SEPARATOR) || !WORK_ID_PATTERN.test(name)) continue;
        const doc = await read(name);
        if (doc?.state === state) placedBare.push({ state, doc });
      }
    }
    // Names sort in their compact form as they are; a time with none (a bare marker's item's,
    // or dueBefore) makes this listing decode every name instead.
    const compact =
      (filter.dueBefore === undefined || compactTime(filter.dueBefore) !== undefined) &&
      placedBare.every((m) => compactKeys(m.doc) !== undefined);
    const before =
      filter.dueBefore === undefined || !compact ? filter.dueBefore : compactTime(filter.dueBefore);
    const order = orderOf(filter);
    const total = folders.reduce((n, f) => n + f.names.length, 0);

    /** The first `count` markers in order (every one when `count` is infinite). */
    const firstMarkers = (count: number): { markers: readonly PlacedMarker[]; all: boolean } => {
      const keep = count >= total ? Number.POSITIVE_INFINITY : count;
      const first = new FirstInOrder<PlacedMarker>(keep, (a, b) => order(a.keys, b.keys));
      const offer = (m: PlacedMarker) => {
        if (before === undefined || isDueBefore(m.keys, before)) first.offer(m);
      };
      for (const m of placedBare)
        offer({ ...m, keys: compact ? (compactKeys(m.doc) as WorkOrderKeys) : m.doc });
      for (const { state, names } of folders) {
        for (const m of this.#keyedMarkers(state, names)) {
          if (compact) offer(m);
          else {
            const keys = isoKeys(m.keys);
            if (keys !== undefined) offer({ ...m, keys });
          }
        }
      }
      return { markers: first.items, all: first.offered <= keep };
    };

    const found: WorkDoc[] = [];
    const seen = new Set<string>();
    let { markers, all } = firstMarkers(limit + PAST_THE_PAGE);
    for (let next = 0; found.length < limit; next++) {
      if (next >= markers.length) {
        if (all) break;
        // Sorted alike, so the ones walked come first again (a tie is one item twice: seen).
        ({ markers, all } = firstMarkers(Number.POSITIVE_INFINITY));
        if (next >= markers.length) break;
      }
      const m = markers[next] as PlacedMarker;
      if (seen.has(m.keys.id)) continue;
      const doc = m.doc ?? (await read(m.keys.id));
      if (!doc || doc.state !== m.state || (m.marker && !markerKeysMatch(m.marker, doc))) continue;
      seen.add(doc.id);
      if (workMatches(doc, filter)) found.push(doc);
    }
    return found;
  }

  /**
   * The keyed markers among a state's marker names, with their compact keys: parsed once per
   * listing of the folder that `#markerNames` gives (bare ones and names not ours left out).
   */
  #keyedMarkers(state: string, names: readonly string[]): readonly PlacedMarker[] {
    let markers = this.#parsedNames.get(names);
    if (markers === undefined) {
      markers = [];
      for (const name of names) {
        const marker = readWorkMarkerName(name);
        if (marker?.compact !== undefined) markers.push({ state, keys: marker.compact, marker });
      }
      this.#parsedNames.set(names, markers);
    }
    return markers;
  }

  /** Appends entries to the files of their days, one write per day file. */
  async #appendAudit(entries: readonly AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const byDay = new Map<string, string[]>();
    for (const entry of entries) {
      const problem = auditEntryProblem(entry);
      if (problem !== undefined) throw new CsError('E_INVALID', `Cannot write this audit entry: ${problem}.`);
      const day = dayOf(entry.at);
      const lines = byDay.get(day) ?? [];
      lines.push(`${JSON.stringify(entry)}\n`);
      byDay.set(day, lines);
    }
    const dir = this.#ctx.path('workflow', 'audit');
    await this.#mkdir(dir);
    // O_APPEND: concurrent writers' lines land whole, one after another.
    for (const [day, lines] of byDay) await appendFile(join(dir, `${day}.jsonl`), lines.join(''), 'utf8');
  }

  async #mkdir(dir: string): Promise<void> {
    if (this.#folders.has(dir)) return;
    await mkdir(dir, { recursive: true });
    this.#folders.add(dir);
  }
}

/**
 * A marker of a listing: its state and what it is sorted by, with the marker's own name (a keyed
 * marker, whose doc must have those times) or the doc (a bare marker's, read to place it).
 */
interface PlacedMarker {
  state: string;
  keys: WorkOrderKeys;
  marker?: MarkerName;
  doc?: WorkDoc;
}

/** The item a file holds; E_CORRUPT naming it when it holds none, or another. */
function parseWorkFile(kind: WorkKind, id: string, path: string, text: string): WorkDoc {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw corruptFile(path, `not valid JSON (${(error as Error).message})`);
  }
  const problem = workDocProblem(raw);
  if (problem !== undefined) throw corruptFile(path, `not a ${kind}: ${problem}`);
  const doc = raw as WorkDoc;
  if (doc.id !== id) throw corruptFile(path, `it holds ${kind} ${doc.id}, not ${id}`);
  return doc;
}

/** A state marker whose item is not in that state, or not with those times (see `checkMarkers`). */
export interface LeftoverMarker {
  kind: WorkKind;
  id: string;
  state: string;
  /** The marker's file name: `<created>~<due>~<id>`, or a bare `<id>` from earlier versions. */
  name: string;
  /** Relative to the database folder. */
  file: string;
  why: string;
}

function markerFile(kind: WorkKind, state: string, name: string): string {
  return `workflow/${kind}/${STATE_DIR}/${state}/${name}`;
}

/** The lock of one item: its changes, in any process, run one at a time. */
function lockName(kind: WorkKind, id: string): string {
  return `work-${kind}-${id}`;
}

/** `YYYYMMDD` of an ISO time (its own date: audit times are UTC). */
function dayOf(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) throw new CsError('E_INVALID', `"${iso}" is not an ISO 8601 time.`);
  return `${m[1]}${m[2]}${m[3]}`;
}

async function readdirOrNone(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (error) {
    if (isCode(error, 'ENOENT', 'ENOTDIR')) return [];
    throw error;
  }
}

async function fileExists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (error) {
    if (isCode(error, 'ENOENT', 'ENOTDIR')) return false;
    throw error;
  }
}

/** The entries of an audit day file; E_CORRUPT naming the file and line of a damaged one. */
async function readAuditFile(path: string): Promise<AuditEntry[]> {
  const text = await readTextIfAny(path);
  if (text === undefined) return [];
  const entries: AuditEntry[] = [];
  const lines = text.split('\n');
  for (const [i, line] of lines.entries()) {
    if (line.trim() === '') continue;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch (error) {
      throw corruptFile(path, `line ${i + 1} is not valid JSON (${(error as Error).message})`);
    }
    const problem = auditEntryProblem(raw);
    if (problem !== undefined) throw corruptFile(path, `line ${i + 1} is not an audit entry: ${problem}`);
    entries.push(raw as AuditEntry);
  }
  return entries;
}
