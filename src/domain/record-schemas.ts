import { z } from 'zod';
import { isValidPhone, normalizePhone } from './phone.js';

import { RECORD_TYPES, type RecordType } from './record-types.js';

export { RECORD_TYPES, type RecordType };

/** The four permission categories, in order of precedence (most restrictive first). */
export const PERMISSION_CATEGORIES = [
  'forbidden',
  'requires_supervisor',
  'requires_process',
  'can_approve_immediately',
] as const;
export type PermissionCategory = (typeof PERMISSION_CATEGORIES)[number];

const text = z.string().trim().min(1, 'must not be empty');
const textList = z.array(text);

export const ApiInterfaceSchema = z.looseObject({
  description: text,
  endpoint: z.string().trim().startsWith('/', 'must start with /'),
  method: z
    .string()
    .trim()
    .toUpperCase()
    .pipe(z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE'])),
  params: z.array(z.string().trim().min(1)),
  response_fields: z.array(z.string().trim().min(1)).min(1, 'list at least one response field'),
  mock_enabled: z.boolean(),
  api_base_url: z.url().optional(),
});
export type ApiInterface = z.infer<typeof ApiInterfaceSchema>;

export const OperatorPermissionsSchema = z.strictObject({
  can_approve_immediately: textList,
  requires_supervisor: textList,
  requires_process: textList,
  forbidden: textList,
});
export type OperatorPermissions = z.infer<typeof OperatorPermissionsSchema>;

/**
 * One FAQ entry: plain text (its own question and answer), `{"q","a"}` (the seed's shape) or
 * `{"question","answer"}` (what people and assistants write most often). Stored as given, extra
 * fields kept; read with `readFaqEntry` so every reader takes the same shapes.
 */
export const FaqEntrySchema = z.union(
  [z.looseObject({ q: text, a: text }), z.looseObject({ question: text, answer: text }), text],
  { error: 'each faq entry is text, {"q","a"} or {"question","answer"}' },
);
export type FaqEntry = z.infer<typeof FaqEntrySchema>;

/**
 * The question and answer of a stored FAQ entry, whatever shape it was written in (see
 * `FaqEntrySchema`); undefined for an entry that has none (a record edited by hand may hold one).
 *
 * @example readFaqEntry({ question: '退款多久到账？', answer: '1到3个工作日' })
 *   // { question: '退款多久到账？', answer: '1到3个工作日' }
 */
export function readFaqEntry(entry: unknown): { question: string; answer: string } | undefined {
  if (typeof entry === 'string') {
    const t = entry.trim();
    return t === '' ? undefined : { question: t, answer: t };
  }
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return undefined;
  const e = entry as Record<string, unknown>;
  for (const [q, a] of [
    [e.q, e.a],
    [e.question, e.answer],
  ]) {
    if (typeof q === 'string' && typeof a === 'string' && q.trim() !== '' && a.trim() !== '') {
      return { question: q.trim(), answer: a.trim() };
    }
  }
  return undefined;
}

export const ProductFieldsSchema = z.looseObject({
  name: text,
  description: text,
  features: textList,
  common_issues: textList,
  solutions: textList,
  faq: z.array(FaqEntrySchema),
  escalation_criteria: textList,
  sla: text,
  api_interfaces: z.record(
    z.string().regex(/^[A-Za-z_][\w-]*$/, 'interface names are identifiers'),
    ApiInterfaceSchema,
  ),
  operator_permissions: OperatorPermissionsSchema,
});

/**
 * A phone as text. A whole number is taken too (a hand-edited or imported info.json may hold
 * `"phone": 13800138000`): it is the same phone, and it is written back as a string.
 */
export const PhoneSchema = z
  .union([z.string(), z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER).transform(String)], {
    error: 'must be a phone number (text or digits)',
  })
  .transform(normalizePhone)
  .refine(isValidPhone, 'must be a phone number of 5 to 20 digits (spaces, dashes and +86 are removed)');

export const CUSTOMER_TYPES = ['new', 'returning', 'vip'] as const;

export const InteractionSchema = z.looseObject({
  session_id: z.string(),
  timestamp: z.string(),
  type: z.string(),
  summary: z.string(),
  outcome: z.string(),
});
export type Interaction = z.infer<typeof InteractionSchema>;

export const CustomerFieldsSchema = z.looseObject({
  name: text,
  phone: PhoneSchema,
  type: z.enum(CUSTOMER_TYPES, { error: 'must be new, returning or vip' }),
  background: text,
  communication_style: text,
  special_needs: text,
  interaction_history: z.array(InteractionSchema).optional(),
});

export const OperatorFieldsSchema = z.looseObject({
  name: text,
  methodology: text,
  greeting: text,
  discovery_questions: textList,
  empathy_phrases: textList,
  resolution_steps: textList,
  objection_handling: z.union([z.record(z.string(), z.string()), textList]),
  closing_technique: text,
});

/** Schemas of the user's fields per record type (metadata excluded). */
export const FIELD_SCHEMAS = {
  product: ProductFieldsSchema,
  customer: CustomerFieldsSchema,
  operator: OperatorFieldsSchema,
} as const;

/** Required fields per type, in the seed's order (prompts and docs use it). */
export const REQUIRED_FIELDS: Record<RecordType, readonly string[]> = {
  product: [
    'name',
    'description',
    'features',
    'common_issues',
    'solutions',
    'faq',
    'escalation_criteria',
    'sla',
    'api_interfaces',
    'operator_permissions',
  ],
  customer: ['name', 'phone', 'type', 'background', 'communication_style', 'special_needs'],
  operator: [
    'name',
    'methodology',
    'greeting',
    'discovery_questions',
    'empathy_phrases',
    'resolution_steps',
    'objection_handling',
    'closing_technique',
  ],
};

/** Metadata every stored record carries (legacy format: ISO local time without zone). */
export const MetadataSchema = z.looseObject({
  _id: z.string().regex(/^[0-9a-f]{8}$/, 'must be 8 hex digits'),
  _type: z.enum(RECORD_TYPES),
  _created: z.string(),
  _updated: z.string().optional(),
  name: z.string(),
});

export type ProductFields = z.infer<typeof ProductFieldsSchema>;
export type CustomerFields = z.infer<typeof CustomerFieldsSchema>;
export type OperatorFields = z.infer<typeof OperatorFieldsSchema>;

type Meta<T extends RecordType> = {
  _id: string;
  _type: T;
  _created: string;
  _updated?: string;
  _cold_start?: boolean;
};

/** A stored record: the user's fields, unknown fields kept, plus metadata. */
export type StoredRecord = z.infer<typeof MetadataSchema> & Record<string, unknown>;
export type Product = ProductFields & Meta<'product'>;
export type Customer = CustomerFields & Meta<'customer'>;
export type Operator = OperatorFields & Meta<'operator'>;

/** The record each record type names: `RecordOf<'customer'>` is `Customer`. */
export interface RecordsByType {
  product: Product;
  customer: Customer;
  operator: Operator;
}
export type RecordOf<T extends RecordType> = RecordsByType[T];
/** A product, customer or operator: what a store returns when the type is only known at run time. */
export type AnyRecord = RecordOf<RecordType>;
