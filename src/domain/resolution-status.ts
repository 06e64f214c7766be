/**
 * How a call ended, as its review says (seed Step 7). `interrupted`: the call ended by a
 * signal, a crash or an outage and was saved by recovery. Free of zod: the history listing
 * and the CLI's flags use it at start-up.
 */
export const RESOLUTION_STATUSES = ['resolved', 'partially_resolved', 'unresolved', 'interrupted'] as const;
export type ResolutionStatus = (typeof RESOLUTION_STATUSES)[number];
