// Moved to src/domain/approval-request.ts (a call raises requests; approvals/ sits above call/).
// Kept while work in progress imports it from here; to be removed.
export * from '../domain/approval-request.js';
