import { randomBytes } from 'node:crypto';
import { writeSync } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { CsError } from '../../domain/cs-error.js';
import { currentProcess, isProcessAlive, parseProcessIdentity } from '../../domain/process-identity.js';
import {
  CALL_ID_PATTERN,
  type CallJournal,
  type CallJournalHeader,
  type CallJournalWriter,
} from '../call-journal.js';

/**
 * A call journal as one JSON-lines file per call (`<dir>/<call_id>.jsonl`, the header first).
 * Appends are written in order as they happen and flushed to disk (fdatasync) in batches.
 */
export class FileCallJournal implements CallJournal {
  readonly location: string;

  constructor(dir: string) {
    this.location = dir;
  }

  #path(callId: string): string {
    if (!CALL_ID_PATTERN.test(callId)) {
      throw new CsError('E_INVALID', `Call id "${callId}" may hold letters, digits, "_" and "-" only.`);
    }
    return join(this.location, `${callId}.jsonl`);
  }

  async start(header: CallJournalHeader): Promise<CallJournalWriter> {
    const path = this.#path(header.call_id);
    await mkdir(this.location, { recursive: true });
    // The header goes in whole or not at all: written to a temporary file, synced, then renamed
    // into place, so a process killed at its start never leaves a journal without its header.
    // The temporary file names its process, so a start cut short by a kill is cleared at once.
    const temp = `${path}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
    const first = await open(temp, 'w');
    try {
      await first.write(`${JSON.stringify(header)}\n`);
      await first.datasync();
    } finally {
      await first.close();
    }
    await rename(temp, path);
    return new FileJournalWriter(await open(path, 'a'));
  }

  async list(): Promise<{ headers: CallJournalHeader[]; problems: string[] }> {
    const files = await readdir(this.location).catch(() => [] as string[]);
    const headers: CallJournalHeader[] = [];
    const problems: string[] = [];
    // A start cut short before its rename leaves only a temporary file: nothing of the call yet.
    for (const file of files.filter((f) => f.endsWith('.tmp'))) await removeIfOld(join(this.location, file));
    for (const file of files.filter((f) => f.endsWith('.jsonl')).sort()) {
      // Only the header: every command looks here, and running calls' changes are not its business.
      const header = parseHeader(await firstLine(join(this.location, file)));
      if (header) headers.push(header);
      else if (!(await removeTornStart(join(this.location, file)))) problems.push(join(this.location, file));
    }
    return { headers, problems };
  }

  async read(callId: string): Promise<{ header: CallJournalHeader; changes: unknown[] } | undefined> {
    const text = await readFile(this.#path(callId), 'utf8').catch(() => undefined);
    if (text === undefined) return undefined;
    const lines = text.split('\n');
    const header = parseHeader(lines[0]);
    if (!header) return undefined;
    const changes: unknown[] = [];
    for (const line of lines.slice(1)) {
      if (line === '') continue;
      try {
        changes.push(JSON.parse(line));
      } catch {
        break; // the torn last line of a process killed mid-write
      }
    }
    return { header, changes };
  }

  async remove(callId: string): Promise<void> {
    await unlink(this.#path(callId)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
  }
}

/**
 * How long after a change the journal is flushed to disk when nothing asks for it sooner: the
 * changes of a turn (and of the next turns, when they come quickly) share one fdatasync. A sync
 * per turn queued behind other writes on a busy disk was the tail of a turn's latency.
 */
const SYNC_DELAY_MS = 200;

/**
 * Each change is written at once with a synchronous write, so it survives the process being
 * killed the moment after (the kernel has it); the flush to disk (fdatasync, for a power cut)
 * follows in the background, at most SYNC_DELAY_MS later, one for whatever was written
 * meanwhile (group commit); `flush` (before an action reaches the backend) syncs at once.
 */
class FileJournalWriter implements CallJournalWriter {
  readonly #handle: Awaited<ReturnType<typeof open>>;
  #synced: Promise<void> = Promise.resolve();
  #dirty = false;
  #timer: NodeJS.Timeout | undefined;
  #failure: unknown;
  #closed = false;

  constructor(handle: Awaited<ReturnType<typeof open>>) {
    this.#handle = handle;
  }

  append(change: unknown): void {
    if (this.#closed || this.#failure !== undefined) return;
    try {
      writeSync(this.#handle.fd, `${JSON.stringify(change)}\n`);
    } catch (error) {
      this.#failure = error;
      return;
    }
    if (this.#dirty) return;
    this.#dirty = true;
    this.#timer = setTimeout(() => this.#sync(), SYNC_DELAY_MS);
    // Pending sync does not keep a process alive: what was written is in the kernel already.
    this.#timer.unref();
  }

  /** Queues one fdatasync for everything written so far (none when nothing was). */
  #sync(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (!this.#dirty) return;
    this.#synced = this.#synced.then(async () => {
      this.#dirty = false;
      await this.#handle.datasync().catch((error: unknown) => {
        this.#failure ??= error;
      });
    });
  }

  async flush(): Promise<void> {
    this.#sync();
    await this.#synced;
    if (this.#failure !== undefined) {
      throw new CsError('E_INTERNAL', `The call journal could not be written: ${String(this.#failure)}.`, {
        cause: this.#failure,
      });
    }
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#sync();
    await this.#synced;
    this.#closed = true;
    await this.#handle.close().catch(() => undefined);
  }
}

/**
 * A journal whose header never reached the disk (its process was killed while starting it)
 * holds nothing to recover: removed once it is a minute old.
 */
/** The first line of a file, reading no more than the header needs. */
async function firstLine(path: string): Promise<string | undefined> {
  const handle = await open(path, 'r').catch(() => undefined);
  if (!handle) return undefined;
  try {
    const buffer = Buffer.alloc(16_384);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const text = buffer.toString('utf8', 0, bytesRead);
    const end = text.indexOf('\n');
    return end === -1 ? undefined : text.slice(0, end);
  } finally {
    await handle.close();
  }
}

/**
 * Removes a start's temporary file left by a process that is gone (its pid is in the name), or
 * one older than a minute (a name without a pid, from an older version).
 */
async function removeIfOld(path: string): Promise<void> {
  const pid = Number(/\.(\d+)-[0-9a-f]+\.tmp$/.exec(path)?.[1]);
  // This process's own start is in progress, not abandoned.
  const gone =
    Number.isInteger(pid) &&
    pid > 0 &&
    pid !== process.pid &&
    !isProcessAlive({ host: currentProcess().host, pid, started: 0 });
  const info = gone ? undefined : await stat(path).catch(() => undefined);
  if (gone || (info && Date.now() - info.mtimeMs >= 60_000)) await unlink(path).catch(() => undefined);
}

async function removeTornStart(path: string): Promise<boolean> {
  const [text, info] = await Promise.all([
    readFile(path, 'utf8').catch(() => undefined),
    stat(path).catch(() => undefined),
  ]);
  if (text === undefined || info === undefined) return true;
  if (text.includes('\n') || Date.now() - info.mtimeMs < 60_000) return false;
  await unlink(path).catch(() => undefined);
  return true;
}

function parseHeader(line: string | undefined): CallJournalHeader | undefined {
  if (!line) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const h = value as Record<string, unknown>;
  const owner = parseProcessIdentity(h.owner);
  const strings = [
    'call_id',
    'started_at',
    'product_id',
    'operator_id',
    'customer_id',
    'phone',
    'language',
    'agent',
  ];
  if (!owner || !strings.every((k) => typeof h[k] === 'string') || typeof h.cold_start !== 'boolean')
    return undefined;
  return value as CallJournalHeader;
}
