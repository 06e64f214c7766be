import type { CommandSpec } from '../command-spec.js';
import { CHAT_TOKEN_COMMANDS } from './chat-token.flags.js';

// `cs serve`, `cs users …` and `cs chat-token`'s flags (handlers: serve-commands.ts,
// chat-token-command.ts). Nothing here loads the server: hono comes with the handler.

const ROLES = ['agent', 'supervisor', 'admin'] as const;

/** The web console, the chat page and the JSON API, and the people who sign in to them. */
export const SERVE_COMMANDS: readonly CommandSpec[] = [
  {
    path: ['serve'],
    description: 'serve the web console, the customer chat page and the JSON API (/api/openapi.json)',
    options: [
      { flags: '--port <port>', description: 'the port to listen on', default: '8080' },
      {
        flags: '--host <host>',
        description: 'the address to listen on (only this machine by default)',
        default: '127.0.0.1',
      },
    ],
    load: async () => (await import('./serve-commands.js')).serveCommand,
  },
  { path: ['users'], description: 'the people who sign in to cs serve' },
  {
    path: ['users', 'add'],
    arguments: '<name>',
    description:
      'add a user and print their one-time password (supervisors and admins also decide approvals)',
    options: [{ flags: '--role <role>', description: 'what they may do', choices: ROLES, required: true }],
    load: async () => (await import('./serve-commands.js')).usersAddCommand,
  },
  {
    path: ['users', 'token'],
    arguments: '<name>',
    description: 'print a new API token for a user (Authorization: Bearer …)',
    load: async () => (await import('./serve-commands.js')).usersTokenCommand,
  },
  ...CHAT_TOKEN_COMMANDS,
];
