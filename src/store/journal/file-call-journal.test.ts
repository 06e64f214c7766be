import { spawnSync } from 'node:child_process';
import { appendFile, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallJournalHeader } from '../call-journal.js';
import { FileCallJournal } from './file-call-journal.js';

const header = (callId: string): CallJournalHeader => ({
  call_id: callId,
  owner: { host: 'h', pid: 42, started: 7 },
  started_at: '2026-11-30T10:00:00+08:00',
  product_id: 'aaaaaaaa',
  operator_id: 'bbbbbbbb',
  customer_id: 'cccccccc',
  phone: '13800138000',
  cold_start: false,
  language: 'zh',
  agent: 'rules',
});

describe('FileCallJournal', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cs-journal-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('keeps every change in order once flushed', async () => {
    const journal = new FileCallJournal(dir);
    const writer = await journal.start(header('call_1'));
    for (let i = 0; i < 50; i++) writer.append({ list: 'conversation', entry: { n: i } });
    await writer.flush();
    const read = await journal.read('call_1');
    expect(read?.header.call_id).toBe('call_1');
    expect(read?.changes.map((c) => (c as { entry: { n: number } }).entry.n)).toEqual(
      Array.from({ length: 50 }, (_, i) => i),
    );
    await writer.close();
  });

  it('drops the torn last line a killed writer leaves', async () => {
    const journal = new FileCallJournal(dir);
    const writer = await journal.start(header('call_2'));
    writer.append({ list: 'tickets', entry: { id: 'T1' } });
    await writer.close();
    await appendFile(join(dir, 'call_2.jsonl'), '{"list":"tick');
    expect((await journal.read('call_2'))?.changes).toEqual([{ list: 'tickets', entry: { id: 'T1' } }]);
  });

  it('never shows a journal without its header: a start cut short leaves only a temporary file', async () => {
    const journal = new FileCallJournal(dir);
    const writer = await journal.start(header('call_3'));
    await writer.close();
    expect((await readdir(dir)).sort()).toEqual(['call_3.jsonl']);
    // A process killed before its rename leaves this: no problem to report, removed once old.
    const temp = join(dir, 'call_4.jsonl.ab12cd34.tmp');
    await writeFile(temp, '{"call_id":"call_4"');
    expect(await journal.list()).toMatchObject({ problems: [] });
    const old = new Date(Date.now() - 120_000);
    await utimes(temp, old, old);
    await journal.list();
    expect((await readdir(dir)).sort()).toEqual(['call_3.jsonl']);
    // One naming its process: removed at once when that process is gone, kept while it lives.
    const gone = spawnSync(process.execPath, ['-e', '0']).pid;
    await writeFile(join(dir, `call_5.jsonl.${gone}-ab12cd34.tmp`), '{"call_id":"call_5"');
    await writeFile(join(dir, `call_6.jsonl.${process.pid}-ab12cd34.tmp`), '{"call_id":"call_6"');
    await journal.list();
    expect((await readdir(dir)).sort()).toEqual(['call_3.jsonl', `call_6.jsonl.${process.pid}-ab12cd34.tmp`]);
  });

  it('lists journals, naming the unreadable ones and removing old empty starts', async () => {
    const journal = new FileCallJournal(dir);
    await (await journal.start(header('call_ok'))).close();
    await writeFile(join(dir, 'call_bad.jsonl'), 'not json\n');
    await writeFile(join(dir, 'call_torn.jsonl'), '{"call_id":');
    const old = new Date(Date.now() - 120_000);
    await utimes(join(dir, 'call_torn.jsonl'), old, old);
    const { headers, problems } = await journal.list();
    expect(headers.map((h) => h.call_id)).toEqual(['call_ok']);
    expect(problems).toEqual([join(dir, 'call_bad.jsonl')]);
    await expect(readFile(join(dir, 'call_torn.jsonl'))).rejects.toThrow();
  });

  it('refuses call ids that could leave its folder', async () => {
    const journal = new FileCallJournal(dir);
    await expect(journal.start(header('../x'))).rejects.toThrow(/Call id/);
  });
});
