import { CsError } from '../domain/cs-error.js';
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
  /** Opens the store on first use and keeps it for the command's life. */
  store(): Promise<RecordStore>;
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
    stdin: process.stdin,
    isTerminal: Boolean(process.stdin.isTTY && process.stdout.isTTY),
    store() {
      opened ??= import('../store/open-store.js').then((m) =>
        m.openStore({
          cwd: process.cwd(),
          env: process.env,
          ...(options.db === undefined ? {} : { db: options.db }),
        }),
      );
      return opened;
    },
    emit(data: unknown, human: () => string) {
      const text = options.json ? JSON.stringify(data, null, 2) : human();
      process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
    },
    note(line: string) {
      process.stderr.write(`${line}\n`);
    },
    async closeStore() {
      if (opened) await (await opened).close();
    },
  };
  return ctx;
}

/** Parses a JSON flag value into an object, with a clear error naming the flag. */
export function parseJsonObject(text: string, flag: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new CsError('E_INVALID', `${flag} is not valid JSON: ${(error as Error).message}.`);
  }
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
