// Public library API: only what is named here (no `export *`).
export { CsError, type CsErrorCode } from './domain/cs-error.js';
export { maskPhone, normalizePhone } from './domain/phone.js';
export {
  PERMISSION_CATEGORIES,
  type PermissionCategory,
  RECORD_TYPES,
  type RecordType,
  type StoredRecord,
} from './domain/record-schemas.js';
export type { CallEvent, Review, SessionRecord } from './domain/session-schemas.js';
export type { RecordStore } from './store/record-store.js';
