/**
 * The states of an approval request (see approval-request.ts for the lifecycle), with no
 * dependencies: the inbox listing and the CLI's flags read them without loading zod.
 */
export const APPROVAL_STATES = [
  'pending',
  'approved',
  'rejected',
  'expired',
  'withdrawn',
  'invalidated',
  'executing',
  'executed',
  'failed',
] as const;
export type ApprovalState = (typeof APPROVAL_STATES)[number];

/** The states a request does not leave. */
export const FINAL_APPROVAL_STATES = [
  'rejected',
  'expired',
  'withdrawn',
  'invalidated',
  'executed',
  'failed',
] as const satisfies readonly ApprovalState[];
