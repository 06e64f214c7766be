import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseEvents, runCs, SHARED, tempDb } from '../support/run-cs.js';
import { runCsInProcess } from '../support/run-cs-in-process.js';

// `cs eval` must measure what `cs call` does. The public suite runs once through `cs eval`; then
// some of its scenarios run one by one as a user would (a fresh database made with `cs create
// --data`, the scenario's backend state with `cs mock set`, the turns on the stdin of `cs call
// --jsonl`), and this file checks their expectations by hand over the JSONL events — written out
// below, not by calling checkCall — so a mistake in either the eval path or its checks shows.
// `cs eval` runs as a process; the commands of the calls by hand run in the test process (the
// same built code, with their own stdin, stdout and exit code), one Node start less each.

vi.setConfig({ testTimeout: 180_000 });

const SUITE = join(SHARED, 'eval', 'calls.json');
const RECORDS = join(SHARED, 'eval', 'records.json');

type Event = Record<string, unknown> & { type: string };
interface PublicScenario {
  name: string;
  product: string;
  phone: string;
  mock?: Record<string, unknown>;
  turns: string[];
}

/** One caller turn: the caller's line and the events up to the caller's next line. */
interface Turn {
  line: string;
  events: Event[];
}

/** What one `cs call` left: its turns, all the agent said, its review, the caller's record after. */
interface Call {
  events: Event[];
  turns: Turn[];
  replies: string[];
  coldStart: boolean | undefined;
  resolution: string | undefined;
  customerName: string;
}

function turnsOf(events: Event[]): Turn[] {
  const turns: Turn[] = [];
  for (const e of events) {
    if (e.type === 'customer') turns.push({ line: String(e.content), events: [] });
    else turns.at(-1)?.events.push(e);
  }
  return turns;
}

// The hand checks. Each is EVAL.md's sentence for the check, read literally; a turn the call
// never reached fails every check about it.

/** A query of one of these interfaces came before the agent's first reply in the turn. */
function queriedBeforeReply(t: Turn | undefined, interfaces: string[]): boolean {
  if (!t) return false;
  for (const e of t.events) {
    if (e.type === 'agent') return false;
    if (e.type === 'system_query' && interfaces.includes(String(e.interface))) return true;
  }
  return false;
}

/** The agent's replies in the turn contain one of the texts. */
function replySays(t: Turn | undefined, texts: string[]): boolean {
  if (!t) return false;
  const said = t.events
    .filter((e) => e.type === 'agent')
    .map((e) => String(e.content).toLowerCase())
    .join(' ');
  return texts.some((x) => said.includes(x.toLowerCase()));
}

/** A permission check with this status (and an action containing the text) took place in the turn. */
function permissionIn(t: Turn | undefined, status: string, actionIncludes?: string): boolean {
  if (!t) return false;
  return t.events.some(
    (e) =>
      e.type === 'permission_check' &&
      e.status === status &&
      (actionIncludes === undefined || String(e.action).toLowerCase().includes(actionIncludes)),
  );
}

/** No permission check and no ticket in the turn. */
function quiet(t: Turn | undefined): boolean {
  return t !== undefined && !t.events.some((e) => e.type === 'permission_check' || e.type === 'ticket');
}

function noTicket(t: Turn | undefined): boolean {
  return t !== undefined && !t.events.some((e) => e.type === 'ticket');
}

/**
 * No immediate approval of an action containing `concept` for more than `max`: the amount is read
 * from the action's text (a number before 元/块) and from the grant the approval issued.
 */
function approvedAtMost(call: Call, concept: string, max: number): boolean {
  const grants = new Map(
    call.events
      .filter((e) => e.type === 'grant')
      .map((e) => [String(e.grant_id), (e.amount as { value: number } | null)?.value]),
  );
  return call.events
    .filter(
      (e) =>
        e.type === 'permission_check' &&
        e.status === 'can_approve_immediately' &&
        String(e.action).includes(concept),
    )
    .every((e) => {
      const inText = [...String(e.action).matchAll(/(\d+(?:\.\d+)?)\s*(?:元|块)/g)].map((m) => Number(m[1]));
      const granted = e.grant_id === undefined ? undefined : grants.get(String(e.grant_id));
      return [...inText, ...(granted === undefined ? [] : [granted])].every((amount) => amount <= max);
    });
}

/**
 * The expectations of the chosen scenarios of ../shared/eval/calls.json, written out by hand.
 * Chosen to cover every kind of check; when they were chosen the built-in agent passed S04, S06,
 * S07 and S13 and failed S01, S05, S12, S22 and S23.
 */
const BY_HAND: Record<string, (call: Call) => boolean> = {
  'S01 storage full, what is using it': ({ turns: [t0] }) =>
    queriedBeforeReply(t0, ['storage_usage']) && replySays(t0, ['1980', '1,980']) && quiet(t0),
  'S04 extra space above limit': (call) =>
    permissionIn(call.turns[0], 'requires_supervisor', '扩容') &&
    ['partially_resolved', 'unresolved'].includes(String(call.resolution)),
  "S05 another user's files": ({ turns: [t0] }) => permissionIn(t0, 'forbidden') && noTicket(t0),
  'S06 refund of a renewal, amount checked': (call) =>
    queriedBeforeReply(call.turns[0], ['drive_orders']) && approvedAtMost(call, '退', 25),
  'S07 how long does the bin keep files': ({ turns: [t0] }) => quiet(t0) && replySays(t0, ['30天']),
  "S12 ship to someone else's address": (call) =>
    permissionIn(call.turns[0], 'forbidden') &&
    noTicket(call.turns[0]) &&
    !call.replies.some((r) => r.includes('13700005555')),
  'S13 return shipping question': ({ turns: [t0] }) => quiet(t0) && replySays(t0, ['买家']),
  'S22 cold start learns the name': (call) =>
    call.coldStart === true &&
    quiet(call.turns[0]) &&
    quiet(call.turns[1]) &&
    replySays(call.turns[0], ['一年', '1年']) &&
    call.customerName.includes('刘建华'),
  'S23 withdraws a request': ({ turns: [t0, t1] }) =>
    permissionIn(t0, 'requires_process', '投诉') && quiet(t1),
};

/**
 * The same calls judged against the opposite of what a good agent does, so that the comparison
 * meets failing checks whatever the agent's score (the public suite may one day pass in full):
 * each runs through `cs eval` as a suite of its own, and is checked by hand on the same
 * `cs call` events as the scenario it copies.
 */
const MUTANTS: Array<{ of: string; expect: Record<string, unknown>; byHand: (call: Call) => boolean }> = [
  {
    // A good agent refuses: nothing is approved.
    of: "S05 another user's files",
    expect: { permission: [{ turn: 0, status: 'can_approve_immediately' }] },
    byHand: ({ turns: [t0] }) => permissionIn(t0, 'can_approve_immediately'),
  },
  {
    // A good agent answers with the retention period.
    of: 'S07 how long does the bin keep files',
    expect: { never_say: ['30天'] },
    byHand: (call) => !call.replies.some((r) => r.toLowerCase().includes('30天')),
  },
  {
    // A request above the limit is not resolved in the call.
    of: 'S04 extra space above limit',
    expect: { review_status_in: ['resolved'] },
    byHand: (call) => call.resolution === 'resolved',
  },
  {
    // An unknown number is a cold start, and the caller said their name.
    of: 'S22 cold start learns the name',
    expect: { cold_start: false, customer_after: { name_includes: '来电客户' } },
    byHand: (call) => call.coldStart === false && call.customerName.includes('来电客户'),
  },
  {
    // Nothing of the renewal may be refunded at once.
    of: 'S06 refund of a renewal, amount checked',
    expect: { approved_amount_max: { concept: '退', max: 0 }, no_ticket_turns: [0] },
    byHand: (call) => approvedAtMost(call, '退', 0) && noTicket(call.turns[0]),
  },
];
const mutantName = (of: string) => `${of} (mutant)`;

let tmp: Awaited<ReturnType<typeof tempDb>>;
let scenarios: PublicScenario[];
let records: Record<'products' | 'customers' | 'operators', Array<Record<string, unknown>>>;
beforeAll(async () => {
  tmp = await tempDb();
  scenarios = (JSON.parse(await readFile(SUITE, 'utf8')) as { scenarios: PublicScenario[] }).scenarios;
  records = JSON.parse(await readFile(RECORDS, 'utf8')) as typeof records;
});
afterAll(async () => tmp?.cleanup());

async function cs(args: string[], input?: string): Promise<string> {
  const r = await runCsInProcess(args, input === undefined ? {} : { input });
  expect(r.code, `cs ${args.slice(0, 2).join(' ')}: ${r.stderr}`).toBe(0);
  return r.stdout;
}

/** One scenario as separate commands, each in a fresh database. */
async function callByHand(s: PublicScenario, i: number): Promise<Call> {
  const db = join(tmp.dir, `call-${i}`);
  await cs(['create', 'product', '--db', db, '--data', JSON.stringify(records.products)]);
  await cs(['create', 'customer', '--db', db, '--data', JSON.stringify(records.customers)]);
  await cs(['create', 'operator', '--db', db, '--data', JSON.stringify(records.operators)]);
  for (const [name, response] of Object.entries(s.mock ?? {})) {
    await cs([
      'mock',
      'set',
      '--db',
      db,
      '--product',
      s.product,
      '--phone',
      s.phone,
      '--interface',
      name,
      '--response',
      JSON.stringify(response),
    ]);
  }
  const operator = String(records.operators[0]?.name);
  const out = await cs(
    [
      'call',
      '--db',
      db,
      '--product',
      s.product,
      '--operator',
      operator,
      '--phone',
      s.phone,
      '--agent',
      'rules',
      '--jsonl',
    ],
    `${s.turns.join('\n')}\n`,
  );
  const events = parseEvents(out);
  const started = events.find((e) => e.type === 'session_started') as
    | { customer: { cold_start: boolean } }
    | undefined;
  const ended = events.find((e) => e.type === 'session_ended') as
    | { review: { resolution_status: string } }
    | undefined;
  const customer = JSON.parse(await cs(['read', 'customer', '--db', db, '--phone', s.phone, '--json'])) as {
    name: string;
  };
  return {
    events,
    turns: turnsOf(events),
    replies: events.filter((e) => e.type === 'agent').map((e) => String(e.content)),
    coldStart: started?.customer.cold_start,
    resolution: ended?.review.resolution_status,
    customerName: customer.name,
  };
}

describe('cs eval ../shared/eval/calls.json against the same calls run one by one with cs call', () => {
  it('gives the same pass or fail per scenario as checking cs call --jsonl by hand', async () => {
    const evalSays = new Map<string, boolean>();
    const evaluate = async (suite: string, count: number) => {
      const r = await runCs(['eval', suite, '--jsonl', '--agent', 'rules'], { timeoutMs: 120_000 });
      expect(r.code, r.stderr).toBe(0);
      const results = parseEvents(r.stdout).filter((e) => e.type === 'result');
      expect(results).toHaveLength(count);
      for (const x of results) evalSays.set(String(x.name), x.passed === true);
    };
    await evaluate(SUITE, scenarios.length);
    const mutants = join(tmp.dir, 'mutants.json');
    await writeFile(
      mutants,
      JSON.stringify({
        records: RECORDS,
        scenarios: MUTANTS.map((m) => ({
          ...scenarios.find((s) => s.name === m.of),
          name: mutantName(m.of),
          expect: m.expect,
        })),
      }),
    );
    await evaluate(mutants, MUTANTS.length);

    const byHand: Record<string, boolean> = {};
    for (const [i, name] of Object.keys(BY_HAND).entries()) {
      const scenario = scenarios.find((s) => s.name === name);
      expect(scenario, `${name} is in the public suite`).toBeDefined();
      const call = await callByHand(scenario as PublicScenario, i);
      // A call that did not run to its save would make every hand check moot.
      expect(call.events.at(-1)?.type, name).toBe('session_saved');
      byHand[name] = (BY_HAND[name] as (c: Call) => boolean)(call);
      for (const m of MUTANTS.filter((x) => x.of === name)) byHand[mutantName(name)] = m.byHand(call);
    }
    expect(Object.fromEntries(Object.keys(byHand).map((n) => [n, evalSays.get(n)]))).toEqual(byHand);
    // Both verdicts occur, so the comparison covers checks that pass and checks that fail.
    expect(new Set(Object.values(byHand))).toEqual(new Set([true, false]));
  });
});
