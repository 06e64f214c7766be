import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEvents, tempDb } from '../support/run-cs.js';
import { runCsInProcess } from '../support/run-cs-in-process.js';
import { seedRecords } from '../support/seed-records.js';
import { hasScript, typeInTerminal } from '../support/type-in-terminal.js';

// Issue 11, "Rough edges a new user hit": each edge through the built CLI, as the user met it
// (in the test process, its own streams and exit code; in a terminal through `script`).

const PRODUCT = '会员订阅服务';
const OPERATOR = 'HEAR策略';

const customer = (name: string, phone: string) => ({
  name,
  phone,
  type: 'new',
  background: '新用户',
  communication_style: '直接',
  special_needs: '无',
});

describe('rough edges a new user hit', () => {
  let tmp: Awaited<ReturnType<typeof tempDb>>;
  let db: string;
  const cs = (args: string[], input?: string) =>
    runCsInProcess([...args, '--db', db], input === undefined ? {} : { input });
  const customers = async () =>
    (JSON.parse((await cs(['list', '--type', 'customer', '--json'])).stdout) as Array<{ name: string }>).map(
      (c) => c.name,
    );

  beforeAll(async () => {
    tmp = await tempDb();
    db = tmp.db;
    await seedRecords(db);
  });
  afterAll(async () => tmp.cleanup());

  it('cs create --file with an array writes nothing when an element fails, naming its index and field', async () => {
    const before = await customers();
    const file = join(tmp.dir, 'customers.json');
    await writeFile(
      file,
      JSON.stringify([
        customer('甲先生', '13700000001'),
        { ...customer('乙女士', '13700000002'), type: 'gold' },
      ]),
    );
    const bad = await cs(['create', 'customer', '--file', file]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/Record \[1\] of 2: .*type/);
    expect(bad.stderr).toContain('nothing was created');
    expect(await customers()).toEqual(before);

    await writeFile(
      file,
      JSON.stringify([customer('甲先生', '13700000001'), customer('乙女士', '13700000001')]),
    );
    const twice = await cs(['create', 'customer', '--file', file]);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toMatch(/Record \[1\] of 2: phone 13700000001 is also the phone of record \[0\]/);
    expect(await customers()).toEqual(before);
  });

  it('cs restore takes the record name or id; several deleted records of one name exit 1 listing them', async () => {
    const created = JSON.parse(
      (
        await cs([
          'create',
          'customer',
          '--json',
          '--data',
          JSON.stringify(customer('丙先生', '13700000003')),
        ])
      ).stdout,
    ) as { _id: string };
    expect((await cs(['delete', 'customer', '--id', created._id])).code).toBe(0);
    const byName = await cs(['restore', '丙先生', '--json']);
    expect(byName.code, byName.stderr).toBe(0);
    expect(JSON.parse(byName.stdout)._id).toBe(created._id);

    expect((await cs(['delete', 'customer', '--id', created._id])).code).toBe(0);
    const other = await cs([
      'create',
      'customer',
      '--json',
      '--data',
      JSON.stringify(customer('丙先生', '13700000004')),
    ]);
    expect((await cs(['delete', 'customer', '--id', JSON.parse(other.stdout)._id])).code).toBe(0);
    const several = await cs(['restore', '丙先生']);
    expect(several.code).toBe(1);
    const trash = JSON.parse((await cs(['restore', '--json'])).stdout) as Array<{
      trash_id: string;
      name: string;
    }>;
    for (const entry of trash.filter((t) => t.name === '丙先生'))
      expect(several.stderr).toContain(entry.trash_id);

    const byId = await cs(['restore', created._id, '--json']);
    expect(byId.code, byId.stderr).toBe(0);
    expect(JSON.parse(byId.stdout).phone).toBe('13700000003');
  });

  it('cs mock show --product names a missing product and exits 1', async () => {
    const r = await cs(['mock', 'show', '--product', '不存在的产品']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('不存在的产品');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('cs call --new starts a caller with no phone, not an invented number', async () => {
    const r = await cs(
      ['call', '--product', PRODUCT, '--operator', OPERATOR, '--new', '--agent', 'rules', '--jsonl'],
      '为什么扣了我15块\n结束通话\n',
    );
    expect(r.code, r.stderr).toBe(0);
    const events = parseEvents(r.stdout);
    const started = events[0] as unknown as {
      customer: { name: string; phone: string; cold_start: boolean };
    };
    expect(started.customer).toMatchObject({ phone: '', cold_start: true });
    expect(started.customer.name).toMatch(/^来电客户_新_/);
    const query = events.find((e) => e.type === 'system_query');
    expect(query).toMatchObject({ ok: false, error: expect.stringContaining('来电号码未知') });
    const read = JSON.parse(
      (await cs(['read', 'customer', '--name', started.customer.name, '--json'])).stdout,
    );
    expect(read).not.toHaveProperty('phone');
    expect(read._phone_unknown).toBe(true);
  });

  it('cs call without a caller flag and without a terminal is a usage error', async () => {
    const r = await cs(['call', '--product', PRODUCT, '--operator', OPERATOR], '');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--phone .*--customer .*--new/);
  });

  it.each([
    ['zh', '拜拜', '先问一下退款多久到账？'],
    ['zh', '好的谢谢，再见！', '我要退款'],
    ['en', 'bye', 'one more thing'],
    ['en', "That's all, thanks.", 'one more thing'],
  ])(
    'a %s goodbye-only line (%s) ends the call with the closing and saves it',
    async (lang, goodbye, after) => {
      const operator = JSON.parse((await cs(['read', 'operator', '--name', OPERATOR, '--json'])).stdout);
      const r = await cs(
        [
          'call',
          '--product',
          PRODUCT,
          '--operator',
          OPERATOR,
          '--phone',
          '13800138000',
          '--agent',
          'rules',
          '--lang',
          lang,
          '--jsonl',
        ],
        `${lang === 'zh' ? '你好' : 'hello there'}\n${goodbye}\n${after}\n`,
      );
      expect(r.code, r.stderr).toBe(0);
      const events = parseEvents(r.stdout);
      const said = events.filter((e) => e.type === 'customer').map((e) => e.content);
      expect(said.at(-1)).toBe(goodbye);
      expect(said).not.toContain(after);
      const lastAgent = events.filter((e) => e.type === 'agent').at(-1)?.content;
      expect(lastAgent).toBe(
        lang === 'zh' ? operator.closing_technique : 'Thanks for calling. Have a good day, goodbye.',
      );
      expect(events.at(-1)?.type).toBe('session_saved');
    },
  );

  it.each([
    ['zh', '拜拜之前再问一下，退款多久到账？'],
    ['en', 'bye, but first: how long does a refund take?'],
  ])('a %s goodbye inside a question is answered and the call goes on', async (_lang, question) => {
    const r = await cs(
      [
        'call',
        '--product',
        PRODUCT,
        '--operator',
        OPERATOR,
        '--phone',
        '13800138000',
        '--agent',
        'rules',
        '--jsonl',
      ],
      `${question}\n还在吗\n结束通话\n`,
    );
    expect(r.code, r.stderr).toBe(0);
    const said = parseEvents(r.stdout)
      .filter((e) => e.type === 'customer')
      .map((e) => e.content);
    expect(said).toEqual([question, '还在吗']);
  });

  it('cs session save takes a review without customer_updates', async () => {
    const r = await cs([
      'session',
      'save',
      '--json',
      '--product',
      PRODUCT,
      '--operator',
      OPERATOR,
      '--customer',
      '13800138000',
      '--review',
      JSON.stringify({
        resolution_status: 'resolved',
        issue_summary: '咨询退款时效',
        actions_taken: [],
        follow_up_required: false,
      }),
      '--conversation',
      JSON.stringify([{ role: 'customer', content: '退款多久到账？' }]),
      '--update-customer',
      JSON.stringify({ communication_style: '简洁' }),
    ]);
    expect(r.code, r.stderr).toBe(0);
    const saved = JSON.parse(
      (await cs(['history', 'show', JSON.parse(r.stdout).session_id, '--json'])).stdout,
    );
    expect(saved.review.customer_updates).toEqual({ communication_style: '简洁' });
  });

  it('cs session list --live shows product, customer and age, in the table and in --json', async () => {
    const started = await cs([
      'session',
      'start',
      '--json',
      '--product',
      PRODUCT,
      '--operator',
      OPERATOR,
      '--phone',
      '13800138000',
    ]);
    expect(started.code, started.stderr).toBe(0);
    const json = JSON.parse((await cs(['session', 'list', '--live', '--json'])).stdout) as Array<
      Record<string, unknown>
    >;
    expect(json[0]).toMatchObject({
      product: PRODUCT,
      customer: expect.any(String),
      age_seconds: expect.any(Number),
      age: expect.stringMatching(/秒 · \d+ s|分钟 · \d+ min/),
    });
    const table = (await cs(['session', 'list', '--live'])).stdout;
    expect(table).toContain(PRODUCT);
    expect(table).toContain(String(json[0]?.customer));
    expect(table).toMatch(/\d+(秒|分钟) · \d+ (s|min)/);
  });

  it.skipIf(!hasScript)(
    'cs call without a caller asks for the phone in a terminal; empty is a new caller',
    async () => {
      const { code, screen } = await typeInTerminal(
        ['call', '--db', db, '--product', PRODUCT, '--operator', OPERATOR, '--agent', 'rules'],
        ['', '结束通话'],
      );
      expect(code).toBe(0);
      expect(screen).toContain("来电号码 Caller's phone (empty for unknown):");
      expect(screen).toContain('来电号码: （未知）');
      const typed = await typeInTerminal(
        ['call', '--db', db, '--product', PRODUCT, '--operator', OPERATOR, '--agent', 'rules'],
        ['abc', '13800138000', '结束通话'],
      );
      expect(typed.code).toBe(0);
      expect(typed.screen).toContain('not a phone number');
      expect(typed.screen).toContain('来电号码: 13800138000');
    },
  );
});
