import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import buildDist from '../global-setup.js';

/** Set once the pages were built in this vitest process. */
const BUILT_WEB = Symbol.for('cs.test.built-web');

/**
 * The browser tests spawn the built `cs serve`, which serves the built pages: build dist/ (once,
 * shared with the e2e project) and then dist/web (Vite). A failed build is reported; the tests
 * then fail on their own.
 */
export default function setup(): void {
  buildDist();
  const state = globalThis as { [BUILT_WEB]?: boolean };
  if (state[BUILT_WEB]) return;
  state[BUILT_WEB] = true;
  try {
    execFileSync(
      process.execPath,
      ['node_modules/vite/bin/vite.js', 'build', '--config', 'web/vite.config.mjs'],
      {
        cwd: fileURLToPath(new URL('../..', import.meta.url)),
        stdio: 'inherit',
      },
    );
  } catch {
    console.warn('browser global-setup: building the pages failed; browser tests will fail.');
  }
}
