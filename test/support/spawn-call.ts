import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { CS_BIN, PROJECT_ROOT } from './run-cs.js';

/** A `cs call --jsonl` (or any cs command) running as its own process, fed line by line. */
export interface RunningCs {
  child: ChildProcessWithoutNullStreams;
  /** stdout so far. */
  readonly stdout: string;
  readonly stderr: string;
  say(line: string): void;
  /** Resolves when stdout holds a JSON event for which `match` is true. */
  waitForEvent(match: (event: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `cs <args>` with a pipe for stdin that stays open until closed or the process ends. */
export function spawnCs(args: string[], env: NodeJS.ProcessEnv = {}): RunningCs {
  const child = spawn(process.execPath, [CS_BIN, ...args], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, CS_DB: '', CS_DATABASE_URL: '', CS_LLM_PROVIDER: '', ...env },
  });
  let stdout = '';
  let stderr = '';
  const waiters = new Set<() => void>();
  child.stdout.setEncoding('utf8').on('data', (d: string) => {
    stdout += d;
    for (const w of waiters) w();
  });
  child.stderr.setEncoding('utf8').on('data', (d: string) => {
    stderr += d;
  });
  child.stdin.on('error', () => undefined);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    get stdout() {
      return stdout;
    },
    get stderr() {
      return stderr;
    },
    say(line) {
      child.stdin.write(`${line}\n`);
    },
    waitForEvent(match, timeoutMs = 20_000) {
      return new Promise<void>((resolve, reject) => {
        const check = () => {
          const events = stdout
            .split('\n')
            .filter((l) => l.startsWith('{'))
            .map((l) => {
              try {
                return JSON.parse(l) as Record<string, unknown>;
              } catch {
                return {};
              }
            });
          if (events.some(match)) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve();
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(
              `no matching event within ${timeoutMs} ms; stdout: ${stdout.slice(-500)} stderr: ${stderr}`,
            ),
          );
        }, timeoutMs);
        waiters.add(check);
        check();
        void exited.then(() => setTimeout(check, 0));
      });
    },
    exited,
  };
}
