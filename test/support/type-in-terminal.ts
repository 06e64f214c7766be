import { spawn, spawnSync } from 'node:child_process';
import { stripVTControlCharacters } from 'node:util';
import { CS_BIN, PROJECT_ROOT } from './run-cs.js';

/** Whether `script` (util-linux) is here to give the command a real terminal, as a person at a keyboard has. */
export const hasScript = spawnSync('script', ['--version']).status === 0;

/** A prompt waiting for its answer: the screen's last line ends in `:`, `：` or `>` (and spaces). */
const PROMPT = /[:：>] *$/;

/**
 * Runs `cs` in a pseudo-terminal and types each line once a prompt waits for it, as a person
 * reads before typing (a fixed pause per line cost seconds and typed too early on a busy machine);
 * returns what the screen showed.
 */
export function typeInTerminal(args: string[], lines: string[]): Promise<{ code: number; screen: string }> {
  return new Promise((resolve, reject) => {
    const command = [process.execPath, CS_BIN, ...args]
      .map((a) => `'${a.replaceAll("'", "'\\''")}'`)
      .join(' ');
    const child = spawn('script', ['-qfec', command, '/dev/null'], {
      cwd: PROJECT_ROOT,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let screen = '';
    /** Where the screen stood when the last line was typed: its echo and the next prompt follow. */
    let typedAt: number | undefined;
    let i = 0;
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      screen += d;
      if (i >= lines.length) return;
      const since = stripVTControlCharacters(screen.slice(typedAt ?? 0));
      // After a typed line, its echo (a line break) must come before the next prompt counts.
      if ((typedAt === undefined || since.includes('\n')) && PROMPT.test(since)) {
        typedAt = screen.length;
        child.stdin.write(`${lines[i++]}\n`);
      }
    });
    child.stdin.on('error', () => undefined);
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, screen }));
  });
}
