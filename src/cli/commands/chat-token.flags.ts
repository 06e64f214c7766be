import type { CommandSpec } from '../command-spec.js';

// `cs chat-token`'s flags (handler: chat-token-command.ts); `cs serve`'s command list registers it.

/** `cs chat-token --phone P [--product P] [--ttl MIN]`: a signed chat token for tests and demos. */
export const CHAT_TOKEN_COMMANDS: CommandSpec[] = [
  {
    path: ['chat-token'],
    description: 'print a signed chat token for /chat/<product>?token=… (tests and demos)',
    options: [
      { flags: '--phone <phone>', description: 'the customer the chat is for', required: true },
      { flags: '--product <name>', description: 'only for this product’s chat (name or id)' },
      { flags: '--ttl <minutes>', description: 'minutes until it expires', default: '60' },
    ],
    load: async () => (await import('./chat-token-command.js')).chatTokenCommand,
  },
];
