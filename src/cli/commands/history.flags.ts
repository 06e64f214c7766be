import { RESOLUTION_STATUSES } from '../../domain/resolution-status.js';
import type { CommandSpec } from '../command-spec.js';

// `cs history …`'s flags (handlers: history-commands.ts, light to load).

const DAY = 'YYYYMMDD or YYYY-MM-DD';

/** `cs history list|show`. */
export const HISTORY_COMMANDS: readonly CommandSpec[] = [
  { path: ['history'], description: 'saved call history' },
  {
    path: ['history', 'list'],
    description: 'list saved sessions',
    options: [
      { flags: '--date <date>', description: `one day: ${DAY}` },
      { flags: '--since <date>', description: `from this day on (${DAY})` },
      { flags: '--until <date>', description: `up to this day (${DAY})` },
      {
        flags: '--customer <text>',
        description: 'part of the customer’s name, their id, or (part of) their phone',
      },
      { flags: '--product <text>', description: 'part of the product’s name, or its id' },
      { flags: '--status <status>', description: 'review resolution status', choices: RESOLUTION_STATUSES },
      { flags: '--limit <n>', description: 'the newest n sessions (default 100; 0 for all)' },
    ],
    load: async () => (await import('./history-commands.js')).historyListCommand,
  },
  {
    path: ['history', 'show'],
    arguments: '<session_id>',
    description: 'show one saved session',
    load: async () => (await import('./history-commands.js')).historyShowCommand,
  },
];
