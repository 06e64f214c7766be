import { defineConfig } from 'vitest/config';

/** Tests that need CS_TEST_DATABASE_URL (they skip without it). */
const PG = [
  'src/store/postgres/migrations.test.ts',
  'src/store/postgres/pg-record-store.test.ts',
  'test/contract/pg-*.test.ts',
  'test/contract/legacy-migration.test.ts',
  'test/e2e/postgres-cli.test.ts',
  'test/e2e/eval-postgres.test.ts',
];

/** Tests that spawn processes: the built CLI from dist/ (hence the build), store workers. */
const E2E = ['test/e2e/**/*.test.ts', 'src/store/fs/*.processes.test.ts'];

/** Tests that drive Debian's Chromium against a spawned `cs serve` (they skip without it). */
const BROWSER = ['test/browser/**/*.test.ts'];

/**
 * Four projects so the quick loop stays quick: `unit` (in-process, seconds; no build),
 * `e2e` (spawns the built `cs`), `pg` (PostgreSQL), `browser` (Chromium against `cs serve`).
 * `vitest run` runs them all.
 */
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // e2e tests spawn many processes; keep parallelism modest on a 2-core machine.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'test/contract/*.test.ts', 'web/**/*.test.ts'],
          exclude: [...PG, ...E2E, ...BROWSER],
          // One module graph per worker instead of one per file: importing zod, the stores and the
          // engines again for each of 125 files was more than half of the project's CPU time. The
          // unit tests keep no state between files (no module mocks, stubbed globals or env).
          isolate: false,
          // Temporary folders in memory (/dev/shm), one folder per run: see the file.
          globalSetup: ['test/scratch-folder.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          // As in the unit project: no test here mocks modules or keeps state between files, and
          // importing the helpers and the in-process `cs` again for each file was about a tenth
          // of the project's CPU time.
          isolate: false,
          include: E2E,
          exclude: PG,
          // e2e tests spawn the built bin: build dist/ once before they run.
          globalSetup: ['test/scratch-folder.ts', 'test/global-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'pg',
          include: PG,
          // The PostgreSQL CLI tests spawn the built bin too.
          globalSetup: ['test/scratch-folder.ts', 'test/global-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: BROWSER,
          // `cs serve` from dist/ serving the pages from dist/web: both are built first.
          globalSetup: ['test/scratch-folder.ts', 'test/browser/global-setup.ts'],
        },
      },
    ],
  },
});
