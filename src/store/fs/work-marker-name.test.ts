import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WORK_ID_PATTERN, type WorkOrderKeys } from '../workflow-store.js';
import {
  compactTime,
  markerKeysMatch,
  parseWorkMarkerName,
  readWorkMarkerName,
  workMarkerName,
} from './work-marker-name.js';

/** Any Windows, macOS or Linux file name refuses these; 255 bytes is the usual limit. */
const FILE_NAME = /^[^<>:"/\\|?*\0]{1,255}$/;

const id = fc.stringMatching(WORK_ID_PATTERN);
/** ISO 8601 UTC as stores write it (`toISOString`), and with other fractions of a second. */
const isoTime = fc.oneof(
  fc
    .date({ min: new Date('1970-01-01'), max: new Date('9999-12-31'), noInvalidDate: true })
    .map((d) => d.toISOString()),
  fc.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/),
);
/** Any text a document may hold as a time. */
const anyTime = fc.oneof(isoTime, fc.string(), fc.constantFrom('', '-', '~', '2026-12-01T10:00:00+08:00'));

function keysOf(itemId: string, created: string, due: string | undefined): WorkOrderKeys {
  return due === undefined
    ? { id: itemId, created_at: created }
    : { id: itemId, created_at: created, due_at: due };
}

describe('workMarkerName', () => {
  it.each([
    [keysOf('ap_1', '2026-12-01T10:00:00.000Z', undefined), '20261201T100000.000Z~-~ap_1'],
    [
      keysOf('ap_1', '2026-12-01T10:00:00Z', '2026-12-01T12:00:00.5Z'),
      '20261201T100000Z~20261201T120000.5Z~ap_1',
    ],
    [keysOf('ap_1', '2026-12-01 10:00', undefined), 'ap_1'],
    [keysOf('ap_1', '2026-12-01T10:00:00.000Z', '2026-12-01T12:00:00+08:00'), 'ap_1'],
  ])('names %o %s', (keys, name) => {
    expect(workMarkerName(keys)).toBe(name);
  });

  it('gives ISO 8601 UTC times back exactly, in a file name any system takes', () => {
    fc.assert(
      fc.property(id, isoTime, fc.option(isoTime, { nil: undefined }), (itemId, created, due) => {
        const keys = keysOf(itemId, created, due);
        const name = workMarkerName(keys);
        expect(name).toMatch(FILE_NAME);
        expect(parseWorkMarkerName(name)).toMatchObject({ id: itemId, keys });
      }),
    );
  });

  it('falls back to the bare id for any other time, never to wrong keys', () => {
    fc.assert(
      fc.property(id, anyTime, fc.option(anyTime, { nil: undefined }), (itemId, created, due) => {
        const keys = keysOf(itemId, created, due);
        const parsed = parseWorkMarkerName(workMarkerName(keys));
        expect(parsed?.id).toBe(itemId);
        if (parsed?.keys !== undefined) expect(parsed.keys).toEqual(keys);
      }),
    );
  });
});

describe('parseWorkMarkerName', () => {
  it.each([
    ['ap_1', { id: 'ap_1' }],
    [
      '20261201T100000.000Z~20261201T120000.000Z~ap_1',
      { id: 'ap_1', keys: keysOf('ap_1', '2026-12-01T10:00:00.000Z', '2026-12-01T12:00:00.000Z') },
    ],
    [
      '20261201T100000.000Z~-~ap_1',
      { id: 'ap_1', keys: keysOf('ap_1', '2026-12-01T10:00:00.000Z', undefined) },
    ],
  ])('reads %s', (name, parsed) => {
    expect(parseWorkMarkerName(name)).toMatchObject(parsed);
  });

  it.each([
    'ap 1',
    '.tmp-ap_1',
    '20261201T100000.000Z~ap_1',
    '20261201T100000.000Z~-~ap_1~x',
    '2026-12-01~-~ap_1',
    '-~-~ap_1',
    '20261201T100000.000Z~~ap_1',
    '20261201T100000.000Z~-~',
  ])('refuses %s (no store writes it)', (name) => {
    expect(parseWorkMarkerName(name)).toBeUndefined();
  });
});

describe('compactTime', () => {
  it('sorts as the times do', () => {
    fc.assert(
      fc.property(isoTime, isoTime, (a, b) => {
        const [ca, cb] = [compactTime(a) ?? '', compactTime(b) ?? ''];
        expect(ca < cb).toBe(a < b);
        expect(ca === cb).toBe(a === b);
      }),
    );
  });
});

describe('readWorkMarkerName', () => {
  it('reads any name a store wrote as it was written, and never matches a doc with other times', () => {
    fc.assert(
      fc.property(
        id,
        anyTime,
        fc.option(anyTime, { nil: undefined }),
        anyTime,
        (itemId, created, due, other) => {
          const keys = keysOf(itemId, created, due);
          const marker = readWorkMarkerName(workMarkerName(keys));
          expect(marker?.id).toBe(itemId);
          expect(marker !== undefined && markerKeysMatch(marker, keys)).toBe(true);
          if (marker?.compact !== undefined && other !== created) {
            expect(markerKeysMatch(marker, { ...keys, created_at: other })).toBe(false);
          }
        },
      ),
    );
  });

  it('takes a name no store wrote for one whose keys match nothing', () => {
    const marker = readWorkMarkerName('abc~def~ap_1');
    expect(marker).toEqual({ id: 'ap_1', compact: { id: 'ap_1', created_at: 'abc', due_at: 'def' } });
    expect(parseWorkMarkerName('abc~def~ap_1')).toBeUndefined();
    expect(markerKeysMatch(marker ?? { id: '' }, keysOf('ap_1', 'abc', 'def'))).toBe(false);
  });
});
