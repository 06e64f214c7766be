import * as z from 'zod/mini';
import { RECORD_TYPES } from '../../domain/record-types.js';

// The file store's own files besides records. Loaded lazily by fs-record-store.ts so a record
// lookup never loads zod.

export const TrashManifestSchema = z.looseObject({
  trash_id: z.string(),
  type: z.enum(RECORD_TYPES),
  id: z.string(),
  name: z.string(),
  deleted_at: z.string(),
  folder: z.string(),
});
export type TrashManifest = z.infer<typeof TrashManifestSchema>;

/** The listing fields of a saved session (legacy files vary in the rest). */
export const SessionHeadSchema = z.looseObject({
  session_id: z.string(),
  product: z.string(),
  customer: z.string(),
  operator: z.string(),
  timestamp: z.string(),
  review: z.optional(z.looseObject({ resolution_status: z.optional(z.unknown()) })),
});
export type SessionHead = z.infer<typeof SessionHeadSchema>;

export const MockStateSchema = z.record(z.string(), z.unknown());
export const LiveSessionSchema = z.looseObject({ live_id: z.string(), updated_at: z.string() });
