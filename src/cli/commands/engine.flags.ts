import { collectParam } from '../cli-context.js';
import { type CommandSpec, callOptions, langOption } from '../command-spec.js';

// The engines' commands (handlers: engine-commands.ts): permission checks, system queries and
// the mock backend.

/** `cs permit|query|mock set|mock show|mock-server`. */
export const ENGINE_COMMANDS: readonly CommandSpec[] = [
  {
    path: ['permit'],
    description: 'check an action against a product’s permission rules (权限检查)',
    options: [
      {
        flags: '--product <name>',
        description: 'product name or id (comes from the live session with --session)',
      },
      { flags: '--action <text>', description: 'the requested action, e.g. 退款200元', required: true },
      ...callOptions('record the check into a live call'),
      langOption('block language'),
    ],
    load: async () => (await import('./engine-commands.js')).permitCommand,
  },
  {
    path: ['query'],
    description: 'query a product system interface for a caller (系统查询)',
    options: [
      { flags: '--product <name>', description: 'product name or id' },
      { flags: '--phone <phone>', description: 'caller phone' },
      { flags: '--interface <name>', description: 'interface name from api_interfaces' },
      { flags: '--endpoint <path>', description: 'endpoint path, matched against the interface templates' },
      { flags: '--param <k=v>', description: 'a parameter (repeatable)', parse: collectParam },
      ...callOptions('record the query into a live call (product and phone come from it)'),
      langOption('block language'),
    ],
    load: async () => (await import('./engine-commands.js')).queryCommand,
  },
  { path: ['mock'], description: 'mock backend state' },
  {
    path: ['mock', 'set'],
    description: 'fix the response of an interface for a caller',
    options: [
      { flags: '--product <name>', description: 'product name or id', required: true },
      { flags: '--phone <phone>', description: 'caller phone', required: true },
      { flags: '--interface <name>', description: 'interface name', required: true },
      { flags: '--response <json>', description: 'the response JSON', required: true },
    ],
    load: async () => (await import('./engine-commands.js')).mockSetCommand,
  },
  {
    path: ['mock', 'show'],
    description: 'print the mock backend state',
    options: [
      { flags: '--product <name>', description: 'product name or id' },
      { flags: '--phone <phone>', description: 'caller phone' },
    ],
    load: async () => (await import('./engine-commands.js')).mockShowCommand,
  },
  {
    path: ['mock-server'],
    description: 'serve the mock backend over HTTP on 127.0.0.1',
    options: [
      { flags: '--port <n>', description: 'port (0 picks a free one)', default: '8787' },
      { flags: '--any-caller', description: 'answer for any phone, not only the customers in the database' },
    ],
    load: async () => (await import('./engine-commands.js')).mockServerCommand,
  },
];
