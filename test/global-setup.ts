import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * End-to-end tests spawn the built bin, so build once before any test runs. A failed build is
 * reported but does not stop unit tests; the e2e tests then fail on their own.
 */
export default function setup(): void {
  try {
    execFileSync(process.execPath, ['scripts/build.mjs'], {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      stdio: 'inherit',
    });
  } catch {
    console.warn('global-setup: the build failed; end-to-end tests will fail.');
  }
}
