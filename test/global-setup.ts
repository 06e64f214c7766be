import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Set once the build ran in this vitest process: the e2e and pg projects share one build. */
const BUILT = Symbol.for('cs.test.built');

/**
 * End-to-end tests spawn the built bin, so build once before any of them runs. A failed build is
 * reported but does not stop the other tests; the e2e tests then fail on their own.
 */
export default function setup(): void {
  const state = globalThis as { [BUILT]?: boolean };
  if (state[BUILT]) return;
  state[BUILT] = true;
  try {
    execFileSync(process.execPath, ['scripts/build.mjs'], {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      stdio: 'inherit',
    });
  } catch {
    console.warn('global-setup: the build failed; end-to-end tests will fail.');
  }
}
