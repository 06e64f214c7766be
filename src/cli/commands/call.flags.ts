import { type CommandSpec, langOption } from '../command-spec.js';

// `cs call`'s flags (handler: call-command.ts).

/** The LLM settings a command may take instead of the CS_LLM_* environment. */
export const LLM_OPTIONS = [
  {
    flags: '--llm-provider <p>',
    description: 'openai-compatible | openai | anthropic (else CS_LLM_PROVIDER)',
  },
  { flags: '--llm-model <m>', description: 'model name (else CS_LLM_MODEL)' },
  { flags: '--llm-base-url <url>', description: 'base URL (else CS_LLM_BASE_URL)' },
] as const;

/** `cs call`. */
export const CALL_COMMANDS: readonly CommandSpec[] = [
  {
    path: ['call'],
    description: 'run a whole customer-service call (客服通话)',
    options: [
      { flags: '--product <name>', description: 'product name or id' },
      { flags: '--operator <name>', description: 'operator strategy name or id' },
      { flags: '--phone <phone>', description: 'caller phone (unknown numbers become cold-start customers)' },
      { flags: '--customer <name>', description: 'caller by customer name' },
      { flags: '--new', description: 'a new caller without a phone' },
      {
        flags: '--agent <kind>',
        description: 'who speaks',
        choices: ['auto', 'rules', 'llm'],
        default: 'auto',
      },
      langOption('call language', 'zh'),
      { flags: '--jsonl', description: 'write JSON events to stdout, one per line' },
      { flags: '--session-id <id>', description: 'the assistant session id used in the saved id' },
      { flags: '--claude-session <id>', description: 'alias of --session-id (seed)' },
      ...LLM_OPTIONS,
    ],
    load: async () => (await import('./call-command.js')).callCommand,
  },
];
