import { readFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { z } from 'zod';
import { CsError, describeIssues } from '../domain/cs-error.js';
import { isValidPhone, normalizePhone } from '../domain/phone.js';
import { RECORD_TYPES, type RecordType } from '../domain/record-types.js';
import { validateRecordFields } from '../domain/record-validation.js';
import { PermissionStatusSchema, ReviewSchema } from '../domain/session-schemas.js';

// The suite format of ../shared/design/EVAL.md. Every object is strict: a misspelt check or
// field is an error naming the scenario, never a check that silently passes.

const turn = z.number().int().min(0);
const text = z.string().min(1);

export const ExpectSchema = z.strictObject({
  cold_start: z.boolean().optional(),
  queried: z.array(z.strictObject({ turn, any_of: z.array(text).min(1) })).optional(),
  permission: z
    .array(z.strictObject({ turn, status: PermissionStatusSchema, action_includes: text.optional() }))
    .optional(),
  quiet_turns: z.array(turn).optional(),
  no_ticket_turns: z.array(turn).optional(),
  reply_any: z.array(z.strictObject({ turn, any: z.array(text).min(1) })).optional(),
  never_say: z.array(text).optional(),
  approved_amount_max: z.strictObject({ concept: text, max: z.number().min(0) }).optional(),
  review_status_in: z.array(ReviewSchema.shape.resolution_status).min(1).optional(),
  customer_after: z.strictObject({ name_includes: text }).optional(),
});
export type Expectations = z.infer<typeof ExpectSchema>;

export const PersonaSchema = z.strictObject({
  /** What the caller wants from the call. */
  goal: text,
  /** What the caller knows and may say when asked (order numbers, dates ...). */
  knows: z.union([z.string(), z.array(z.string()), z.record(z.string(), z.unknown())]).optional(),
  /** How the caller talks. */
  style: z.string().optional(),
  max_turns: z.number().int().min(1).max(50).default(8),
});
export type Persona = z.infer<typeof PersonaSchema>;

export const ScenarioSchema = z
  .strictObject({
    name: text,
    product: text.optional(),
    operator: text.optional(),
    phone: text.optional(),
    customer: text.optional(),
    new: z.literal(true).optional(),
    lang: z.enum(['zh', 'en']).default('zh'),
    mock: z.record(z.string(), z.record(z.string(), z.unknown())).optional(),
    turns: z.array(z.string()).min(1).optional(),
    persona: PersonaSchema.optional(),
    expect: ExpectSchema,
  })
  .superRefine((s, ctx) => {
    if ((s.turns === undefined) === (s.persona === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['turns'], message: 'give either turns or persona' });
    }
    const callers = [s.phone, s.customer, s.new].filter((v) => v !== undefined).length;
    if (callers > 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['phone'],
        message: 'name the caller once: phone, customer or new',
      });
    }
    if (s.phone !== undefined && !isValidPhone(normalizePhone(s.phone))) {
      ctx.addIssue({ code: 'custom', path: ['phone'], message: `"${s.phone}" is not a phone number` });
    }
  });
export type Scenario = z.infer<typeof ScenarioSchema>;

const SuiteFileSchema = z.strictObject({
  about: z.string().optional(),
  records: text.optional(),
  scenarios: z.array(z.unknown()).min(1),
});

/** The records every call of a suite starts from, validated as `cs create --data` does. */
export type SuiteRecords = Record<RecordType, Array<Record<string, unknown>>>;

export interface Suite {
  file: string;
  about: string;
  recordsFile: string;
  records: SuiteRecords;
  scenarios: Scenario[];
}

/**
 * Reads a suite and its records and checks them against each other: every error is one line
 * naming the file, the scenario and the field (CsError E_USAGE: exit 2), and nothing has run.
 *
 * @example const suite = await loadSuite('eval/calls.json');
 */
export async function loadSuite(file: string, options: { records?: string } = {}): Promise<Suite> {
  const raw = await readJson(file);
  const parsed = SuiteFileSchema.safeParse(raw);
  if (!parsed.success) throw suiteError(file, describeIssues(parsed.error.issues));
  const recordsRef = options.records ?? parsed.data.records;
  if (recordsRef === undefined) {
    throw suiteError(file, 'no records file: add "records": "records.json" or give --records FILE');
  }
  const recordsFile = options.records ? resolve(recordsRef) : resolve(dirname(file), recordsRef);
  const records = parseRecords(recordsFile, await readJson(recordsFile));

  const names = new Set<string>();
  const scenarios = parsed.data.scenarios.map((entry, i) => {
    const label =
      typeof entry === 'object' && entry !== null && typeof (entry as { name?: unknown }).name === 'string'
        ? `scenario "${(entry as { name: string }).name}"`
        : `scenario #${i + 1}`;
    const scenario = ScenarioSchema.safeParse(entry);
    if (!scenario.success) throw suiteError(file, `${label}: ${describeIssues(scenario.error.issues)}`);
    if (names.has(scenario.data.name)) throw suiteError(file, `${label}: name: used by another scenario`);
    names.add(scenario.data.name);
    const problem = crossCheck(scenario.data, records);
    if (problem) throw suiteError(file, `${label}: ${problem}`);
    return scenario.data;
  });
  return {
    file: resolve(file),
    about: parsed.data.about ?? basename(file),
    recordsFile,
    records,
    scenarios,
  };
}

async function readJson(file: string): Promise<unknown> {
  let body: string;
  try {
    body = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw suiteError(file, code === 'ENOENT' ? 'no such file' : `cannot be read (${code})`);
  }
  try {
    return JSON.parse(body);
  } catch (error) {
    throw suiteError(file, `not JSON (${(error as Error).message})`);
  }
}

function parseRecords(file: string, raw: unknown): SuiteRecords {
  const shape = z
    .strictObject({
      about: z.string().optional(),
      products: z.array(z.record(z.string(), z.unknown())).min(1),
      customers: z.array(z.record(z.string(), z.unknown())).default([]),
      operators: z.array(z.record(z.string(), z.unknown())).min(1),
    })
    .safeParse(raw);
  if (!shape.success) throw suiteError(file, describeIssues(shape.error.issues));
  const lists = {
    product: shape.data.products,
    customer: shape.data.customers,
    operator: shape.data.operators,
  };
  for (const type of RECORD_TYPES) {
    for (const [i, record] of lists[type].entries()) {
      try {
        validateRecordFields(type, record);
      } catch (error) {
        if (!CsError.isInstance(error)) throw error;
        const name = typeof record.name === 'string' ? ` "${record.name}"` : '';
        throw suiteError(file, `${type}s[${i}]${name}: ${error.message}`);
      }
    }
  }
  return lists;
}

/** What a scenario names must exist in the records: products, operators, callers, interfaces. */
function crossCheck(scenario: Scenario, records: SuiteRecords): string | undefined {
  const product = scenario.product
    ? records.product.find((p) => p.name === scenario.product)
    : records.product[0];
  if (!product) return `product: no product "${scenario.product}" in the records`;
  if (scenario.operator && !records.operator.some((o) => o.name === scenario.operator)) {
    return `operator: no operator "${scenario.operator}" in the records`;
  }
  if (scenario.customer && !records.customer.some((c) => c.name === scenario.customer)) {
    return `customer: no customer "${scenario.customer}" in the records`;
  }
  if (scenario.mock && scenario.phone === undefined && scenario.customer === undefined) {
    return 'mock: backend responses are for a caller: give phone or customer';
  }
  const interfaces = Object.keys((product.api_interfaces as Record<string, unknown> | undefined) ?? {});
  const unknown = (name: string) => !interfaces.includes(name);
  const badMock = Object.keys(scenario.mock ?? {}).find(unknown);
  if (badMock) return `mock.${badMock}: product "${product.name}" has no interface "${badMock}"`;
  for (const [i, q] of (scenario.expect.queried ?? []).entries()) {
    const bad = q.any_of.find(unknown);
    if (bad) return `expect.queried.${i}.any_of: product "${product.name}" has no interface "${bad}"`;
  }
  return undefined;
}

function suiteError(file: string, message: string): CsError {
  return new CsError('E_USAGE', `${file}: ${message}.`.replace(/\.\.$/, '.'));
}
