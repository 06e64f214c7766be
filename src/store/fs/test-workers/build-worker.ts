import { type ChildProcess, spawn } from 'node:child_process';
import { symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';
import { makeTempDir } from '../test-db.js';

/** The store worker bundled into a temp folder, runnable with plain `node`. */
export interface BuiltWorker {
  script: string;
  dir: string;
  cleanup: () => Promise<void>;
}

/**
 * Bundles test-workers/store-worker.ts with esbuild into a temp folder whose node_modules links
 * to the project's, so `node worker.mjs` runs the store as built code: its packages bundled as
 * dist/index.js bundles them (the lock and atomic-write packages stay outside, as there). A
 * worker resolving zod's files one by one from node_modules took 0.32 CPU-s to start and save a
 * session against 0.19 so, and these tests start some ninety.
 */
export async function buildStoreWorker(): Promise<BuiltWorker> {
  const temp = await makeTempDir('cs-worker-');
  const script = join(temp.dir, 'store-worker.mjs');
  try {
    await build({
      entryPoints: [join(import.meta.dirname, 'store-worker.ts')],
      outfile: script,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      external: ['proper-lockfile', 'write-file-atomic'],
      logLevel: 'warning',
      // The CommonJS packages bundled into an ES module still `require` Node's own modules.
      banner: {
        js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
      },
    });
    await symlink(join(process.cwd(), 'node_modules'), join(temp.dir, 'node_modules'), 'dir');
  } catch (error) {
    await temp.cleanup();
    throw error;
  }
  return { script, dir: temp.dir, cleanup: temp.cleanup };
}

/** A running worker: its process, the JSON lines it printed so far, and its end. */
export interface RunningWorker {
  child: ChildProcess;
  lines: unknown[];
  stderr: () => string;
  /** Resolves once the worker printed a line matching `test`. */
  waitFor: (test: (line: Record<string, unknown>) => boolean) => Promise<void>;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `node <script> ...args`. */
export function startWorker(script: string, args: string[], env: NodeJS.ProcessEnv = {}): RunningWorker {
  const child = spawn(process.execPath, [script, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  const lines: unknown[] = [];
  const waiters: Array<{ test: (line: Record<string, unknown>) => boolean; resolve: () => void }> = [];
  let buffer = '';
  let err = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    buffer += chunk;
    for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n')) {
      const line = JSON.parse(buffer.slice(0, nl)) as Record<string, unknown>;
      buffer = buffer.slice(nl + 1);
      lines.push(line);
      for (const w of [...waiters]) {
        if (w.test(line)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve();
        }
      }
    }
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    err += chunk;
  });
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('close', (code, signal) => resolve({ code, signal }));
  });
  return {
    child,
    lines,
    stderr: () => err,
    waitFor: (test) =>
      new Promise<void>((resolve, reject) => {
        if (lines.some((l) => test(l as Record<string, unknown>))) return resolve();
        waiters.push({ test, resolve });
        void done.then(() => reject(new Error(`worker ended before the expected line; stderr: ${err}`)));
      }),
    done,
  };
}
