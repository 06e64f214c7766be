import { appendFile, mkdir, readdir, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CsError } from '../../domain/cs-error.js';
import {
  type AuditEntry,
  type AuditFilter,
  auditEntryProblem,
  auditMatches,
  byAuditTime,
  orderOf,
  requireWorkDoc,
  WORK_ID_PATTERN,
  WORK_KINDS,
  type WorkChange,
  type WorkDoc,
  type WorkFilter,
  type WorkflowStore,
  type WorkKind,
  workDocProblem,
  workMatches,
} from '../workflow-store.js';
import { corruptFile } from './fs-corrupt.js';
import { ignoreMissing, isCode, mapLimit } from './fs-files.js';
import type { FsStoreContext } from './fs-store-context.js';
import { formatJson, writeAtomic } from './write-atomic.js';

/** The folder of the state markers inside a kind's folder (a dot: never read as an item). */
const STATE_DIR = '.state';
/** An audit day file: `<YYYYMMDD>.jsonl`. */
const AUDIT_FILE = /^(\d{8})\.jsonl$/;
/** Docs read at once by a listing. */
const READ_AT_ONCE = 16;

/**
 * Work items in the file store:
 *
 * ```
 * <db>/workflow/<kind>/<id>.json                the item (written atomically)
 * <db>/workflow/<kind>/.state/<state>/<id>      an empty marker: the index by state
 * <db>/workflow/audit/<YYYYMMDD>.jsonl          the audit trail, a line per entry, appended
 * ```
 *
 * Listing by state reads the markers of that state and only their docs, so the few pending
 * approvals among 100,000 decided ones cost a readdir and a few reads. A change holds the item's
 * lock and moves its marker in a crash-safe order: the new state's marker first, then the doc,
 * then the old marker goes. A crash in between leaves an extra marker, never a missing one; a
 * listing checks each doc's own state and skips a doc a leftover marker points at (`cs doctor`
 * reports those and `--fix` removes them).
 *
 * @example const work = new FsWorkflowStore(ctx); await work.listWork('approval', { state: 'pending' })
 */
export class FsWorkflowStore implements WorkflowStore {
  readonly #ctx: FsStoreContext;
  /** Folders this process made or found (a mkdir each only once). */
  readonly #folders = new Set<string>();

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
      await this.#write(kind, next.doc, current.state);
      if (next.audit) await this.#appendAudit([next.audit]);
      return structuredClone(next.doc);
    });
  }

  async listWork(kind: WorkKind, filter: WorkFilter = {}): Promise<WorkDoc[]> {
    const ids =
      filter.state === undefined
        ? await this.#allIds(kind)
        : await this.#idsInStates(kind, typeof filter.state === 'string' ? [filter.state] : filter.state);
    const docs = await mapLimit(ids, READ_AT_ONCE, (id) => this.#read(kind, id));
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
        const ids = (await readdirOrNone(this.#markerDir(kind, state))).sort();
        const found = await mapLimit(ids, READ_AT_ONCE, async (id) => {
          const why = await this.#leftoverReason(kind, id, state).catch((error: unknown) => {
            if (CsError.isInstance(error) && error.code === 'E_CORRUPT') {
              corrupt.add(`workflow/${kind}/${id}.json`);
              return undefined;
            }
            throw error;
          });
          return why === undefined ? undefined : { kind, id, state, file: markerFile(kind, state, id), why };
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
  async removeLeftoverMarker(marker: Pick<LeftoverMarker, 'kind' | 'id' | 'state'>): Promise<boolean> {
    const { kind, id, state } = marker;
    return this.#ctx.locks.with(lockName(kind, id), async () => {
      if ((await this.#leftoverReason(kind, id, state)) === undefined) return false;
      await unlink(join(this.#markerDir(kind, state), id)).catch(ignoreMissing);
      return true;
    });
  }

  /** Why a marker is a leftover; undefined when its item is in that state (or it is not one of ours). */
  async #leftoverReason(kind: WorkKind, id: string, state: string): Promise<string | undefined> {
    if (!WORK_ID_PATTERN.test(id) || !WORK_ID_PATTERN.test(state)) return undefined;
    const doc = await this.#read(kind, id);
    if (!doc) return `no ${kind} ${id} exists (an add was interrupted)`;
    if (doc.state !== state) return `${kind} ${id} is ${doc.state}, not ${state} (a change was interrupted)`;
    return undefined;
  }

  #docPath(kind: WorkKind, id: string): string {
    return this.#ctx.path('workflow', kind, `${id}.json`);
  }

  #markerDir(kind: WorkKind, state: string): string {
    return this.#ctx.path('workflow', kind, STATE_DIR, state);
  }

  /**
   * Writes the doc of an item whose state was `from` (undefined: a new item): the new state's
   * marker, the doc, then the old marker goes. Under the item's lock.
   */
  async #write(kind: WorkKind, doc: WorkDoc, from: string | undefined): Promise<void> {
    await this.#mkdir(this.#ctx.path('workflow', kind));
    if (from !== doc.state) {
      const markers = this.#markerDir(kind, doc.state);
      await this.#mkdir(markers);
      await writeFile(join(markers, doc.id), '');
    }
    await writeAtomic(this.#docPath(kind, doc.id), formatJson(doc));
    if (from !== undefined && from !== doc.state) {
      await unlink(join(this.#markerDir(kind, from), doc.id)).catch(ignoreMissing);
    }
  }

  /** The item as stored; undefined when there is none; E_CORRUPT naming a damaged file. */
  async #read(kind: WorkKind, id: string): Promise<WorkDoc | undefined> {
    const path = this.#docPath(kind, id);
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if (isCode(error, 'ENOENT', 'ENOTDIR')) return undefined;
      throw error;
    }
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

  /** Every item id of a kind (its folder's `<id>.json` files). */
  async #allIds(kind: WorkKind): Promise<string[]> {
    const names = await readdirOrNone(this.#ctx.path('workflow', kind));
    return names
      .filter((n) => n.endsWith('.json'))
      .map((n) => n.slice(0, -'.json'.length))
      .filter((id) => WORK_ID_PATTERN.test(id));
  }

  /** The ids marked with any of the states, each once (an interrupted change marks two). */
  async #idsInStates(kind: WorkKind, states: readonly string[]): Promise<string[]> {
    const ids = new Set<string>();
    for (const state of states) {
      if (!WORK_ID_PATTERN.test(state)) continue; // no item can be in it
      for (const id of await readdirOrNone(this.#markerDir(kind, state))) {
        if (WORK_ID_PATTERN.test(id)) ids.add(id);
      }
    }
    return [...ids];
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

/** A state marker whose item is not in that state (see `checkMarkers`). */
export interface LeftoverMarker {
  kind: WorkKind;
  id: string;
  state: string;
  /** Relative to the database folder. */
  file: string;
  why: string;
}

function markerFile(kind: WorkKind, state: string, id: string): string {
  return `workflow/${kind}/${STATE_DIR}/${state}/${id}`;
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
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (isCode(error, 'ENOENT')) return [];
    throw error;
  }
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
