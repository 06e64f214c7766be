import type { CommandSpec } from '../command-spec.js';

// The database commands (handlers: store-commands.ts, doctor-command.ts, recover-command.ts).

/** `cs migrate|export|doctor|recover`. */
export const STORE_COMMANDS: readonly CommandSpec[] = [
  {
    path: ['migrate'],
    description: 'copy a file database into PostgreSQL (re-runnable)',
    options: [
      { flags: '--from <dir>', description: 'file database folder', required: true },
      { flags: '--to <url>', description: 'postgres:// URL', required: true },
    ],
    load: async () => (await import('./store-commands.js')).migrateCommand,
  },
  {
    path: ['export'],
    description: 'write the database in the seed’s folder layout',
    options: [{ flags: '--to <dir>', description: 'target folder', required: true }],
    load: async () => (await import('./store-commands.js')).exportCommand,
  },
  {
    path: ['doctor'],
    description: 'check the database for damaged files, stale index, locks, leftovers; --fix repairs',
    options: [
      {
        flags: '--fix',
        description: 'repair what is safe (index, temp folders, abandoned locks, field types, READMEs)',
      },
      {
        flags: '--move-corrupt',
        description: 'with --fix: move damaged files aside to <file>.corrupt-<time> (nothing is deleted)',
      },
    ],
    load: async () => (await import('./doctor-command.js')).doctorCommand,
  },
  {
    path: ['recover'],
    description: 'save calls left unsaved by a crash, a kill or a database outage',
    load: async () => (await import('./recover-command.js')).recoverCommand,
  },
];
