import { describe, expect, it } from 'vitest';
import { checkPermission } from './check-permission.js';
import { compileRules } from './compile-rules.js';

/** A locksmith whose late-arrival waiver is excepted from its money-back limit. */
const locksmith = compileRules({
  can_approve_immediately: [
    '技师超过承诺到达时间（市区30分钟、夜间45分钟）：免收上门费（30元，夜间60元），已付的原路退回',
    '质保期内（锁芯、代购智能锁整机及安装，1年）免费上门维修，免上门费和工时费',
  ],
  requires_supervisor: ['退款或补偿>50元/单（超时免上门费除外）', '质保期外免费维修或减免费用'],
  requires_process: [
    '开锁、换锁、装锁过程中损坏门体、门框、锁具的赔偿：登记理赔工单，定损员2个工作日内上门查看，电话里不承诺赔偿金额',
  ],
  forbidden: ['提供技师的私人手机号、微信、住址（只能通过平台虚拟号联系）'],
});

/** A massage chain whose duplicate charges have a limit of their own, noted in the general one. */
const massage = compileRules({
  can_approve_immediately: [
    '系统重复扣款（同一笔消费扣了两次）核实属实：原路退回重复扣的金额，退款<=200元/单',
    '其他核实后的退款或服务补偿：退款<=50元/单，或赠送同项目体验券1张',
  ],
  requires_supervisor: ['退款或补偿>50元/单（重复扣款>200元/单）'],
  requires_process: [],
  forbidden: [],
});

const status = (rules: ReturnType<typeof compileRules>, text: string) => checkPermission(rules, text).status;

describe('checkPermission: what a rule’s notes except and limit apart', () => {
  it('gives the late-arrival waiver where lateness is told, in the caller’s words', () => {
    expect(status(locksmith, '师傅迟到了，免上门费')).toBe('can_approve_immediately');
    expect(status(locksmith, '超时免上门费')).toBe('can_approve_immediately');
    expect(status(locksmith, '师傅迟到了一个钟头，上门费退给我')).toBe('can_approve_immediately');
  });

  it('keeps the general limit for money back without lateness', () => {
    expect(status(locksmith, '免上门费')).toBe('requires_supervisor');
    expect(status(locksmith, '退我60元')).toBe('requires_supervisor');
  });

  it('reads 上门费 as a fee, not a visit asked for', () => {
    expect(checkPermission(locksmith, '上门费能免吗').parts[0]?.concept).not.toBe('repair_visit');
  });

  it('reads a process rule by its case, not by the visit its steps arrange', () => {
    expect(status(locksmith, '叫师傅上门看一下')).not.toBe('requires_process');
  });

  it('gives a duplicate charge back under its own limit, and other money under the general one', () => {
    expect(status(massage, '重复扣费退款138元')).toBe('can_approve_immediately');
    expect(status(massage, '重复扣费退款300元')).toBe('requires_supervisor');
    expect(status(massage, '退款30元')).toBe('can_approve_immediately');
    expect(status(massage, '退款60元')).toBe('requires_supervisor');
  });

  it('never approves money above a limit because a note restates the limit', () => {
    const tours = compileRules({
      can_approve_immediately: ['拒签退团：退全部团费只扣签证费300元/人（退款单笔≤5000元）'],
      requires_supervisor: ['单笔退款超过5000元（含拒签退团）', '补偿超过每人300元'],
      requires_process: [],
      forbidden: [],
    });
    expect(status(tours, '退款1000元')).not.toBe('can_approve_immediately');
  });
});

describe('checkPermission: a rule’s opening verb is said as a verb', () => {
  const skips = compileRules({
    can_approve_immediately: ['Book a collection of a full skip'],
    requires_supervisor: [],
    requires_process: [
      "Placing a skip on a public road or pavement: council skip permit application in the hirer's name",
    ],
    forbidden: [],
  });

  it('is not the placing rule when the caller does the place up', () => {
    expect(status(skips, 'Doing the place up, the skip is full')).not.toBe('requires_process');
  });

  it('is the placing rule when the caller asks to place it', () => {
    expect(status(skips, 'can you place the skip on the road')).toBe('requires_process');
  });
});

describe('checkPermission: the details of one who serves the caller', () => {
  it('refuses a technician’s number by the rule on technicians, whose note says how to reach them', () => {
    for (const asked of ['把技师电话给我', '那你把师傅电话给我呗', '技师的微信多少']) {
      const decided = checkPermission(locksmith, asked);
      expect(decided.status).toBe('forbidden');
      expect(decided.rule).toContain('平台虚拟号');
    }
  });

  it('reads road works told as no repair asked for', () => {
    expect(checkPermission(locksmith, '我们这小区正门修路呢，得从后门进').rule).toBeNull();
  });
});

describe('checkPermission: what a caller told they did, in the 是…的 form', () => {
  it('asks for no lock changed when the caller changed the battery last week', () => {
    const line = '指纹锁老不认，电池额上礼拜刚换的新的，你们派人来修一下';
    const decided = checkPermission(
      compileRules({
        can_approve_immediately: ['质保期内免费上门维修'],
        requires_supervisor: ['质保期外免费维修'],
        requires_process: [],
        forbidden: ['为不能当场证明自己是该地址实际居住人的人开门、换锁、配钥匙'],
      }),
      line,
    );
    expect(decided.status).not.toBe('forbidden');
  });
});

describe('checkPermission: a price list read out and what the technician did, told', () => {
  it('reads 上门三十 as the call-out’s price and 顺手给换了个超C级的 as done, not asked', () => {
    const line =
      '开完门他说我那锁芯不行了，顺手给换了个超C级的，完事儿收了我四百三。开锁一百五，锁芯二百二，上门三十，咋整也到不了四百三啊？你给我退一百五';
    const decided = checkPermission(locksmith, line);
    expect(decided.status).not.toBe('forbidden');
    expect(decided.parts.map((p) => p.text)).not.toContain('上门三十');
  });
});

describe('checkPermission: steps forbidden for one the rule describes', () => {
  const doors = compileRules({
    can_approve_immediately: ['预约、改约、取消技师尚未出发的上门订单（免费）'],
    requires_supervisor: [],
    requires_process: [],
    forbidden: [
      '为不能当场证明自己是该地址实际居住人或产权人的人开门、换锁、配钥匙：电话或视频担保、亲属作证都不算',
    ],
  });

  it('is not the caller’s own door or lock, told or asked', () => {
    for (const line of ['我这个门是去年才换的', '锁芯还是先换了', '那我今天下午约的那个换锁芯的单子'])
      expect(checkPermission(doors, line).status).not.toBe('forbidden');
  });

  it('is someone else’s door, whose home is told anywhere in the line', () => {
    expect(checkPermission(doors, '俺哥出国了，你派个师傅过来给俺开一下他家的门').status).toBe('forbidden');
    expect(checkPermission(doors, '他家在龙湖锦艺城，让俺去浇花，你派个师傅过来给俺开一下门吧').status).toBe(
      'forbidden',
    );
    expect(
      checkPermission(doors, '我有套房子租出去了，租客把锁换了，你们派个师傅过来把门给我打开').status,
    ).toBe('forbidden');
  });

  it('is not the caller’s own door opened', () => {
    expect(checkPermission(doors, '我家门打不开了，派个师傅来开门').status).not.toBe('forbidden');
  });
});

describe('checkPermission: a rule on requests from someone who is neither the holder nor a contact', () => {
  const cover = compileRules({
    can_approve_immediately: ['Book, move or cancel a repair visit in any free slot'],
    requires_supervisor: [],
    requires_process: [],
    forbidden: [
      'Booking, moving or cancelling visits, or changing the cover, at the request of someone who is neither the policyholder nor a named tenant contact',
    ],
  });

  it('is not the caller moving their own visit', () => {
    const line =
      'My manager called the whole team in tomorrow. Is it possible to shift it to Saturday morning?';
    expect(checkPermission(cover, line).status).not.toBe('forbidden');
  });

  it('is someone else moving the visit', () => {
    expect(checkPermission(cover, "move my neighbour's visit to Friday").status).toBe('forbidden');
  });
});

/** A yoga studio whose supervisor rule lists a limit for each thing, and a refund with a notice window. */
const studio = compileRules({
  can_approve_immediately: [
    '按退订规则退课时费：开课前24小时以上全退',
    '储值卡退卡：退剩余本金，<=500元当场办',
    '私教课程按规则退费，每单<=1000元',
  ],
  requires_supervisor: [
    '储值卡退本金>500元、私教课程退费>1000元、课时费退款>300元（整笔报主管，不拆开先退一部分）',
  ],
  requires_process: [],
  forbidden: [],
});

describe('checkPermission: limits listed one after another, each on its own thing', () => {
  it('keeps every limit of the list, not only the first', () => {
    expect(checkPermission(studio, '私教课程退费1200元').rule).toMatch(/^私教课程退费>1000元/);
    expect(checkPermission(studio, '课时费退400元').rule).toMatch(/^课时费退款>300元/);
    // A bare sum back may be any of the things: the stricter reading stands.
    expect(status(studio, '先给我退1000元')).toBe('requires_supervisor');
  });

  it('approves what is within every limit', () => {
    expect(status(studio, '私教课程退费800元')).toBe('can_approve_immediately');
  });

  it('reads a bare number asked back as money, not as the notice rule’s hours', () => {
    const part = checkPermission(studio, '课时费退一百八').parts[0]!;
    expect(part.amount?.unit).not.toBe('hour');
  });

  it('takes a number said alone after the request, confirmed with 是吧, as its amount', () => {
    expect(checkPermission(studio, '课时费退给我，三百六是吧').parts[0]?.amount).toEqual({
      value: 360,
      unit: 'CNY',
    });
  });
});

describe('checkPermission: a rule’s note after a spaced dash', () => {
  const hire = compileRules({
    can_approve_immediately: ['Refund billing errors up to EUR 120 - to the card charged'],
    requires_supervisor: [
      'Waiving a correctly charged fee - the whole amount, never part of it now, whatever the reason',
    ],
    requires_process: [],
    forbidden: [],
  });

  it('is no part of the name of what is asked', () => {
    const decision = checkPermission(hire, 'can you waive the fee');
    expect(decision.status).toBe('requires_supervisor');
    expect(decision.label).not.toContain('whole amount');
  });
});

describe('checkPermission: an injury told as it is said, and what it cost asked back', () => {
  const gym = compileRules({
    can_approve_immediately: ['退场地费<=300元'],
    requires_supervisor: [],
    requires_process: ['场馆内受伤、意外：登记安全事件工单，门店负责人24小时内联系'],
    forbidden: [],
  });

  it('reads a sprain told as it is said as the injury’s case', () => {
    expect(status(gym, '打球把脚脖子崴了，你们得赔我')).toBe('requires_process');
  });

  it('reads 给我报了吧 as what was paid out asked back', () => {
    expect(checkPermission(gym, '打石膏花了六百八，这钱你们得给我报了吧？').parts[0]?.concept).toBe(
      'compensation',
    );
  });

  it('reads 甭给我报了 as nothing asked', () => {
    expect(checkPermission(gym, '那个申请也甭给我报了，就这样吧').parts[0]?.concept).not.toBe('compensation');
  });
});
