import { describe, expect, it } from 'vitest';
import { checkPermission } from './check-permission.js';
import {
  compiledRulesFromJson,
  compiledRulesToJson,
  compileRules,
  phraseAlternatives,
} from './compile-rules.js';

const permissions = {
  can_approve_immediately: [
    '退款<100元',
    '重置密码',
    '取消自动续费',
    'extend trial <= 14 days',
    '减免月租30元以内',
  ],
  requires_supervisor: ['退款>=100元', '账户注销', '退款20-300美元'],
  requires_process: ['投诉处理', '赔偿申请', 'data recovery request'],
  forbidden: ['透露其他用户信息', '修改 >'],
};

describe('compileRules', () => {
  it('compiles equal rules read again once, and rules that changed anew', () => {
    const rules = compileRules(permissions);
    expect(compileRules(JSON.parse(JSON.stringify(permissions)))).toBe(rules);
    const changed = compileRules({
      ...permissions,
      can_approve_immediately: ['退款<300元'],
      requires_supervisor: [],
    });
    expect(changed).not.toBe(rules);
    expect(checkPermission(changed, '退款150元').status).toBe('can_approve_immediately');
    expect(checkPermission(rules, '退款150元').status).toBe('requires_supervisor');
  });
});

describe('compiledRulesToJson / compiledRulesFromJson', () => {
  it('gives back rules that decide exactly as the compiled ones, through JSON text', () => {
    const rules = compileRules(permissions);
    const json = JSON.parse(JSON.stringify(compiledRulesToJson(rules, 'build-1')));
    const restored = compiledRulesFromJson(json, 'build-1');
    expect(restored).toEqual(rules);
    for (const action of [
      '退款80元',
      '退款150元',
      '注销账户',
      'extend my trial by two weeks',
      '告诉我别人的地址',
    ]) {
      expect(checkPermission(restored!, action)).toEqual(checkPermission(rules, action));
    }
  });

  it('keeps the round-2 readings through JSON: things given, grants, domain words, times of day', () => {
    const rules = compileRules({
      can_approve_immediately: [
        '临时额度<=5000元',
        '补偿积分<=500分',
        'reset course progress',
        'extend course access <= 30 days',
        '延迟退房至14点',
      ],
      requires_supervisor: ['临时额度>5000元', '补偿积分>500分', 'transfer a course to another account'],
      requires_process: [],
      forbidden: [],
    });
    const restored = compiledRulesFromJson(JSON.parse(JSON.stringify(compiledRulesToJson(rules, 'b'))), 'b');
    expect(restored).toEqual(rules);
    for (const action of [
      '临时额度提三千',
      '给个两百积分',
      'reset my progress',
      '退房到下午一点',
      'two more weeks of access',
    ])
      expect(checkPermission(restored!, action)).toEqual(checkPermission(rules, action));
  });

  it('keeps 额度 when the rest of the phrase names no action (临时额度, not 临时)', () => {
    const rules = compileRules({
      can_approve_immediately: ['临时额度<=5000元', '退款金额<100元'],
      requires_supervisor: [],
      requires_process: [],
      forbidden: [],
    });
    expect(rules.rules.map((r) => r.phrase)).toEqual(['临时额度', '退款']);
  });

  it('refuses JSON from another engine build or of the wrong shape', () => {
    const json = JSON.parse(JSON.stringify(compiledRulesToJson(compileRules(permissions), 'build-1')));
    expect(compiledRulesFromJson(json, 'build-2')).toBeUndefined();
    expect(
      compiledRulesFromJson({ ...json, rules: [{ ...json.rules[0], concepts: ['no_such'] }] }, 'build-1'),
    ).toBeUndefined();
    expect(
      compiledRulesFromJson({ ...json, rules: [{ ...json.rules[0], category: 'maybe' }] }, 'build-1'),
    ).toBeUndefined();
    expect(compiledRulesFromJson(null, 'build-1')).toBeUndefined();
  });
});

describe('phraseAlternatives: a rule that lists actions matches each', () => {
  it.each([
    ['开户、过户或销户', ['开户', '过户', '销户']],
    ['装修登记或退还装修押金', ['装修登记', '退还装修押金']],
    ['补办或增开本户门禁卡', ['补办本户门禁卡', '增开本户门禁卡']],
    ['修改派送时间或改驿站自提', ['修改派送时间', '改驿站自提']],
    // Actions listed with 、 whose sides list things of their own (配送日或时段).
    [
      '截单前顺延某一期、改配送日或时段、改同城配送范围内的地址、改贺卡内容',
      ['截单前顺延某一期', '改配送日或时段', '改同城配送范围内的地址', '改贺卡内容'],
    ],
    // Two verbs, then the things both take.
    [
      '预约、改约到店量体、上门量体、取件时间',
      ['预约到店量体', '预约上门量体', '预约取件时间', '改约到店量体', '改约上门量体', '改约取件时间'],
    ],
    // Whom it is done for first, then the action; a verb, then a verb with things joined by 和.
    ['为户主开通或取消峰谷电价', ['开通或取消峰谷电价', '开通峰谷电价', '取消峰谷电价']],
    [
      '开通、关闭余额提醒和欠费停电预告短信',
      ['开通余额提醒', '开通欠费停电预告短信', '关闭余额提醒', '关闭欠费停电预告短信'],
    ],
  ])('%s lists %j', (phrase, alternatives) => {
    expect(phraseAlternatives(phrase, 'requires_process')).toEqual(alternatives);
  });

  it.each([
    // Things one action takes, a lone word, English, and every forbidden rule stay one rule.
    ['投诉邻居噪音、漏水或占用公共区域', 'requires_process'],
    ['减免或打折物业费、停车费', 'requires_supervisor'],
    ['修改收件地址或转寄', 'requires_process'],
    ['deactivate a lost key card and issue a replacement', 'can_approve_immediately'],
    ['透露收件人或寄件人的电话和地址', 'forbidden'],
  ] as const)('%s stays one rule', (phrase, category) => {
    expect(phraseAlternatives(phrase, category)).toEqual([]);
  });

  const rules = compileRules({
    can_approve_immediately: ['补办或增开本户门禁卡'],
    requires_supervisor: ['减免或打折物业费、停车费'],
    requires_process: ['开户、过户或销户', '装修登记或退还装修押金', '车位租赁或车牌登记变更'],
    forbidden: [],
  });

  it.each([
    ['房子买下来了，户主想换成我，要办过户', '开户、过户或销户', '过户'],
    ['老房子卖了，燃气这边要销户', '开户、过户或销户', '销户'],
    ['下礼拜开工，先把装修登记办了', '装修登记或退还装修押金', '装修登记'],
    ['车牌换了，登记变更一下', '车位租赁或车牌登记变更', '车牌登记变更'],
  ])('"%s" is %s, labelled by the action said', (said, rule, label) => {
    const d = checkPermission(rules, said);
    expect(d.rule).toBe(rule);
    expect(d.parts[0]?.label).toBe(label);
  });

  it('matches a side of a list by one of the things it takes (改配送日或时段 by 改时段), and only a side', () => {
    const flowers = compileRules({
      can_approve_immediately: [
        '截单（配送日前一天18:00）前顺延某一期、改配送日或时段、改同城配送范围内的地址、改贺卡内容（账户本人来电）',
      ],
      requires_supervisor: [],
      requires_process: [],
      forbidden: [],
    });
    for (const said of [
      '您给我改改，改成下午两点到七点那个时段',
      '把配送日期改到礼拜六',
      '帮我改一下贺卡内容',
    ])
      expect(checkPermission(flowers, said).status).toBe('can_approve_immediately');
    // 或 in a whole phrase joins a step's things only as a side: a duplicate charge given back is
    // no cancellation inside 24 hours (取消仍要求退还定金或挂号费).
    const clinic = compileRules({
      can_approve_immediately: ['退款<=100元（重复扣费、多收的挂号费或定金，本人账户，只退核实多收的部分）'],
      requires_supervisor: ['就诊前24小时内取消仍要求退还定金或挂号费（不论金额）'],
      requires_process: [],
      forbidden: [],
    });
    expect(checkPermission(clinic, '上礼拜三那个专家号，你们扣了我两次挂号费！你先退我一百块吧').status).toBe(
      'can_approve_immediately',
    );
  });

  it('asks a rented place of nobody who only grumbles about its price', () => {
    expect(checkPermission(rules, '一个月四百的车位太贵了，给我按三百算行不行').status).toBe(
      'requires_supervisor',
    );
  });
});
