import { WORK_ID_PATTERN, type WorkOrderKeys } from '../workflow-store.js';

/**
 * The name of a work item's state marker (fs-workflow-store.ts): `<created>~<due>~<id>`, its
 * times in compact form (`compactTime`) and `-` for no due time. A listing sorts these names'
 * keys and reads only the page's documents. An item whose times are not ISO 8601 UTC gets the
 * bare `<id>` earlier versions wrote for every item: its keys come from its document.
 *
 * @example workMarkerName({ id: 'ap_1', created_at: '2026-12-01T10:00:00.000Z' }) // '20261201T100000.000Z~-~ap_1'
 */
export function workMarkerName(doc: WorkOrderKeys): string {
  const keys = compactKeys(doc);
  if (keys === undefined) return doc.id;
  return `${keys.created_at}${MARKER_SEPARATOR}${keys.due_at ?? NO_DUE}${MARKER_SEPARATOR}${doc.id}`;
}

/**
 * A marker name as a listing reads it: the item's id and, unless the name is a bare `<id>`, its
 * keys as the name holds them, in compact form, which sorts as the times themselves do.
 */
export interface MarkerName {
  id: string;
  compact?: WorkOrderKeys;
}

/**
 * The id and compact keys of a marker name, cheaply (a listing reads 10,000 of them): the times
 * are not checked here, and a name no store wrote can only cost a read, its keys never matching
 * a document's (`markerKeysMatch`). Undefined when it is not `<id>` or `<a>~<b>~<id>`.
 */
export function readWorkMarkerName(name: string): MarkerName | undefined {
  const first = name.indexOf(MARKER_SEPARATOR);
  if (first < 0) return WORK_ID_PATTERN.test(name) ? { id: name } : undefined;
  const second = name.indexOf(MARKER_SEPARATOR, first + 1);
  const id = name.slice(second + 1);
  if (second < 0 || first === 0 || second === first + 1 || !WORK_ID_PATTERN.test(id)) return undefined;
  const created = name.slice(0, first);
  const due = name.slice(first + 1, second);
  return {
    id,
    compact: due === NO_DUE ? { id, created_at: created } : { id, created_at: created, due_at: due },
  };
}

/**
 * A marker name as `workMarkerName` wrote it, its times back exactly as the item holds them
 * (what `cs doctor` checks); undefined for a name no version of the store writes.
 */
export function parseWorkMarkerName(name: string): (MarkerName & { keys?: WorkOrderKeys }) | undefined {
  const read = readWorkMarkerName(name);
  if (read?.compact === undefined) return read;
  const keys = isoKeys(read.compact);
  return keys && { ...read, keys };
}

/** Whether a marker points at an item with these times: a bare one whatever they are, a keyed one at its very times. */
export function markerKeysMatch(marker: MarkerName, doc: WorkOrderKeys): boolean {
  if (marker.compact === undefined) return true;
  const keys = compactKeys(doc);
  return keys?.created_at === marker.compact.created_at && keys.due_at === marker.compact.due_at;
}

/**
 * An ISO 8601 UTC time without its `-` and `:` (`2026-12-01T10:00:00.000Z` →
 * `20261201T100000.000Z`; a colon is no file name character on Windows); undefined for any
 * other text. The separators it drops sit at the same places in every such time, so compact
 * times sort as the times do.
 */
export function compactTime(iso: string): string | undefined {
  const m = ISO_TIME.exec(iso);
  return m ? `${m[1]}${m[2]}${m[3]}T${m[4]}${m[5]}${m[6]}${m[7] ?? ''}Z` : undefined;
}

/** An item's keys with compact times; undefined when a time has no compact form. */
export function compactKeys(doc: WorkOrderKeys): WorkOrderKeys | undefined {
  const created = compactTime(doc.created_at);
  if (created === undefined) return undefined;
  if (doc.due_at === undefined) return { id: doc.id, created_at: created };
  const due = compactTime(doc.due_at);
  return due === undefined ? undefined : { id: doc.id, created_at: created, due_at: due };
}

/** Compact keys back as the times they are; undefined when one is no compact time. */
export function isoKeys(compact: WorkOrderKeys): WorkOrderKeys | undefined {
  const created = isoTime(compact.created_at);
  if (created === undefined) return undefined;
  if (compact.due_at === undefined) return { id: compact.id, created_at: created };
  const due = isoTime(compact.due_at);
  return due === undefined ? undefined : { id: compact.id, created_at: created, due_at: due };
}

/** Between the fields: no id (letters, digits, `_`, `-`) or compact time holds it. */
export const MARKER_SEPARATOR = '~';
/** The due field of an item without a due time (a compact time starts with a digit). */
const NO_DUE = '-';
const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?Z$/;
const COMPACT_TIME = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\.\d{1,9})?Z$/;

function isoTime(compact: string): string | undefined {
  const m = COMPACT_TIME.exec(compact);
  return m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${m[7] ?? ''}Z` : undefined;
}
