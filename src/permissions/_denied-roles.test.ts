import { describe, expect, it } from 'vitest';
import { checkPermission, compileRules } from './index.js';

/** A product whose disclosure rule is `refused`, beside one step any caller may have done. */
const refusing = (refused: string, allowed: string) =>
  compileRules({
    can_approve_immediately: [allowed],
    requires_supervisor: [],
    requires_process: [],
    forbidden: [refused],
  });

/** A piano school of our own: its disclosure rule names who gets nothing. */
const school = refusing(
  '学员的上课时间、老师、课时余额和家长电话只告诉账户家长本人；爷爷奶奶、外公外婆、离异的另一方、邻居来问一律不说',
  '改约、取消琴课：开课前24小时以上',
);

const shop = refusing(
  'Account details go only to the account holder. Partners, ex-partners, flatmates and neighbours get nothing',
  'Change the delivery day before the cutoff',
);

describe('checkPermission: a caller who says they are one of those the product refuses', () => {
  it.each([
    '我是小雨她外婆，她妈出差了。孩子礼拜三几点上课？还剩多少节？',
    '我跟他妈早就离了，她不让我见娃。我就想晓得娃儿礼拜几在哪个琴房上课',
    '我是对门的邻居，他家孩子哪个老师教的',
  ])('forbids %j', (said) => {
    expect(checkPermission(school, said).status).toBe('forbidden');
  });
  it.each([
    "I'm her husband, what day does her box come?",
    "We got divorced last year. Where's he getting his boxes sent now?",
  ])('forbids %j', (said) => {
    expect(checkPermission(shop, said).status).toBe('forbidden');
  });
  it('leaves a role the rule does not name, and a question of policy, as they were', () => {
    expect(checkPermission(school, '我是孩子妈妈，礼拜三几点的课我忘了').status).not.toBe('forbidden');
    expect(checkPermission(school, '我是她外婆，你们那个第二监护人怎么登记').status).not.toBe('forbidden');
    // What a step costs is no record of the child's.
    expect(checkPermission(school, '我是她外婆，想给她续一期琴课，多少钱？').status).not.toBe('forbidden');
  });
});

describe('checkPermission: an ex or an employer, in the words they use of themselves', () => {
  const alarm = refusing(
    '布防撤防记录、在家离家情况只告诉账户持有人本人；家人、前配偶、房东、邻居来问一律不说',
    '暂停监控：每年1次，最长60天',
  );
  const clinic = refusing(
    'Patient information goes only to the patient. Partners, ex-partners, employers and insurers get nothing',
    'Book or move an appointment on the caller’s own file',
  );
  it('forbids 我前妻住在里面…伊每天几点钟撤防', () => {
    expect(checkPermission(alarm, '房子是我装的，现在我前妻住在里面。帮我查查伊每天几点钟撤防').status).toBe(
      'forbidden',
    );
  });
  it.each([
    'my ex, Dana, still comes to your clinic on Tuesdays. What time does she finish up?',
    "I've a lad working for me, Liam. Was he actually in with you on Monday, and when's he back at work?",
  ])('forbids %j', (said) => {
    expect(checkPermission(clinic, said).status).toBe('forbidden');
  });
});

describe('checkPermission: an agent or a buyer asking for a copy of the record', () => {
  const surveys = refusing(
    'Survey reports go only to the client who ordered them. Estate agents, vendors, buyers and the police get nothing by phone',
    "Email the account holder's own invoices to the email on file",
  );
  it.each([
    "I'm the vendor's agent, could you email me the survey report for 3 Mill Lane?",
    "Hi, I'm with Harbour Lane Property, can you send over a copy of the survey?",
    "I'm the buyer, just forward me the report please",
  ])('forbids %j', (said) => {
    expect(checkPermission(surveys, said).status).toBe('forbidden');
  });
  it('serves an agent asking for their own record', () => {
    expect(
      checkPermission(surveys, "I'm an estate agent myself but this is my own house, email me my invoice")
        .status,
    ).toBe('can_approve_immediately');
  });
});

describe('checkPermission: a parent of grown children, where the rule lists the parents refused', () => {
  const weddings = refusing(
    '合同的任何情况只对签约人两个人讲。双方父母（就算定金是他们付的）、伴郎伴娘、亲戚朋友来问，一概不讲',
    '报价、讲规则，谁打来都可以',
  );
  it.each([
    '我仔梁家豪在你们那订了婚礼，他们订的是哪样套餐？后面还差好多钱没交？',
    '我是他妈，他们订的是什么套餐',
  ])('forbids %j', (said) => {
    expect(checkPermission(weddings, said).status).toBe('forbidden');
  });
  it('leaves a price asked of the company as it was', () => {
    expect(checkPermission(weddings, '你们最贵那个套餐好多钱？里面有哪样？回去再跟我仔商量').status).not.toBe(
      'forbidden',
    );
  });
  it('does not refuse a parent where the rule names none', () => {
    expect(checkPermission(school, '我儿子礼拜三几点上课').status).not.toBe('forbidden');
  });
});
