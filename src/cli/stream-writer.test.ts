import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ProgressBar } from './progress-bar.js';
import { StreamWriter, writeJsonArray } from './stream-writer.js';

/** A stream that gathers what is written, and the writer over it. */
function capture() {
  const out = new PassThrough();
  let text = '';
  out.on('data', (d: Buffer) => {
    text += d.toString('utf8');
  });
  return { out, writer: new StreamWriter(out), text: () => text };
}

describe('writeJsonArray', () => {
  it.each([
    { items: [] as unknown[], indent: '' },
    { items: [{ a: 1, b: [1, { c: '中' }] }, 'x', null], indent: '' },
    { items: [{ id: 'x', nested: { deep: [] } }], indent: '  ' },
  ])(
    'writes what JSON.stringify(array, null, 2) writes, item by item ($items.length items)',
    async ({ items, indent }) => {
      const { writer, text } = capture();
      async function* one() {
        yield* items;
      }
      expect(await writeJsonArray(writer, one(), indent)).toBe(items.length);
      await writer.end();
      const expected = JSON.stringify(items, null, 2).replaceAll('\n', `\n${indent}`);
      expect(text()).toBe(expected);
    },
  );

  it('writes a JSON object of streamed arrays that parses back', async () => {
    const { writer, text } = capture();
    await writer.write('{\n  "a": ');
    await writeJsonArray(writer, [{ x: 1 }, { x: 2 }], '  ');
    await writer.write(',\n  "b": ');
    await writeJsonArray(writer, [], '  ');
    await writer.write('\n}');
    await writer.end();
    expect(text()).toBe(JSON.stringify({ a: [{ x: 1 }, { x: 2 }], b: [] }, null, 2));
  });

  it('stops once the reader has gone away', async () => {
    const { out, writer } = capture();
    out.destroy();
    let pulled = 0;
    async function* many() {
      for (let i = 0; i < 1000; i++) {
        pulled++;
        yield { i };
      }
    }
    await writeJsonArray(writer, many(), '');
    expect(writer.closed).toBe(true);
    expect(pulled).toBe(1);
  });
});

describe('ProgressBar', () => {
  it('draws nothing when the stream is not a terminal', () => {
    const { out, text } = capture();
    const bar = new ProgressBar(out, 'Creating', 10);
    bar.update(5);
    bar.done();
    expect(text()).toBe('');
  });

  it('says how far it got, out of how many, and how fast', () => {
    const out = Object.assign(new PassThrough(), { isTTY: true, columns: 100 });
    const bar = new ProgressBar(out, '生成 Creating', 200_000);
    const line = bar.line(50_000, Date.now() + 10_000);
    expect(line).toMatch(/^生成 Creating \[█+░+\] 25% 50,000\/200,000 · 5,000\/s$/);
  });
});
