import { APPROVAL_STATES } from '../../domain/approval-states.js';
import type { CommandSpec } from '../command-spec.js';

// `cs approvals …` and `cs supervisors …`'s flags (handlers: approvals-commands.ts).

/** The supervisor's inbox. */
export const APPROVAL_COMMANDS: readonly CommandSpec[] = [
  { path: ['approvals'], description: 'approval requests a supervisor decides (the inbox)' },
  {
    path: ['approvals', 'list'],
    description: 'list approval requests, oldest first',
    options: [
      { flags: '--state <state>', description: 'only requests in this state', choices: APPROVAL_STATES },
      { flags: '--overdue', description: 'only pending requests past their due time, the latest first' },
      { flags: '--product <text>', description: 'the product’s id or part of its name' },
      { flags: '--customer <text>', description: 'the customer’s id, part of the name, or phone' },
      { flags: '--limit <n>', description: 'at most n, oldest first (default 100; 0 for all)' },
    ],
    load: async () => (await import('./approvals-commands.js')).approvalsListCommand,
  },
  {
    path: ['approvals', 'show'],
    arguments: '<id>',
    description: 'show one request with its facts, decision, execution and audit trail',
    load: async () => (await import('./approvals-commands.js')).approvalsShowCommand,
  },
  {
    path: ['approvals', 'approve'],
    arguments: '<id>',
    description: 'approve a pending request: re-checks the rules and facts, carries the action out once',
    options: [
      { flags: '--by <name>', description: 'the deciding supervisor', required: true },
      { flags: '--note <text>', description: 'a note kept with the decision' },
    ],
    load: async () => (await import('./approvals-commands.js')).approvalsApproveCommand,
  },
  {
    path: ['approvals', 'reject'],
    arguments: '<id>',
    description: 'reject a pending request (the customer is told)',
    options: [
      { flags: '--by <name>', description: 'the deciding supervisor', required: true },
      { flags: '--reason <text>', description: 'why (kept for the team)', required: true },
    ],
    load: async () => (await import('./approvals-commands.js')).approvalsRejectCommand,
  },
  { path: ['supervisors'], description: 'the people who decide approval requests' },
  {
    path: ['supervisors', 'add'],
    arguments: '<name>',
    description: 'name a supervisor',
    load: async () => (await import('./approvals-commands.js')).supervisorsAddCommand,
  },
  {
    path: ['supervisors', 'list'],
    description: 'list the supervisors',
    load: async () => (await import('./approvals-commands.js')).supervisorsListCommand,
  },
];
