import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCall } from './run-call.js';
import { SHARED, tempDb } from './run-cs.js';
import { runCsInProcess } from './run-cs-in-process.js';
import { seedRecords } from './seed-records.js';

interface Scenario {
  name: string;
  phone: string;
  mock?: Record<string, unknown>;
  turns: string[];
  expect: {
    cold_start?: boolean;
    queried?: Array<{ turn: number; any_of: string[] }>;
    reply_any?: Array<{ turn: number; any: string[] }>;
    permission?: Array<{ turn: number; action_includes?: string; status: string }>;
    never_say?: string[];
    customer_after?: { name_includes: string };
  };
}

type Event = Record<string, unknown> & { type: string };

/** Events of each customer turn: from its `customer` event up to the next one. */
function eventsByTurn(events: Event[]): Event[][] {
  const turns: Event[][] = [];
  for (const e of events) {
    if (e.type === 'customer') turns.push([e]);
    else if (turns.length > 0) turns[turns.length - 1]!.push(e);
  }
  return turns;
}

function loadJson<T>(file: string): T {
  return JSON.parse(readFileSync(join(SHARED, 'scenarios', 'calls', file), 'utf8')) as T;
}

/**
 * Runs one scenario file of ../shared/scenarios/calls through `cs call --jsonl` and checks every
 * expectation as the file's `about` describes. Used for the built-in and the LLM agent. The calls
 * run in the test process (the same built code; what a process adds is tested in call-cli and
 * call-recovery): about 60 calls per suite would otherwise be 60 Node starts, each loading the
 * agent and, for the LLM agent, the AI SDK.
 */
export function defineScenarioSuite(options: {
  title: string;
  scenariosFile: string;
  recordsFile: string;
  product: string;
  operator: string;
  lang: 'zh' | 'en';
  extraArgs?: string[];
  env?: () => NodeJS.ProcessEnv;
}): void {
  const file = loadJson<{ scenarios: Scenario[] }>(options.scenariosFile);
  describe(options.title, () => {
    let tmp: Awaited<ReturnType<typeof tempDb>>;
    beforeAll(async () => {
      tmp = await tempDb();
    });
    afterAll(async () => tmp.cleanup());

    it.each(file.scenarios.map((s, i) => [s.name, s, i] as const))('%s', async (_name, scenario, index) => {
      const db = join(tmp.dir, `db-${index}`);
      await seedRecords(db, options.recordsFile);
      for (const [iface, response] of Object.entries(scenario.mock ?? {})) {
        const r = await runCsInProcess([
          'mock',
          'set',
          '--db',
          db,
          '--product',
          options.product,
          '--phone',
          scenario.phone,
          '--interface',
          iface,
          '--response',
          JSON.stringify(response),
        ]);
        expect(r.code, r.stderr).toBe(0);
      }
      const call = await runCall({
        db,
        product: options.product,
        operator: options.operator,
        phone: scenario.phone,
        lang: options.lang,
        turns: scenario.turns,
        args: options.extraArgs ?? [],
        ...(options.env ? { env: options.env() } : {}),
        inProcess: true,
      });
      const { events } = call;
      const started = events[0]!;
      expect(started.type).toBe('session_started');
      expect(events.at(-1)!.type).toBe('session_saved');
      const turns = eventsByTurn(events);
      const agentText = (list: Event[]) =>
        list.filter((e) => e.type === 'agent').map((e) => String(e.content));
      const ex = scenario.expect;

      if (ex.cold_start !== undefined) {
        expect((started.customer as { cold_start: boolean }).cold_start).toBe(ex.cold_start);
      }
      for (const q of ex.queried ?? []) {
        const turn = turns[q.turn] ?? [];
        const firstAgent = turn.findIndex((e) => e.type === 'agent');
        const query = turn.findIndex(
          (e) => e.type === 'system_query' && q.any_of.includes(String(e.interface)),
        );
        expect(query, `turn ${q.turn} queries one of ${q.any_of.join(', ')}`).toBeGreaterThan(-1);
        expect(firstAgent === -1 || query < firstAgent, 'the query comes before the reply').toBe(true);
      }
      for (const p of ex.permission ?? []) {
        const checks = (turns[p.turn] ?? []).filter(
          (e) =>
            e.type === 'permission_check' &&
            (!p.action_includes || String(e.action).includes(p.action_includes)),
        );
        expect(
          checks.map((c) => c.status),
          `turn ${p.turn} checks "${p.action_includes ?? ''}"`,
        ).toContain(p.status);
      }
      for (const r of ex.reply_any ?? []) {
        const text = agentText(turns[r.turn] ?? []).join('\n');
        expect(
          r.any.some((s) => text.includes(s)),
          `turn ${r.turn} reply "${text}" has one of ${r.any.join(' / ')}`,
        ).toBe(true);
      }
      const everything = agentText(events).join('\n');
      for (const banned of ex.never_say ?? []) expect(everything).not.toContain(banned);
      if (ex.customer_after) {
        const read = await runCsInProcess([
          'read',
          'customer',
          '--db',
          db,
          '--phone',
          scenario.phone,
          '--json',
        ]);
        expect(read.code, read.stderr).toBe(0);
        expect(String(JSON.parse(read.stdout).name)).toContain(ex.customer_after.name_includes);
      }
    });
  });
}
