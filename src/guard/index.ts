// The reply guard: reads what an agent (LLM or outside assistant) wants to say and stops what
// the call has not established. Pure functions of the draft and the call's record.
export { type GuardAgentTurnInput, type GuardedCallRecord, guardAgentTurn } from './guard-agent-turn.js';
export { type GuardReviewClaimsInput, guardReviewClaims } from './guard-review-claims.js';
export { productNumbers } from './product-numbers.js';
export { type GuardReplyInput, type GuardRule, type GuardVerdict, guardReply } from './reply-guard.js';
