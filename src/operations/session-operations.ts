import { z } from 'zod';
import { emptyCallRecord } from '../call/call-session.js';
import { checkReviewClaims } from '../call/check-review-claims.js';
import { saveCall } from '../call/finish-call.js';
import { listLiveSessions } from '../call/live-session.js';
import { checkCustomerUpdates } from '../domain/check-customer-updates.js';
import { systemClock } from '../domain/clock.js';
import { hasCjk } from '../domain/language.js';
import { isValidPhone, normalizePhone } from '../domain/phone.js';
import { ConversationTurnSchema, ReviewSchema } from '../domain/session-schemas.js';
import { resolveRecord } from '../records/resolve-record.js';
import { defineOperation } from './define-operation.js';

/**
 * `cs session save`, the seed's save_session.py: saves a call an assistant ran itself, with its
 * conversation and review, into history and the customer's interaction_history.
 */
export const saveSessionOperation = defineOperation({
  name: 'save_session',
  title: 'Save a finished call',
  description:
    'Saves a call that was run elsewhere (the seed’s save_session): the conversation and the review go to ' +
    'history (cs_YYYYMMDD_seq_tag) and the call to the customer’s interaction_history, with what was learned ' +
    'about the customer.',
  input: z.object({
    product: z.string().min(1).describe('product name or id'),
    customer: z.string().min(1).describe('customer name, or their phone'),
    operator: z.string().min(1).describe('operator strategy name or id'),
    review: ReviewSchema.describe('the end-of-call review'),
    conversation: ConversationTurnSchema.array().describe('[{"role": "agent|customer", "content": "..."}]'),
    update_customer: z
      .record(z.string(), z.unknown())
      .optional()
      .describe('fields learned about the customer (never the phone)'),
    session_tag: z.string().optional().describe('your own session id, used in the saved id'),
  }),
  async run({ store, clock }, input) {
    // What a review may change about the customer: never the phone.
    if (input.update_customer) checkCustomerUpdates(input.update_customer, 'update_customer');
    checkCustomerUpdates(input.review.customer_updates, 'review.customer_updates');
    const product = await resolveRecord(store, 'product', { name: input.product });
    const operator = await resolveRecord(store, 'operator', { name: input.operator });
    // A customer given as a phone is looked up by phone, else by name.
    const phoneLike = normalizePhone(input.customer);
    const customer =
      isValidPhone(phoneLike) && /^\+?\d+$/.test(phoneLike)
        ? await resolveRecord(store, 'customer', { phone: phoneLike })
        : await resolveRecord(store, 'customer', { name: input.customer });
    const language = input.conversation.some((turn) => hasCjk(turn.content)) ? 'zh' : 'en';
    const now = clock ?? systemClock;
    const record = emptyCallRecord(language, now);
    record.conversation = input.conversation;
    // A call run elsewhere carried nothing out here: a review saying it did is refused.
    checkReviewClaims(input.review, record);
    const saved = await saveCall({
      store,
      product,
      operator,
      customer,
      phone: customer.phone === undefined ? '' : String(customer.phone),
      record,
      review: input.review,
      agent: 'external',
      clock: now,
      ...(input.update_customer ? { customerUpdates: input.update_customer } : {}),
      ...(input.session_tag ? { tag: input.session_tag } : {}),
    });
    return { session_id: saved.sessionId, path: saved.path };
  },
  text: (saved) => `会话已保存 Session saved: ${saved.session_id} (${saved.path})`,
});

/** `cs session list --live`: the calls in progress, with product, customer and age. */
export const listLiveCallsOperation = defineOperation({
  name: 'list_live_calls',
  title: 'List calls in progress',
  description: 'Lists the live calls not yet ended: call id, product, customer, phone, age and turns.',
  readOnly: true,
  input: z.object({}),
  run: ({ store, clock }) => listLiveSessions(store, clock ? { clock } : {}),
  text: (live) =>
    live.length === 0
      ? '没有进行中的会话 No live sessions.'
      : live
          .map(
            (l) =>
              `${l.call_id}  ${l.product}  ${l.customer}${l.phone ? ` ${l.phone}` : ''}  ${l.age}  ${l.turns} ${l.turns === 1 ? 'turn' : 'turns'}${l.ending ? '  (ending)' : ''}`,
          )
          .join('\n'),
});
