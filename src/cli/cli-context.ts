import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { CsError } from '../domain/cs-error.js';
import { isValidPhone, normalizePhone } from '../domain/phone.js';
import { parseBoundedJson } from '../domain/size-limits.js';
import { escapeControlChars } from '../render/escape-control-chars.js';
import type { RecordStore } from '../store/record-store.js';

/** Options every command takes. */
export interface GlobalOptions {
  db?: string;
  json?: boolean;
  debug?: boolean;
}

/** What a command needs from the outside world; tests can build one with other streams. */
export interface CliContext {
  options: GlobalOptions;
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  /**
   * Opens the store on first use and keeps it for the command's life; first it saves calls
   * left by processes that are gone, unless `recover` is false (`cs recover` does that itself).
   */
  store(options?: { recover?: boolean }): Promise<RecordStore>;
  /** Writes data: JSON with --json, else the human text. */
  emit(data: unknown, human: () => string): void;
  /** A diagnostic line on stderr (never on stdout, so --json stays clean). */
  note(line: string): void;
  isTerminal: boolean;
}

export function createCliContext(options: GlobalOptions): CliContext & { closeStore(): Promise<void> } {
  let opened: Promise<RecordStore> | undefined;
  const ctx = {
    options,
    cwd: process.cwd(),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    // Opened on first use: opening stdin (a pipe, under a script) costs a command that never
    // reads it about 1.5 ms. Hence too stdout first: with no terminal there, stdin is not asked.
    get stdin() {
      return process.stdin;
    },
    isTerminal: Boolean(process.stdout.isTTY && process.stdin.isTTY),
    store(open?: { recover?: boolean }) {
      opened ??= import('../store/open-store.js')
        .then((m) => {
          const where = {
            cwd: process.cwd(),
            env: process.env,
            ...(options.db === undefined ? {} : { db: options.db }),
          };
          const location = m.resolveDbLocation(where);
          if (location.kind === 'fs') {
            const label = { flag: '--db', CS_DB: 'CS_DB', ancestor: 'Database', default: 'Database' };
            checkFolderPath(location.path, label[location.source]);
          }
          return m.openStore(where);
        })
        .then(async (store) => {
          if (open?.recover !== false)
            await recoverOnOpen(store, (line) => process.stderr.write(`${line}\n`));
          return store;
        });
      return opened;
    },
    emit(data: unknown, human: () => string) {
      // Text for people never carries a record's or caller's control characters to the terminal.
      const text = options.json
        ? JSON.stringify(data, null, 2)
        : escapeControlChars(human(), { multiline: true });
      process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
    },
    note(line: string) {
      process.stderr.write(`${escapeControlChars(line, { multiline: true })}\n`);
    },
    async closeStore() {
      if (opened) await (await opened).close();
    },
  };
  return ctx;
}

/**
 * Every command that opens a database first saves the calls left by processes that are gone
 * (killed, crashed): a look at the journal folder, and the recovery code only when needed.
 * It never stops the command: a call it cannot save yet stays for `cs recover`.
 */
async function recoverOnOpen(store: RecordStore, note: (line: string) => void): Promise<void> {
  try {
    const { headers } = await store.journal.list();
    if (headers.length === 0) return;
    const { recoverLeftCalls } = await import('../call/recover-calls.js');
    for (const o of await recoverLeftCalls(store)) {
      if (o.outcome === 'saved')
        note(`cs: 已保存中断的通话 · saved an interrupted call: ${o.session_id} (${o.path})`);
      else if (o.outcome === 'failed')
        note(`cs: 中断的通话 ${o.call_id} 暂未保存 · not saved yet: ${o.reason}`);
    }
  } catch (error) {
    note(
      `cs: 暂时无法恢复中断的通话，稍后运行 cs recover · could not recover interrupted calls now: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/**
 * Parses a JSON flag value (or file) within the input limits (size, nesting depth), with a clear
 * error naming the flag.
 */
export function parseJsonFlag(text: string, flag: string): unknown {
  return parseBoundedJson(text, flag);
}

/** Parses a JSON flag value into an object, with a clear error naming the flag. */
export function parseJsonObject(text: string, flag: string): Record<string, unknown> {
  const value = parseBoundedJson(text, flag);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new CsError('E_INVALID', `${flag} must be a JSON object ({...}).`);
  }
  return value as Record<string, unknown>;
}

/** Collects repeated `--param k=v` flags. */
export function collectParam(value: string, previous: Record<string, string> = {}): Record<string, string> {
  const eq = value.indexOf('=');
  if (eq <= 0) throw new CsError('E_USAGE', `--param takes key=value, got "${value}".`);
  return { ...previous, [value.slice(0, eq).trim()]: value.slice(eq + 1) };
}

/**
 * Refuses a folder path that cannot be one because it, or the nearest part of it that exists,
 * is a file (`--db /etc/passwd`), before any store touches it.
 */
export function checkFolderPath(path: string, flag: string): void {
  for (let p = resolve(path); ; p = dirname(p)) {
    let isDirectory: boolean;
    try {
      isDirectory = statSync(p).isDirectory();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if ((code === 'ENOENT' || code === 'ENOTDIR') && dirname(p) !== p) continue;
      throw new CsError('E_USAGE', `${flag} ${path} cannot be used as a folder (${code ?? 'unreadable'}).`);
    }
    if (isDirectory) return;
    throw new CsError(
      'E_USAGE',
      p === resolve(path)
        ? `${flag} ${path} is a file, not a folder: give a database folder (数据库文件夹).`
        : `${flag} ${path} lies under the file ${p}, not a folder: give a database folder (数据库文件夹).`,
    );
  }
}

/** A `--phone` value, normalised; anything but a phone number is bad input (exit 2). */
export function parsePhoneFlag(raw: string, flag = '--phone'): string {
  const phone = normalizePhone(raw);
  if (!isValidPhone(phone)) {
    throw new CsError(
      'E_INVALID',
      `${flag} "${raw}" is not a phone number: give 5 to 20 digits, e.g. 13800138000 (号码无效).`,
    );
  }
  return phone;
}

/** A `--date` value: YYYYMMDD or YYYY-MM-DD naming a real calendar day. */
export function parseDateFlag(raw: string, flag = '--date'): string {
  const m = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(raw.trim());
  const [year, month, day] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (!m || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    throw new CsError('E_USAGE', `${flag} "${raw}" is not a date: use YYYYMMDD or YYYY-MM-DD (日期无效).`);
  }
  return raw.trim();
}
