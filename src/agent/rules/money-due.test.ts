import { describe, expect, it } from 'vitest';
import { queryRecord } from '../../../test/support/query-record.js';
import type { CallContext } from '../../call/call-agent.js';
import type { SystemQueryRecord } from '../../domain/session-schemas.js';
import { refundDue } from './money-due.js';

/** A query of a call, its response replaced by each test. */
const bookings = queryRecord('bookings', {});

describe('refundDue: a quote that gives its refunds case by case', () => {
  const quoted: SystemQueryRecord = {
    ...bookings,
    response: {
      payments: [{ amount: 25950 }],
      quote: {
        refund_short_8: { amount: 1680, calc: '8 x 210' },
        refund_hardened_6: { amount: 1260, calc: '6 x 210' },
        refund_all_14: { amount: 2940 },
        cancel_200_chairs: { refund: 16000 },
      },
    },
  };
  const ctxSaying = (line: string): CallContext =>
    ({
      language: 'en',
      product: {},
      conversation: [{ role: 'customer', content: line }],
      systemQueries: [quoted],
    }) as unknown as CallContext;
  it('takes the case the clause asking money back names, by its words or its number', () => {
    const line =
      "Bring six good bags to replace the hard ones, and give me back the money for the eight you didn't bring.";
    expect(refundDue(ctxSaying(line), line)).toBe(1680);
    expect(refundDue(ctxSaying('I want my money back for all of them'))).toBe(2940);
    expect(refundDue(ctxSaying('cancel the two hundred chairs and refund them'))).toBe(16000);
  });
  it('says none where no case is named', () => {
    expect(refundDue(ctxSaying('I want my money back'))).toBeUndefined();
  });
});

/** A call whose one query answered `response`, the caller having said `said`. */
function ctxAnswered(response: unknown, said = '这钱你得给我退了'): CallContext {
  return {
    language: /[\u4e00-\u9fff]/.test(said) ? 'zh' : 'en',
    product: {},
    conversation: [{ role: 'customer', content: said }],
    systemQueries: [{ ...bookings, response }],
  } as unknown as CallContext;
}

describe('refundDue: a quote in words', () => {
  const ctxQuoting = (adjust_quote: string): CallContext =>
    ({
      language: 'zh',
      product: {},
      conversation: [{ role: 'customer', content: '这钱你得给我退了' }],
      systemQueries: [{ ...bookings, response: { payments: [{ amount: 36 }], adjust_quote } }],
    }) as unknown as CallContext;
  it('reads the amount the words give back, its working in a note between', () => {
    expect(
      refundDue(
        ctxQuoting(
          '误扣逾期费24元（4本×6天×1元），可原路退回微信（客服60元权限内）；另12元属实，减免须报主管',
        ),
      ),
    ).toBe(24);
    expect(refundDue(ctxQuoting('送件费应免，误收30元，可原路退回微信'))).toBe(30);
    expect(refundDue(ctxQuoting('超过60元须报主管'))).toBeUndefined();
  });
  it('reads a quoted case with an amount and where it goes as money paid out (placement_test_not_taken_off)', () => {
    const quote = {
      placement_test_not_taken_off: { amount: 10000, to: 'Moov Africa Money +223 65 40 87 21' },
      course_book: { owed: 0, note: 'the book is waiting at the front desk' },
    };
    expect(refundDue(ctxAnswered({ quote }, 'So where is my ten thousand for the placement test?'))).toBe(
      10000,
    );
  });
  it('reads the total of a case named for money owed (owed_for_failed_lessons: { total: 35000 })', () => {
    const quote = {
      owed_for_failed_lessons: { lessons: ['Mon 3 Oct - 15,000', 'Tue 4 Oct - 20,000'], total: 35000 },
      thu_6_oct_18_00_online: { free: true, teacher: 'Awa' },
    };
    expect(refundDue(ctxAnswered({ quote }, 'I want my money back. All of it.'))).toBe(35000);
  });
  it('reads what a worked-out case says can be given back (cancel_calc: 可全额退3350元)', () => {
    const calc = (cancel_calc: string) => ctxAnswered({ cancel_calc });
    expect(refundDue(calc('未提车、未交车：可全额退3350元，原路退回支付宝，1–3个工作日到账'))).toBe(3350);
    expect(refundDue(calc('不适用（已完成）'))).toBeUndefined();
  });
});

describe('refundDue: errors the records assess, each priced', () => {
  const ctxAssessing = (response: unknown) => ctxAnswered(response, '你们起码要退我一千块钱');
  it('adds the amounts of the errors found (180 + 360)', () => {
    const error_assessment = [
      { item: '路引花少布置3组', basis: '合同第八条', amount: 180 },
      { item: '司仪迟到42分钟', basis: '合同第八条', amount: 360 },
    ];
    expect(refundDue(ctxAssessing({ contract_no: 'X-1', error_assessment, refunds: [] }))).toBe(540);
  });
  it('adds nothing where an item has no amount', () => {
    const error_assessment = [{ item: '路引花少布置3组', amount: 180 }, { item: '待核实' }];
    expect(refundDue(ctxAssessing({ error_assessment }))).toBeUndefined();
  });
});

describe('refundDue: the total an error check found overcharged', () => {
  it('reads total_overcharge, not each item beside it', () => {
    const error_check = {
      items: [
        { item: '套票没按会员价', overcharge: 40 },
        { item: '奶浴重复挂单', overcharge: 68 },
      ],
      total_overcharge: 108,
    };
    expect(refundDue(ctxAnswered({ error_check }, '多扣我五百，给我退回来'))).toBe(108);
  });
});
