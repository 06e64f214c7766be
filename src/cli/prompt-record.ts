import { createInterface } from 'node:readline/promises';
import { describeIssues } from '../domain/cs-error.js';
import { FIELD_SCHEMAS, REQUIRED_FIELDS, type RecordType } from '../domain/record-schemas.js';

/** Fields that hold lists: typed as items separated by commas, 、 or ；. */
const LIST_FIELDS = new Set([
  'features',
  'common_issues',
  'solutions',
  'escalation_criteria',
  'discovery_questions',
  'empathy_phrases',
  'resolution_steps',
]);
/** Fields that hold objects: typed as JSON. */
const JSON_FIELDS = new Set(['faq', 'api_interfaces', 'operator_permissions', 'objection_handling']);

const HINTS: Record<string, string> = {
  type: 'new / returning / vip',
  methodology: 'HEAR / LAST / LEARN / 自定义',
  faq: 'JSON: [{"question":"...","answer":"..."}] ({"q","a"} and plain text work too)',
  api_interfaces:
    'JSON: {"user_subscription": {"description": ..., "endpoint": "/api/user/{user_id}/subscriptions", ...}}',
  operator_permissions:
    'JSON: {"can_approve_immediately": [...], "requires_supervisor": [...], "requires_process": [...], "forbidden": [...]}',
  objection_handling: 'JSON: {"情况": "应对"}',
};

/** Asks for each required field in a terminal (only called when stdin is one). */
export async function promptForRecord(type: RecordType): Promise<Record<string, unknown>> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const record: Record<string, unknown> = {};
    const shape = FIELD_SCHEMAS[type].shape as Record<
      string,
      {
        safeParse(v: unknown): {
          success: boolean;
          error?: { issues: Array<{ path: PropertyKey[]; message: string }> };
        };
      }
    >;
    for (const field of REQUIRED_FIELDS[type]) {
      const hint = HINTS[field] ?? (LIST_FIELDS.has(field) ? '用逗号分隔 comma-separated' : '');
      for (;;) {
        const answer = (await rl.question(`${field}${hint ? ` (${hint})` : ''}: `)).trim();
        if (answer === '') continue;
        if (JSON_FIELDS.has(field)) {
          try {
            record[field] = JSON.parse(answer);
          } catch {
            process.stderr.write('  不是有效的 JSON, 请重新输入 (not valid JSON, try again)\n');
            continue;
          }
        } else if (LIST_FIELDS.has(field)) {
          record[field] = answer
            .split(/[,，、;；]/)
            .map((s) => s.trim())
            .filter(Boolean);
        } else {
          record[field] = answer;
        }
        // Each answer is checked as it is given, so one typo does not lose the whole record.
        const checked = shape[field]?.safeParse(record[field]);
        if (checked && !checked.success) {
          process.stderr.write(`  ${describeIssues(checked.error?.issues ?? [])}，请重新输入 (try again)\n`);
          continue;
        }
        break;
      }
    }
    return record;
  } finally {
    rl.close();
  }
}

/** y/N question on the terminal; anything but y/yes is no. */
export async function askYesNo(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = (await rl.question(question)).trim().toLowerCase();
    return answer === 'y' || answer === 'yes' || answer === '是';
  } finally {
    rl.close();
  }
}
