import type { CommandSpec } from '../command-spec.js';

// The record commands' flags (handlers: records-commands.ts, records-read-commands.ts).

const RECORD_TYPE = 'product | customer | operator';

const refOptions = [
  { flags: '--name <name>', description: 'exact or unique partial name' },
  { flags: '--id <id>', description: 'record id' },
  { flags: '--phone <phone>', description: 'customer phone (customers only)' },
] as const;

/** `cs create|read|update|delete|restore|list`. */
export const RECORD_COMMANDS: readonly CommandSpec[] = [
  {
    path: ['create'],
    arguments: '<type>',
    description: `create a record (${RECORD_TYPE}); prompts for fields in a terminal`,
    options: [
      { flags: '--data <json>', description: 'the record as JSON' },
      { flags: '--file <path>', description: 'read the record JSON from a file' },
      { flags: '--mock', description: 'generate realistic records' },
      {
        flags: '--count <n>',
        description: 'how many mock records (up to 1000000, written in batches of 1000)',
        default: '1',
      },
      { flags: '--seed <s>', description: 'seed for mock generation (same seed, same records)' },
      { flags: '--lang <zh|en>', description: 'language of mock records', default: 'zh' },
    ],
    load: async () => (await import('./records-commands.js')).createCommand,
  },
  {
    path: ['read'],
    arguments: '<type>',
    description: `read one record (${RECORD_TYPE})`,
    options: refOptions,
    load: async () => (await import('./records-read-commands.js')).readCommand,
  },
  {
    path: ['update'],
    arguments: '<type>',
    description: `update a record (top-level merge) (${RECORD_TYPE})`,
    options: [
      ...refOptions,
      { flags: '--updates <json>', description: 'fields to set, as JSON', required: true },
    ],
    load: async () => (await import('./records-commands.js')).updateCommand,
  },
  {
    path: ['delete'],
    arguments: '<type>',
    description: `delete a record (recoverable with \`cs restore\`) (${RECORD_TYPE})`,
    options: [
      ...refOptions,
      { flags: '--force', description: 'delete even if saved call history names it' },
      { flags: '--yes', description: 'do not ask for confirmation in a terminal' },
    ],
    load: async () => (await import('./records-commands.js')).deleteCommand,
  },
  {
    path: ['restore'],
    arguments: '[ref]',
    description: 'restore a deleted record by trash id, record id or name (lists the trash without one)',
    load: async () => (await import('./records-commands.js')).restoreCommand,
  },
  {
    path: ['list'],
    description: 'list records',
    options: [
      { flags: '--type <type>', description: 'only this type', choices: ['product', 'customer', 'operator'] },
      { flags: '--verbose', description: 'show every field' },
    ],
    load: async () => (await import('./records-read-commands.js')).listCommand,
  },
];
