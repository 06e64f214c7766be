import type { CommandSpec, OptionSpec } from '../command-spec.js';

// `cs tickets …` and `cs audit`'s flags (handlers: tickets-commands.ts).

const STATES = ['open', 'in_progress', 'waiting_customer', 'resolved', 'closed'] as const;
const load = (name: keyof typeof import('./tickets-commands.js')) => async () =>
  (await import('./tickets-commands.js'))[name];

const BY: OptionSpec = {
  flags: '--by <name>',
  description: 'who does it (kept in the audit trail; default cli)',
};
const NOTE: OptionSpec = { flags: '--note <text>', description: 'why (kept in the audit trail)' };

/** Tickets (工单) opened in calls, worked on after the call, and the audit trail. */
export const TICKET_COMMANDS: readonly CommandSpec[] = [
  { path: ['tickets'], description: 'tickets (工单) opened in calls: lifecycle and SLA clocks' },
  {
    path: ['tickets', 'list'],
    description: 'list tickets, oldest first (every one not closed unless --state)',
    options: [
      { flags: '--state <state>', description: 'only tickets in this state', choices: STATES },
      { flags: '--overdue', description: 'only tickets with an SLA clock past due' },
      { flags: '--assignee <name>', description: 'only tickets assigned to this name' },
      { flags: '--product <text>', description: 'the product’s id or part of its name' },
      { flags: '--customer <text>', description: 'the customer’s id, part of the name, or phone' },
    ],
    load: load('ticketsListCommand'),
  },
  {
    path: ['tickets', 'show'],
    arguments: '<id>',
    description: 'show one ticket with its SLA clocks and comments',
    load: load('ticketsShowCommand'),
  },
  {
    path: ['tickets', 'assign'],
    arguments: '<id>',
    description: 'assign a ticket to someone',
    options: [{ flags: '--to <name>', description: 'the assignee', required: true }, BY],
    load: load('ticketsAssignCommand'),
  },
  {
    path: ['tickets', 'comment'],
    arguments: '<id>',
    description: 'add a comment to a ticket',
    options: [
      { flags: '--by <name>', description: 'who comments', required: true },
      { flags: '--text <text>', description: 'the comment', required: true },
    ],
    load: load('ticketsCommentCommand'),
  },
  {
    path: ['tickets', 'start'],
    arguments: '<id>',
    description: 'start working on an open ticket, or again after waiting for the customer',
    options: [BY, NOTE],
    load: load('ticketsStartCommand'),
  },
  {
    path: ['tickets', 'wait'],
    arguments: '<id>',
    description: 'wait for the customer (a ticket in progress)',
    options: [BY, NOTE],
    load: load('ticketsWaitCommand'),
  },
  {
    path: ['tickets', 'resolve'],
    arguments: '<id>',
    description: 'resolve a ticket, saying how',
    options: [
      { flags: '--by <name>', description: 'who resolved it', required: true },
      { flags: '--note <text>', description: 'how it was resolved', required: true },
    ],
    load: load('ticketsResolveCommand'),
  },
  {
    path: ['tickets', 'reopen'],
    arguments: '<id>',
    description: 'reopen a resolved ticket',
    options: [BY, NOTE],
    load: load('ticketsReopenCommand'),
  },
  {
    path: ['tickets', 'close'],
    arguments: '<id>',
    description: 'close a resolved ticket (final)',
    options: [BY, NOTE],
    load: load('ticketsCloseCommand'),
  },
  {
    path: ['tickets', 'overdue'],
    description: 'tickets with an SLA clock past due, the longest overdue first',
    load: load('ticketsOverdueCommand'),
  },
  {
    path: ['audit'],
    description: 'the audit trail of an approval request, a ticket, or everything since a day',
    options: [
      { flags: '--approval <id>', description: 'one approval request’s changes' },
      { flags: '--ticket <id>', description: 'one ticket’s changes' },
      { flags: '--since <date>', description: 'changes since a day (YYYY-MM-DD) or an ISO 8601 time' },
    ],
    load: load('auditCommand'),
  },
];
