import type { CommandSpec } from '../command-spec.js';

// `cs outbox …`'s flags (handlers: outbox-commands.ts).

/** `cs outbox list|retry`: the webhook deliveries of customer notifications. */
export const OUTBOX_COMMANDS: readonly CommandSpec[] = [
  { path: ['outbox'], description: 'webhook deliveries of customer notifications (CS_WEBHOOK_URL)' },
  {
    path: ['outbox', 'list'],
    description: 'list webhook deliveries, oldest first',
    options: [
      {
        flags: '--state <state>',
        description: 'only this state',
        choices: ['pending', 'failed', 'delivered'],
      },
    ],
    load: async () => (await import('./outbox-commands.js')).outboxListCommand,
  },
  {
    path: ['outbox', 'retry'],
    arguments: '[id]',
    description: 'send one delivery again, or every pending and failed one (exit 1 if any still fails)',
    load: async () => (await import('./outbox-commands.js')).outboxRetryCommand,
  },
];
