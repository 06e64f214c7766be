// Test helper (not shipped): the built `cs` run inside the test process. A spawned `cs` costs a
// Node start and the load of its code (a whole `cs call` is about 0.4 CPU-s on a quiet machine,
// 0.7 with the AI SDK, and several times that on a loaded one); here the code is loaded once per
// test file and each run only swaps the process's streams, environment, working folder and exit
// code for its own. For what is about processes (exit codes through a real
// process, signals and kills, concurrent writers, terminals) the tests keep `runCs`.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { Script } from 'node:vm';
import { type CsResult, cleanEnv, PROJECT_ROOT } from './run-cs.js';

/** dist/cli, where the build puts the command line bin/cs.js runs. */
const DIST_CLI = join(PROJECT_ROOT, 'dist', 'cli');

type Cli = { main(argv: string[]): Promise<void> };

let cli: Cli | undefined;

/**
 * Loads dist/cli/cli.js as bin/cs.js does: its files are CommonJS under a `"type": "module"`
 * package, so Node's own `require` refuses them; they require each other by name and everything
 * else through Node. The same code as the spawned `cs`, without bin/cs.js's code cache.
 */
function loadBuiltCli(): Cli {
  const nodeRequire = createRequire(join(DIST_CLI, 'cli.js'));
  const loaded = new Map<string, { exports: unknown }>();
  const load = (name: string): unknown => {
    const known = loaded.get(name);
    if (known) return known.exports;
    const file = join(DIST_CLI, name);
    const module = { exports: {} as unknown, id: file, filename: file, loaded: false };
    loaded.set(name, module);
    const source = readFileSync(file, 'utf8');
    const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
      filename: file,
    });
    const require = (id: string) => (id.startsWith('./') ? load(id.slice(2)) : nodeRequire(id));
    script.runInThisContext()(module.exports, require, module, file, DIST_CLI);
    module.loaded = true;
    return module.exports;
  };
  return load('cli.js') as Cli;
}

/** Thrown by the stand-in for `process.exit`: the run stops there, as a process would. */
class ProcessExit extends Error {
  constructor(readonly code: number) {
    super(`process.exit(${code})`);
  }
}

/** A stream that keeps what is written to it, as a pipe to the test would. */
function capture(): { stream: Writable; close(): void; text(): string } {
  const chunks: Buffer[] = [];
  let open = true;
  const stream = new Writable({
    write(chunk: Buffer | string, encoding, done) {
      // After process.exit nothing more reaches the reader of a real process.
      if (open) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, encoding));
      done();
    },
  });
  return {
    stream,
    close() {
      open = false;
    },
    text() {
      return Buffer.concat(chunks).toString('utf8');
    },
  };
}

/**
 * As `runCs`'s options; `input` may be a pipe the test keeps open (a caller still talking),
 * ended by the run if it calls `process.exit`.
 */
export interface InProcessOptions {
  input?: string | PassThrough;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Accepted so either runner takes the same options; a run in process is not killed (the test's timeout applies). */
  timeoutMs?: number;
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** Runs wait for each other: each owns the process's streams, environment and folder while it runs. */
let queue: Promise<unknown> = Promise.resolve();

/**
 * Runs `cs <args>` in this process, as `runCs` runs it in its own: the same arguments, stdin
 * (a pipe, not a terminal), environment (this one's without CS_DB…, plus `env`), working folder
 * and exit code (`process.exitCode`, or `process.exit`'s code; a rejected `main` is 1). The
 * process's stdin, stdout, stderr, env, cwd, exitCode and exit are the run's own while it runs
 * and given back after. Modules stay loaded between runs, as the caches of one warm process.
 *
 * @example const r = await runCsInProcess(['read', 'customer', '--db', db, '--json']); expect(r.code).toBe(0)
 */
export function runCsInProcess(args: string[], options: InProcessOptions = {}): Promise<CsResult> {
  const run = queue.then(() => runAlone(args, options));
  queue = run.catch(() => undefined);
  return run;
}

async function runAlone(args: string[], options: InProcessOptions): Promise<CsResult> {
  cli ??= loadBuiltCli();
  const stdout = capture();
  const stderr = capture();
  let stdin = options.input;
  if (typeof stdin !== 'object') {
    stdin = new PassThrough();
    stdin.end(options.input ?? '');
  }
  const saved = {
    stdin: Object.getOwnPropertyDescriptor(process, 'stdin'),
    stdout: Object.getOwnPropertyDescriptor(process, 'stdout'),
    stderr: Object.getOwnPropertyDescriptor(process, 'stderr'),
    env: process.env,
    cwd: process.cwd(),
    exitCode: process.exitCode,
    exit: process.exit,
    // A run's signal handlers end with its process; one that exits leaves them behind here.
    signals: SIGNALS.map((name) => [name, process.listeners(name)] as const),
  };
  let exited: number | undefined;
  Object.defineProperty(process, 'stdin', { value: stdin, configurable: true, writable: true });
  Object.defineProperty(process, 'stdout', { value: stdout.stream, configurable: true, writable: true });
  Object.defineProperty(process, 'stderr', { value: stderr.stream, configurable: true, writable: true });
  process.env = { ...cleanEnv(), ...options.env };
  process.chdir(options.cwd ?? PROJECT_ROOT);
  process.exitCode = undefined;
  process.exit = ((code?: number | string | null) => {
    exited ??= Number(code ?? process.exitCode ?? 0);
    stdout.close();
    stderr.close();
    // A process would stop here. This run goes on to unwind, so that nothing of it runs after
    // the process is given back: without input, a call waiting for the caller's next line ends.
    stdin.end();
    throw new ProcessExit(exited);
  }) as typeof process.exit;
  let code = 0;
  try {
    await cli.main([...args]);
    // What a process does after main's promise settles (a write in a then) still reaches its pipe.
    await new Promise((resolve) => setImmediate(resolve));
  } catch (error) {
    if (!(error instanceof ProcessExit) && exited === undefined) {
      // As Node reports a rejection nobody handled: the error on stderr, exit 1.
      stderr.stream.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      exited = 1;
    }
  } finally {
    code = exited ?? Number(process.exitCode ?? 0);
    for (const name of ['stdin', 'stdout', 'stderr'] as const) {
      const descriptor = saved[name];
      if (descriptor) Object.defineProperty(process, name, descriptor);
    }
    process.env = saved.env;
    process.chdir(saved.cwd);
    process.exitCode = saved.exitCode;
    process.exit = saved.exit;
    for (const [name, before] of saved.signals) {
      for (const listener of process.listeners(name))
        if (!before.includes(listener)) process.off(name, listener);
    }
  }
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}
