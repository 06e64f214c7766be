import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CS_BIN = join(PROJECT_ROOT, 'bin', 'cs.js');
export const SHARED = join(PROJECT_ROOT, '..', 'shared');

export interface CsResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built `cs` as a separate process, as a user would. */
export function runCs(
  args: string[],
  options: { input?: string; env?: NodeJS.ProcessEnv; cwd?: string; timeoutMs?: number } = {},
): Promise<CsResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CS_BIN, ...args], {
      cwd: options.cwd ?? PROJECT_ROOT,
      env: { ...cleanEnv(), ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 30_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stdout, stderr });
    });
    child.stdin.end(options.input ?? '');
  });
}

/** The environment without settings that would change which store or model a test uses. */
export function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^CS_(DB|DATABASE_URL|LLM_|API_)/.test(key)) delete env[key];
  }
  return env;
}

/** A temporary database folder, removed by the returned cleanup. */
export async function tempDb(): Promise<{ db: string; dir: string; cleanup(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'cs-test-'));
  return { dir, db: join(dir, 'db'), cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Parses `--jsonl` output: every stdout line must be one JSON event. */
export function parseEvents(stdout: string): Array<Record<string, unknown> & { type: string }> {
  return stdout
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown> & { type: string });
}
