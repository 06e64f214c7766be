// Public library API: only what is named here (no `export *`). The CLI is one client of it; the
// MCP server another. Heavy parts (LLM SDK, MCP SDK, pg) stay behind their own lazy imports.

export { prepareAgent } from './agent/choose-agent.js';
export { createRulesAgent } from './agent/rules/rules-agent.js';
export { buildReview } from './call/build-review.js';
export type { CallAgent, CallContext, CallTools } from './call/call-agent.js';
export { type CallBackend, type CallRecordState, CallSession } from './call/call-session.js';
export { parseReview, saveCall } from './call/finish-call.js';
export {
  endLiveSession,
  listLiveSessions,
  recordLiveTurn,
  startLiveSession,
  withLiveSession,
} from './call/live-session.js';
export { runConversation } from './call/run-call.js';
export { type CallerRef, type CallParticipants, startCall } from './call/start-call.js';
export { type Clock, systemClock } from './domain/clock.js';
export { CsError, type CsErrorCode, ERROR_CODES } from './domain/cs-error.js';
export { detectLanguage, type Language } from './domain/language.js';
export { maskPhone, normalizePhone } from './domain/phone.js';
export {
  type AnyRecord,
  type Customer,
  type Operator,
  PERMISSION_CATEGORIES,
  type PermissionCategory,
  type Product,
  RECORD_TYPES,
  type RecordOf,
  type RecordType,
} from './domain/record-schemas.js';
export type { CallEvent, Review, SessionRecord } from './domain/session-schemas.js';
export { type GuardVerdict, guardAgentTurn, guardReply } from './guard/index.js';
export { buildKnowledgeIndex, type KnowledgeIndex } from './knowledge/index.js';
export type { KnowledgeHit } from './knowledge/knowledge-hit.js';
export { generateRecords } from './mock/generate-records.js';
export {
  type ActionRequest,
  type CompiledRules,
  checkPermission,
  compileRules,
  findActionRequests,
  type PermissionDecision,
  parseNumber,
  parseQuantities,
  type Quantity,
} from './permissions/index.js';
export { createRecord, deleteRecord, updateRecord } from './records/record-service.js';
export { type RecordRef, resolveRecord } from './records/resolve-record.js';
export { renderPermissionBlock } from './render/permission-block.js';
export { renderSystemQueryBlock } from './render/system-query-block.js';
export { MemoryRecordStore } from './store/memory/memory-record-store.js';
export { openStore, resolveDbLocation } from './store/open-store.js';
export type { RecordStore } from './store/record-store.js';
export { createSystemBackend, resolveQuery, startMockServer } from './systems/index.js';
