import { describe, expect, it } from 'vitest';
import { chineseAlternatives, conditionExclusions } from './_chinese-alternatives.js';
import { checkPermission } from './check-permission.js';
import { compileRules } from './compile-rules.js';

const isAction = (w: string): boolean => /理赔|申请|退款|结束/.test(w);

describe('chineseAlternatives', () => {
  it('reads a note in brackets as no words a caller must say', () => {
    expect(
      chineseAlternatives('骑行费退款 (核实订单后原路退回', 'can_approve_immediately', isAction),
    ).toEqual(['骑行费退款']);
  });

  it('reads two actions joined by 并 as either alone, besides the whole', () => {
    expect(
      chineseAlternatives(
        '暂停本人配送并退还当周餐费 (配送前一天20点前申请)',
        'can_approve_immediately',
        (w) => /暂停|退还/.test(w),
      ),
    ).toEqual(['暂停本人配送并退还当周餐费', '暂停本人配送', '退还当周餐费']);
    // Inside a word (合并) or denying (并不) it joins nothing.
    expect(chineseAlternatives('合并账单', 'can_approve_immediately', (w) => /合并/.test(w))).toEqual([]);
  });

  it('reads a slash as alternatives sharing the words around them', () => {
    expect(chineseAlternatives('骑行意外伤害/财物损失理赔申请', 'requires_process', isAction)).toEqual([
      '骑行意外伤害理赔申请',
      '骑行财物损失理赔申请',
    ]);
  });

  it('reads the action before a colon as the rule, its cases after it aside', () => {
    expect(
      chineseAlternatives('封号申诉：外挂/脚本/永久封禁，或封禁>7天（提交材料）', 'requires_process', (w) =>
        /申诉/.test(w),
      ),
    ).toEqual(['封号申诉']);
    expect(
      chineseAlternatives(
        '登记游戏内普通举报，转安全团队按规处理，不承诺结果',
        'can_approve_immediately',
        (w) => /举报/.test(w),
      ),
    ).toEqual(['登记游戏内普通举报']);
  });

  it('leaves forbidden rules as written', () => {
    expect(chineseAlternatives('代他人(含家属、朋友、同事)查询或操作账户', 'forbidden', isAction)).toEqual(
      [],
    );
  });

  it('reads a denied state of a note as what a request may not say', () => {
    const re = new RegExp(conditionExclusions('押金退还(无进行中订单且无欠费)')!);
    expect(re.test('押金退给我，我还欠着十块')).toBe(true);
    expect(re.test('押金退给我，我现在还在骑')).toBe(true);
    expect(re.test('押金退给我，我没得欠费')).toBe(false);
    expect(conditionExclusions('骑行费退款 (核实订单后原路退回')).toBeUndefined();
  });
});

describe('checkPermission: rules with notes, slashes and conditions (our own product)', () => {
  const rules = compileRules({
    can_approve_immediately: [
      '远程结束未关锁/锁车后仍计费的订单',
      '租车费退款<=50元（核实订单后原路退回）',
      '退还停车费<=20元（定位偏差或有照片证据）',
      '押金退还（无进行中订单且无欠费）',
      '关闭租车卡自动续费',
    ],
    requires_supervisor: ['租车费退款>50元', '退还停车费>20元', '已生效租车卡退款', '补偿租车券>5元'],
    requires_process: ['租车意外伤害/财物损失理赔申请', '投诉运维、调度人员'],
    forbidden: [
      '透露违停举报人、故障上报人信息',
      '透露其他用户信息（姓名、手机号、租车记录、实时位置、余额）',
    ],
  });
  const status = (t: string) => checkPermission(rules, t).status;

  it('approves what the rule allows with its note unsaid', () => {
    expect(status('租车费退款19.5元')).toBe('can_approve_immediately');
    expect(status('停车费退给我，十五块')).toBe('can_approve_immediately');
    expect(status('押金退给我')).toBe('can_approve_immediately');
    expect(status('帮我把订单结束了')).toBe('can_approve_immediately');
    expect(status('把自动续费关了')).toBe('can_approve_immediately');
  });

  it('never approves what the note’s condition forbids, nor more than the limit', () => {
    expect(status('押金退给我，我还欠着十块钱')).not.toBe('can_approve_immediately');
    expect(status('押金退给我，我现在还在骑')).not.toBe('can_approve_immediately');
    expect(status('租车费退款六十元')).toBe('requires_supervisor');
    expect(status('七块租车费退给我，我要退六十')).toBe('requires_supervisor');
    expect(status('退款40元')).toBe('requires_supervisor');
  });

  it('reads one side of a slash as the rule', () => {
    expect(status('租车出了意外伤害，申请理赔')).toBe('requires_process');
  });

  it('does not read a demand for an answer as asking who reported someone', () => {
    expect(status('那要等好久嘛？今天之内必须给我个说法哈')).not.toBe('forbidden');
    expect(status('举报我的人叫什么名字')).toBe('forbidden');
  });
});

describe('checkPermission: a rule doing two things together', () => {
  const rules = compileRules({
    can_approve_immediately: ['暂停本人配送并退还当周餐费（配送前一天20点前申请）'],
    requires_supervisor: ['退款>=100元'],
    requires_process: [],
    forbidden: [],
  });
  it('is asked for by the first of them alone', () => {
    expect(checkPermission(rules, '这周的配送帮我暂停一下').status).toBe('can_approve_immediately');
  });
});

describe('checkPermission: a count of the rule’s own word, given', () => {
  const rules = compileRules({
    can_approve_immediately: ['补偿课时<=2课时（老师迟到或临时停课，每学期限1次）'],
    requires_supervisor: ['补偿课时>2课时，或同一学期第二次补偿'],
    requires_process: [],
    forbidden: [],
  });
  it('approves a number within the limit asked in any word of giving, and names it', () => {
    const d = checkPermission(rules, '老师又没来，你看给我补一个课时吧');
    expect(d.status).toBe('can_approve_immediately');
    expect(d.label).toBe('补偿1课时');
    expect(d.parts[0]?.amount).toEqual({ value: 1, unit: 'time' });
  });
  it('sends more than the limit to a supervisor, named without the rule’s other case', () => {
    const d = checkPermission(rules, '补四个课时给我，不然这事没完');
    expect(d.status).toBe('requires_supervisor');
    expect(d.label).toBe('补偿4课时');
  });
});

describe('checkPermission: one verb done to two things (退园退费)', () => {
  const rules = compileRules({
    can_approve_immediately: ['退款<=200元'],
    requires_supervisor: ['退款>200元'],
    requires_process: ['退园退费（按已上课天数结算，15个工作日原路退回）'],
    forbidden: [],
  });
  it('is asked for by its first thing alone', () => {
    expect(checkPermission(rules, '孩子死活不肯去了，我们要退园').status).toBe('requires_process');
  });
  it('is not what a plain refund asks for', () => {
    expect(checkPermission(rules, '上个月多扣了我50块，退给我').status).toBe('can_approve_immediately');
  });
});

describe('checkPermission: things listed after 的, each its own', () => {
  const rules = compileRules({
    can_approve_immediately: ['改约、取消本人的量房、设计、安装时间'],
    requires_supervisor: ['退款>100元'],
    requires_process: [],
    forbidden: [],
  });
  it('matches a change of one of them', () => {
    expect(checkPermission(rules, '量房那个帮我改约一下，礼拜天没人在家').status).toBe(
      'can_approve_immediately',
    );
  });
});

describe('chineseAlternatives: a list of three or more things slashed after one action', () => {
  const acts = (w: string): boolean => /预约|改约|取消|补发/.test(w);
  it('reads each thing with the action, also when the action is the first clause of the rule', () => {
    expect(
      chineseAlternatives(
        '预约、改约、取消洗牙/补牙/种植复诊 (均免费),距预约开始4小时以上',
        'can_approve_immediately',
        acts,
      ),
    ).toEqual([
      '预约、改约、取消洗牙/补牙/种植复诊',
      '预约、改约、取消洗牙',
      '预约、改约、取消补牙',
      '预约、改约、取消种植复诊',
    ]);
    expect(chineseAlternatives('补发充电线/耳塞/收纳盒,每单一次', 'can_approve_immediately', acts)).toEqual([
      '补发充电线/耳塞/收纳盒',
      '补发充电线',
      '补发耳塞',
      '补发收纳盒',
    ]);
  });
});
