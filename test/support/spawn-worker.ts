import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';

/**
 * Starts a Node worker script and resolves once it prints `ready`; `done` resolves with all it
 * printed when it ends with code 0 (rejects otherwise, with its stderr). Settled on 'close', not
 * 'exit': a process may exit before the last of its output has been read, and its result line
 * would be lost (seen under load, as an empty line where the JSON should be).
 */
export function startWorker(
  script: string,
  args: string[],
): Promise<{ child: ChildProcessWithoutNullStreams; done: Promise<string> }> {
  const child = spawn(process.execPath, [script, ...args], { stdio: 'pipe' });
  let out = '';
  let err = '';
  child.stderr.on('data', (d: Buffer) => {
    err += d.toString();
  });
  const done = new Promise<string>((resolve, reject) => {
    child.on('close', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`worker exited ${code}: ${err}`)),
    );
  });
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.startsWith('ready\n')) resolve({ child, done });
    });
    done.catch(reject);
  });
}
