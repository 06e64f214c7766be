import type { CommandSpec } from './command-spec.js';
import { APPROVAL_COMMANDS } from './commands/approvals.flags.js';
import { ASSISTANT_COMMANDS } from './commands/assistant.flags.js';
import { CALL_COMMANDS } from './commands/call.flags.js';
import { ENGINE_COMMANDS } from './commands/engine.flags.js';
import { EVAL_COMMANDS } from './commands/eval.flags.js';
import { HISTORY_COMMANDS } from './commands/history.flags.js';
import { OUTBOX_COMMANDS } from './commands/outbox.flags.js';
import { RECORD_COMMANDS } from './commands/records.flags.js';
import { SERVE_COMMANDS } from './commands/serve.flags.js';
import { SESSION_COMMANDS } from './commands/session.flags.js';
import { STORE_COMMANDS } from './commands/store.flags.js';
import { TICKET_COMMANDS } from './commands/tickets.flags.js';

/**
 * Every `cs` command, in the order `cs --help` lists them; program.ts builds the program from this
 * list. A group (`session`) comes before its subcommands.
 */
export const COMMANDS: readonly CommandSpec[] = [
  ...RECORD_COMMANDS,
  ...ENGINE_COMMANDS,
  ...CALL_COMMANDS,
  ...SESSION_COMMANDS,
  ...HISTORY_COMMANDS,
  ...APPROVAL_COMMANDS,
  ...TICKET_COMMANDS,
  ...OUTBOX_COMMANDS,
  ...ASSISTANT_COMMANDS,
  ...EVAL_COMMANDS,
  ...SERVE_COMMANDS,
  ...STORE_COMMANDS,
];
