import { accessSync, chmodSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Set once the scratch folder is made in this vitest process (every project lists this setup). */
const MADE = Symbol.for('cs.test.scratch-folder');

/**
 * The tests' temporary folders (databases, journals, built workers, browser profiles) go into
 * one folder per run, in memory-backed /dev/shm where the machine has it: the stores sync their
 * writes (write-file-atomic's fsync, the journal's fdatasync), and on a shared disk those syncs
 * were a good part of the file-store tests' time. TMPDIR is set before any worker starts, so the
 * workers and every process they spawn inherit it; the folder is removed when the run ends, with
 * whatever a killed process left in it. `CS_TEST_TMPDIR` chooses another parent.
 */
export default function setup(): (() => void) | undefined {
  const state = globalThis as { [MADE]?: boolean };
  if (state[MADE]) return undefined;
  state[MADE] = true;
  const folder = mkdtempSync(join(parentFolder(), 'cs-test-'));
  // Open to all with the sticky bit, as /tmp is: the throw-away PostgreSQL runs as its own user.
  chmodSync(folder, 0o1777);
  process.env.TMPDIR = folder;
  return () => rmSync(folder, { recursive: true, force: true });
}

function parentFolder(): string {
  const chosen = process.env.CS_TEST_TMPDIR?.trim();
  if (chosen) return chosen;
  try {
    accessSync('/dev/shm', constants.W_OK);
    return '/dev/shm';
  } catch {
    return tmpdir();
  }
}
