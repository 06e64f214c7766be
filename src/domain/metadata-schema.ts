import { RECORD_TYPES } from './record-types.js';

/**
 * Checks the metadata every stored record carries (`_id` 8 hex, `_type`, `_created`, optional
 * `_updated`, `name`); returns what is wrong, or undefined. The same rule as `MetadataSchema`
 * in record-schemas.ts, written without zod because the file store runs it on every record it
 * reads and `cs read` must start fast (loading zod costs more than the whole lookup).
 */
export function checkRecordMetadata(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not a JSON object';
  const v = value as Record<string, unknown>;
  if (typeof v._id !== 'string' || !/^[0-9a-f]{8}$/.test(v._id)) return '_id: must be 8 hex digits';
  if (typeof v._type !== 'string' || !(RECORD_TYPES as readonly string[]).includes(v._type)) {
    return '_type: must be product, customer or operator';
  }
  if (typeof v._created !== 'string') return '_created: must be a string';
  if (v._updated !== undefined && typeof v._updated !== 'string') return '_updated: must be a string';
  if (typeof v.name !== 'string') return 'name: must be a string';
  return undefined;
}
