import { type CommandSpec, callOptions, langOption } from '../command-spec.js';

// `cs session …`'s flags (handlers: session-commands.ts): calls driven one command at a time.

/** The assistant's own session id, the seed's `--claude-session`, and its alias. */
const SESSION_TAG_OPTIONS = [
  { flags: '--claude-session <id>', description: 'assistant session id' },
  { flags: '--session-id <id>', description: 'assistant session id' },
] as const;

const LIVE_CALL = 'the live call id (call_…) from `cs session start`';

/** `cs session save|start|turn|act|ticket|end|list`. */
export const SESSION_COMMANDS: readonly CommandSpec[] = [
  { path: ['session'], description: 'calls driven one command at a time' },
  {
    path: ['session', 'save'],
    description: 'save a finished call (the seed’s save_session)',
    options: [
      ...SESSION_TAG_OPTIONS,
      { flags: '--product <name>', description: 'product name', required: true },
      { flags: '--customer <name>', description: 'customer name (or phone)', required: true },
      { flags: '--operator <name>', description: 'operator name', required: true },
      { flags: '--review <json>', description: 'review JSON', required: true },
      { flags: '--conversation <json>', description: 'conversation JSON array', required: true },
      { flags: '--update-customer <json>', description: 'fields learned about the customer' },
    ],
    load: async () => (await import('./session-commands.js')).sessionSaveCommand,
  },
  {
    path: ['session', 'start'],
    description: 'start a live call session',
    options: [
      { flags: '--product <name>', description: 'product name or id' },
      { flags: '--operator <name>', description: 'operator strategy name or id' },
      { flags: '--phone <phone>', description: 'caller phone' },
      { flags: '--customer <name>', description: 'caller by customer name' },
      { flags: '--new', description: 'a new caller without a phone' },
      langOption('call language', 'zh'),
      ...SESSION_TAG_OPTIONS,
    ],
    load: async () => (await import('./session-commands.js')).sessionStartCommand,
  },
  {
    path: ['session', 'turn'],
    description: 'record one turn of a live session',
    options: [
      ...callOptions(LIVE_CALL, true),
      { flags: '--role <role>', description: 'who spoke', choices: ['customer', 'agent'], required: true },
      { flags: '--content <text>', description: 'what was said', required: true },
    ],
    load: async () => (await import('./session-commands.js')).sessionTurnCommand,
  },
  {
    path: ['session', 'act'],
    description: 'carry out an action this live session approved (changes the backend state)',
    options: [
      ...callOptions(LIVE_CALL, true),
      {
        flags: '--action <text>',
        description: 'the action exactly as approved by `cs permit --session`',
        required: true,
      },
    ],
    load: async () => (await import('./session-commands.js')).sessionActCommand,
  },
  {
    path: ['session', 'ticket'],
    description: 'open a ticket (工单) in a live session',
    options: [
      ...callOptions(LIVE_CALL, true),
      {
        flags: '--kind <kind>',
        description: 'the outcome it is for',
        choices: ['requires_supervisor', 'requires_process'],
        required: true,
      },
      { flags: '--summary <text>', description: 'what it is about', required: true },
    ],
    load: async () => (await import('./session-commands.js')).sessionTicketCommand,
  },
  {
    path: ['session', 'end'],
    description: 'end a live session and save it',
    options: [
      ...callOptions(LIVE_CALL, true),
      { flags: '--review <json>', description: 'review JSON (made from the record when omitted)' },
      { flags: '--update-customer <json>', description: 'fields learned about the customer' },
    ],
    load: async () => (await import('./session-commands.js')).sessionEndCommand,
  },
  {
    path: ['session', 'list'],
    description: 'list sessions (live ones with --live)',
    options: [{ flags: '--live', description: 'live sessions not yet ended' }],
    load: async () => (await import('./session-commands.js')).sessionListCommand,
  },
];
