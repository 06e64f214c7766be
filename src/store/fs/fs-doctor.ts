import { readdir, readFile, rename, rm, rmdir } from 'node:fs/promises';
import { join } from 'node:path';
import { localIsoTimestamp } from '../../domain/clock.js';
import { checkRecordMetadata } from '../../domain/metadata-schema.js';
import { normalizePhone } from '../../domain/phone.js';
import { RECORD_TYPES, type RecordType, type StoredRecord } from '../../domain/record-schemas.js';
import { SessionFileSchema } from '../../domain/session-schemas.js';
import {
  duplicatePhoneProblem,
  duplicatePhones,
  normalizedFields,
  type StoreProblem,
  type StoreReport,
  storedFieldProblems,
} from '../../records/record-problems.js';
import { renderRecordReadme } from '../../render/render-record-readme.js';
import { salvageRecordKeys } from './fs-corrupt.js';
import { TrashManifestSchema } from './fs-file-schemas.js';
import { FsIndex, type IndexEntry } from './fs-index.js';
import { findLeftoverTempFiles, findLeftoverTempFolders, type Leftover } from './fs-leftovers.js';
import { inspectLock, takeOverIfDead } from './fs-lock-owner.js';
import { type FsRecordStore, TYPE_FOLDERS } from './fs-record-store.js';
import { FsStoreContext } from './fs-store-context.js';
import { FsWorkflowStore } from './fs-workflow-store.js';
import { writeAtomic } from './write-atomic.js';

/** Options of `checkFsStore`. */
export interface FsDoctorOptions {
  /** Repair what can be repaired safely. */
  fix?: boolean;
  /** With `fix`: also move damaged files aside to `<file>.corrupt-<time>` (nothing is deleted). */
  moveCorrupt?: boolean;
  /** A lock naming no holder and untouched this long is abandoned (the store's stale time). */
  staleLockMs?: number;
  now?: () => Date;
}

/** A problem with the repair that `--fix` would make, if any. */
interface Finding extends StoreProblem {
  apply?: () => Promise<string>;
}

/** What the index of a type should hold, as read from the folders. */
interface Expected {
  folder: string;
  name: string;
  phone?: string;
  corrupt: boolean;
}

/**
 * `cs doctor` on a file database: reads every record, session, trash entry, mock state, live
 * session, lock and temp folder, and lists what is wrong, one problem each with the file and the
 * repair. With `fix` it then repairs what is safe (leftover temp folders and files, abandoned
 * locks, phones stored as numbers, non-list histories, missing READMEs, the lookup index) and,
 * with `moveCorrupt` too, moves damaged files aside; it never deletes user data. The problems
 * returned are those found by a second pass after the repairs.
 *
 * @example const report = await checkFsStore(openFsStore(db), { fix: true })
 */
export async function checkFsStore(
  store: FsRecordStore,
  options: FsDoctorOptions = {},
): Promise<StoreReport> {
  const now = options.now ?? (() => new Date());
  const first = await diagnose(store, options, now);
  const fixed: string[] = [];
  if (options.fix) {
    let moved = false;
    for (const finding of first.findings) {
      if (!finding.apply || (finding.fix === 'move-corrupt' && !options.moveCorrupt)) continue;
      if (finding.kind === 'index_stale') continue; // rebuilt below, once, after every other repair
      fixed.push(await finding.apply());
      moved ||= finding.fix === 'move-corrupt';
    }
    // A file moved aside inside a record folder leaves the type folder's mtime alone, so the
    // index would not notice by itself.
    const staleIndex = first.findings.filter((f) => f.kind === 'index_stale');
    if (moved) await store.rebuildSessionIndex();
    if (moved || staleIndex.length > 0) {
      await store.rebuildIndex();
      fixed.push(
        staleIndex.length > 0
          ? `rebuilt the lookup index (${staleIndex.map((f) => f.file).join(', ')})`
          : 'rebuilt the lookup index',
      );
    }
  }
  const final = options.fix ? await diagnose(store, options, now) : first;
  return {
    location: store.location,
    checked: final.checked,
    problems: final.findings.map(({ apply: _apply, ...problem }) => problem),
    fixed,
    notes: [],
  };
}

async function diagnose(
  store: FsRecordStore,
  options: FsDoctorOptions,
  now: () => Date,
): Promise<{ findings: Finding[]; checked: StoreReport['checked'] }> {
  const db = store.location;
  const at = now();
  const stamp = localIsoTimestamp(at).slice(0, 19).replace(/[-:]/g, '');
  const findings: Finding[] = [];
  const checked = { records: 0, sessions: 0 };
  const moveAside = (file: string) => async (): Promise<string> => {
    await rename(join(db, file), join(db, `${file}.corrupt-${stamp}`));
    return `moved the damaged ${file} aside to ${file}.corrupt-${stamp}`;
  };
  const removeLeftovers = (found: Leftover[]) => {
    for (const l of found) {
      findings.push({
        kind: 'leftover_temp',
        file: l.path,
        problem: l.why,
        repair: '`cs doctor --fix` removes it',
        fix: true,
        apply: async () => {
          await rm(join(db, l.path), { recursive: true, force: true });
          return `removed ${l.path}`;
        },
      });
    }
  };

  for (const type of RECORD_TYPES) {
    const expected = await checkRecords(store, type, { findings, moveAside, removeLeftovers, at });
    checked.records += expected.size;
    await checkIndex(store, type, expected, findings);
  }
  checked.sessions = await checkSessions(db, { findings, moveAside, removeLeftovers, at });
  await checkOtherFiles(db, findings, moveAside);
  await checkWorkItems(db, findings, moveAside);
  await checkLocks(db, options.staleLockMs ?? 10_000, at.getTime(), findings);
  removeLeftovers(await findLeftoverTempFolders(db, at.getTime()));
  return { findings, checked };
}

interface Context {
  findings: Finding[];
  moveAside: (file: string) => () => Promise<string>;
  removeLeftovers: (found: Leftover[]) => void;
  at: Date;
}

/** Checks every record folder of a type; returns what its index should hold, by id. */
async function checkRecords(
  store: FsRecordStore,
  type: RecordType,
  ctx: Context,
): Promise<Map<string, Expected>> {
  const db = store.location;
  const base = TYPE_FOLDERS[type];
  const expected = new Map<string, Expected>();
  const phones: Array<{ id: string; phone: unknown; file: string }> = [];
  for (const folder of (await subfolders(join(db, base))).sort()) {
    const rel = `${base}/${folder}`;
    const file = `${rel}/info.json`;
    ctx.removeLeftovers(await findLeftoverTempFiles(db, rel, ctx.at.getTime()));
    const names = await readdir(join(db, rel)).catch(() => [] as string[]);
    const text = await readFile(join(db, file), 'utf8').catch(() => undefined);
    if (text === undefined) {
      ctx.findings.push(missingFile(rel, 'info.json', names, 'record'));
      continue;
    }
    const record = parseRecord(text);
    if (typeof record === 'string') {
      ctx.findings.push({
        kind: 'corrupt_record',
        file,
        problem: `damaged: ${record}; the record cannot be read, looked up or changed`,
        repair:
          'fix the JSON by hand, or restore a good copy (`cs restore`); `cs doctor --fix --move-corrupt` moves it aside',
        fix: 'move-corrupt',
        apply: ctx.moveAside(file),
      });
      const keys = salvageRecordKeys(folder, text);
      if (keys && !expected.has(keys.id)) {
        expected.set(keys.id, { folder, name: keys.name, corrupt: true });
        // Its phone is still taken (the store refuses it to others), so it counts for duplicates.
        if (type === 'customer' && keys.phone) phones.push({ id: keys.id, phone: keys.phone, file: rel });
      }
      continue;
    }
    if (record._type !== type) {
      ctx.findings.push({
        kind: 'wrong_type',
        file,
        problem: `holds a ${record._type}, not a ${type}; it is left out of the ${base}`,
        repair: `move the folder to ${TYPE_FOLDERS[record._type as RecordType] ?? 'its own type folder'}/ or fix _type by hand`,
        fix: false,
      });
      continue;
    }
    const other = expected.get(record._id);
    if (other) {
      ctx.findings.push({
        kind: 'duplicate_id',
        file,
        problem: `has the id ${record._id} of ${base}/${other.folder}, which wins lookups; this copy is ignored`,
        repair: 'move one of the two folders out of the database (compare them first)',
        fix: false,
      });
      continue;
    }
    const entry: Expected = { folder, name: record.name, corrupt: false };
    if (type === 'customer') {
      phones.push({ id: record._id, phone: record.phone, file: rel });
      const phone = typeof record.phone === 'string' || typeof record.phone === 'number' ? record.phone : '';
      const key = normalizePhone(String(phone));
      if (key !== '') entry.phone = key;
    }
    expected.set(record._id, entry);
    if (!names.includes('README.md')) {
      ctx.findings.push({
        kind: 'missing_readme',
        file: `${rel}/README.md`,
        problem: 'is missing (an interrupted write)',
        repair: '`cs doctor --fix` writes it again from info.json',
        fix: true,
        apply: async () => {
          await writeAtomic(join(db, rel, 'README.md'), renderRecordReadme(record), { fsync: false });
          return `wrote ${rel}/README.md`;
        },
      });
    }
    for (const p of storedFieldProblems(record, file)) {
      ctx.findings.push({
        ...p,
        apply: async () => {
          await store.update(type, record._id, (current) => normalizedFields(type, current));
          return `normalised ${p.kind === 'phone_not_text' ? 'the phone' : 'interaction_history'} in ${file}`;
        },
      });
    }
  }
  for (const group of duplicatePhones(phones)) ctx.findings.push(duplicatePhoneProblem(group));
  return expected;
}

/** Compares a type's index with its folders; one problem when they disagree. */
async function checkIndex(
  store: FsRecordStore,
  type: RecordType,
  expected: Map<string, Expected>,
  findings: Finding[],
): Promise<void> {
  const db = store.location;
  const index = new FsIndex(join(db, TYPE_FOLDERS[type]), join(db, '.index', type));
  const meta = await index.readMeta();
  if (!meta) return; // none yet: the first lookup builds it
  let entries: IndexEntry[];
  let why: string;
  try {
    entries = await index.view(meta.gen).all();
    why = describeIndexDrift(entries, expected);
  } catch {
    why = 'damaged';
  }
  if (why === '') return;
  findings.push({
    kind: 'index_stale',
    file: `.index/${type}`,
    problem: `the lookup index of ${TYPE_FOLDERS[type]} disagrees with the folders: ${why}`,
    repair: '`cs doctor --fix` rebuilds it (lookups rebuild it too when they notice)',
    fix: true,
    apply: async () => {
      await store.rebuildIndex(type);
      return `rebuilt .index/${type}`;
    },
  });
}

function describeIndexDrift(entries: IndexEntry[], expected: Map<string, Expected>): string {
  let nowhere = 0;
  let changed = 0;
  const seen = new Set<string>();
  for (const e of entries) {
    seen.add(e.id);
    const want = expected.get(e.id);
    if (!want || want.folder !== e.folder) nowhere++;
    else if (
      want.corrupt !== (e.corrupt !== undefined) ||
      (!want.corrupt && (want.name !== e.name || want.phone !== e.phone))
    ) {
      changed++;
    }
  }
  const missing = [...expected.keys()].filter((id) => !seen.has(id)).length;
  return [
    nowhere > 0 ? `${nowhere} entries point nowhere` : '',
    missing > 0 ? `${missing} records are missing from it` : '',
    changed > 0 ? `${changed} entries are out of date` : '',
  ]
    .filter((s) => s !== '')
    .join(', ');
}

/** Checks every saved session; returns how many were read. */
async function checkSessions(db: string, ctx: Context): Promise<number> {
  let count = 0;
  for (const folder of (await subfolders(join(db, 'history'))).sort()) {
    const rel = `history/${folder}`;
    const file = `${rel}/session.json`;
    ctx.removeLeftovers(await findLeftoverTempFiles(db, rel, ctx.at.getTime()));
    const text = await readFile(join(db, file), 'utf8').catch(() => undefined);
    if (text === undefined) {
      const names = await readdir(join(db, rel)).catch(() => [] as string[]);
      ctx.findings.push(missingFile(rel, 'session.json', names, 'session'));
      continue;
    }
    count++;
    const problem = parseJson(text, (raw) => {
      const parsed = SessionFileSchema.safeParse(raw);
      return parsed.success ? undefined : (parsed.error.issues[0]?.path.join('.') ?? '') || 'not a session';
    });
    if (problem === undefined) continue;
    ctx.findings.push({
      kind: 'corrupt_session',
      file,
      problem: `damaged: ${problem}; \`cs history show\` cannot read it (it is listed marked)`,
      repair:
        'fix the JSON by hand (its README.md shows the call); `cs doctor --fix --move-corrupt` moves it aside',
      fix: 'move-corrupt',
      apply: ctx.moveAside(file),
    });
  }
  return count;
}

/** Trash manifests, mock backend state and live sessions that are not valid JSON. */
async function checkOtherFiles(
  db: string,
  findings: Finding[],
  moveAside: (file: string) => () => Promise<string>,
): Promise<void> {
  for (const entry of await subfolders(join(db, '.trash'))) {
    const file = `.trash/${entry}/manifest.json`;
    const text = await readFile(join(db, file), 'utf8').catch(() => undefined);
    if (text === undefined) continue;
    const problem = parseJson(text, (raw) =>
      TrashManifestSchema.safeParse(raw).success ? undefined : 'not a trash manifest',
    );
    if (problem === undefined) continue;
    findings.push({
      kind: 'corrupt_file',
      file,
      problem: `damaged: ${problem}; this trash entry cannot be restored or listed`,
      repair: 'fix the JSON by hand (type, id, name, folder of the record beside it)',
      fix: false,
    });
  }
  const files: string[] = [];
  for (const product of await subfolders(join(db, 'mock_state'))) {
    for (const name of await readdir(join(db, 'mock_state', product)).catch(() => [] as string[])) {
      if (name.endsWith('.json')) files.push(`mock_state/${product}/${name}`);
    }
  }
  for (const name of await readdir(join(db, 'live')).catch(() => [] as string[])) {
    if (name.endsWith('.json')) files.push(`live/${name}`);
  }
  for (const file of files) {
    const text = await readFile(join(db, file), 'utf8').catch(() => undefined);
    if (text === undefined) continue;
    const problem = parseJson(text, (raw) =>
      typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? undefined : 'not a JSON object',
    );
    if (problem === undefined) continue;
    findings.push({
      kind: 'corrupt_file',
      file,
      problem: `damaged: ${problem}`,
      repair: 'fix the JSON by hand; `cs doctor --fix --move-corrupt` moves it aside',
      fix: 'move-corrupt',
      apply: moveAside(file),
    });
  }
}

/**
 * Work items (workflow/): state markers an interrupted change or add left behind (listings skip
 * them; `--fix` removes each under its item's lock), and damaged item files.
 */
async function checkWorkItems(
  db: string,
  findings: Finding[],
  moveAside: (file: string) => () => Promise<string>,
): Promise<void> {
  const work = new FsWorkflowStore(new FsStoreContext(db));
  const { leftovers, corrupt } = await work.checkMarkers();
  for (const marker of leftovers) {
    findings.push({
      kind: 'leftover_temp',
      file: marker.file,
      problem: `a state marker left behind: ${marker.why}; listings skip it`,
      repair: '`cs doctor --fix` removes it',
      fix: true,
      apply: async () =>
        (await work.removeLeftoverMarker(marker))
          ? `removed ${marker.file}`
          : `kept ${marker.file} (its item is in that state now)`,
    });
  }
  for (const file of corrupt) {
    findings.push({
      kind: 'corrupt_file',
      file,
      problem: 'damaged: not a work item, so it cannot be read or listed',
      repair: 'fix the JSON by hand; `cs doctor --fix --move-corrupt` moves it aside',
      fix: 'move-corrupt',
      apply: moveAside(file),
    });
  }
}

/** Locks whose holder is gone, and what takeovers left behind. */
async function checkLocks(db: string, staleMs: number, now: number, findings: Finding[]): Promise<void> {
  const dir = join(db, '.locks');
  for (const name of (await readdir(dir).catch(() => [] as string[])).sort()) {
    const file = `.locks/${name}`;
    if (/\.lock\.(dead|released)-[0-9a-f]+$/.test(name)) {
      findings.push({
        kind: 'stale_lock',
        file,
        problem: 'left by a lock release or takeover that was interrupted',
        repair: '`cs doctor --fix` removes it',
        fix: true,
        apply: async () => {
          await rm(join(dir, name), { recursive: true, force: true });
          return `removed ${file}`;
        },
      });
      continue;
    }
    if (!name.endsWith('.lock')) continue;
    const state = await inspectLock(join(dir, name), staleMs, now);
    if (!state.abandoned) continue;
    findings.push({
      kind: 'stale_lock',
      file,
      problem: `abandoned lock: ${state.why}`,
      repair: '`cs doctor --fix` removes it (the next write takes it over anyway)',
      fix: true,
      apply: async () => {
        if (state.owner) await takeOverIfDead(join(dir, name));
        else await rmdir(join(dir, name)).catch(() => undefined);
        return `removed the abandoned lock ${file}`;
      },
    });
  }
}

/** The problem of a record or session folder without its JSON file. */
function missingFile(rel: string, file: string, names: string[], what: 'record' | 'session'): Finding {
  const aside = names.find((n) => n.startsWith(`${file}.corrupt-`));
  const bulk = names.some((n) => n.startsWith(`${file}.`));
  return {
    kind: what === 'record' ? 'missing_info' : 'missing_session',
    file: `${rel}/${file}`,
    problem: aside
      ? `is missing: the damaged one was moved aside to ${aside}, so this ${what} is left out`
      : `is missing, so this ${what} folder is left out${bulk ? ' (an interrupted write left a temp file)' : ''}`,
    repair: aside
      ? `fix the JSON in ${rel}/${aside} by hand and rename it to ${file}`
      : what === 'record'
        ? 'run the export or import again to finish it, or move the folder out of the database'
        : 'restore session.json from a backup, or move the folder out of history/',
    fix: false,
  };
}

/** A record from an info.json's text, or what is wrong with it (as the store judges it). */
function parseRecord(text: string): StoredRecord | string {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return `not valid JSON (${(error as Error).message})`;
  }
  return checkRecordMetadata(raw) ?? (raw as StoredRecord);
}

/** What is wrong with a JSON file's text: not JSON, or what `check` says; undefined when fine. */
function parseJson(text: string, check: (raw: unknown) => string | undefined): string | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return `not valid JSON (${(error as Error).message})`;
  }
  return check(raw);
}

async function subfolders(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isDirectory() && !e.name.startsWith('.')).map((e) => e.name);
}
