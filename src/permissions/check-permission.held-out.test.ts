import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { OperatorPermissionsSchema } from '../domain/record-schemas.js';
import { checkPermission, compileRules, saysWhatABanQuotes } from './index.js';

// Requests read against the whole rule sets of products in the held-out rounds (eval/held-out-*),
// where a rule's reading depends on the product's other rules (the words they share are its domain).
const Records = z.object({
  products: z.array(z.object({ name: z.string(), operator_permissions: OperatorPermissionsSchema })),
});
const rulesFor = (round: string, product: string) => {
  const records = Records.parse(
    JSON.parse(readFileSync(new URL(`../../eval/${round}/records.json`, import.meta.url), 'utf8')),
  );
  const found = records.products.find((p) => p.name === product);
  if (!found) throw new Error(`no product ${product} in ${round}`);
  return compileRules(found.operator_permissions);
};
const statusFor = (round: string, product: string) => {
  const rules = rulesFor(round, product);
  return (said: string) => checkPermission(rules, said).status;
};

describe('checkPermission on a postpartum care centre’s rules (held-out round 16)', () => {
  const status = statusFor('held-out-16', '悦禾月子会所');

  it('reads 续住 with a number of days as the extension, within the rule’s days or beyond them', () => {
    expect(status('刀口长得慢，你给我续住五天，原来31号走，改成11月5号走，钱我出')).toBe(
      'can_approve_immediately',
    );
    expect(status('续住十天')).toBe('requires_supervisor');
  });

  it('reads no phone call as the phone a rule’s note names (电话里不承诺赔偿金额)', () => {
    const rules = rulesFor('held-out-16', '悦禾月子会所');
    const said =
      '喂，你好。我想咨询一哈，我是第一次打电话哈。我现在怀起六个多月了，预产期是明年一月中旬，我屋头老公说生了娃儿就去你们天河店坐月子，离我们屋近。我想问一哈，你们那个最好的套房，叫啥子臻享的，好多钱嘛？包了些啥子？我妈想从重庆过来陪我，可不可以一起住？定金要交好多？';
    expect(checkPermission(rules, said).rule).toBeNull();
  });
});

describe('checkPermission on a coach line’s rules, written as long English sentences (held-out round 16)', () => {
  const status = statusFor('held-out-16', 'Kōtuku Coachlines');

  it('reads a booking asked for plainly as the rule booking new journeys', () => {
    expect(status("please book me on Friday's morning bus to Wellington")).toBe('can_approve_immediately');
    expect(
      status('Then please book me from Taupo to Wellington on Friday, the morning bus, with the bike'),
    ).toBe('can_approve_immediately');
  });
});

describe('checkPermission on a piano rental’s rules (held-out round 16)', () => {
  const status = statusFor('held-out-16', '琴韵坊钢琴租售调律');

  // Someone phoning the caller, or asked to phone back, hands over no number.
  it.each([
    '结果今天物业给我打电话，说监控看到你们师傅推琴的时候把电梯刮了',
    '物业打了个电话给我，说监控看到你们师傅推琴的时候把电梯刮了',
  ])('reads %j as a call made, not the staff’s number asked for', (said) => {
    expect(status(said)).not.toBe('forbidden');
  });

  it('still forbids the staff’s number asked for', () => {
    expect(status('把那个师傅电话给我')).toBe('forbidden');
    expect(status('给我那个送琴师傅的电话')).toBe('forbidden');
  });

  it('reads how soon the business comes (48小时内上门) as its promise, no limit the caller must state', () => {
    expect(status('踏板吱嘎吱嘎响，右边踏板软塌塌的。侬看看派个师傅来修一修，最好礼拜六')).toBe(
      'can_approve_immediately',
    );
  });
});

describe('checkPermission on a ski resort’s rules (held-out round 17)', () => {
  const status = statusFor('held-out-17', '雪松岭滑雪度假区');

  it('reads 订两张…票 as booking what the rule books (为来电客户预订门票、夜场票…)', () => {
    expect(status('那你就帮我们订两张今天晚上的夜场票嘛，再租两套单板')).toBe('can_approve_immediately');
  });

  it('reads the event a notice is counted to (课程在上课前24小时以上) as no word a move must say', () => {
    expect(status('闺女这礼拜五的私教，您看能给挪到下礼拜六不')).toBe('can_approve_immediately');
  });
});

describe('checkPermission on a flower subscription’s rules (held-out round 18)', () => {
  const status = statusFor('held-out-18', '花信社鲜花订阅');

  // 退款退到原支付账户以外的账户 forbids where the money goes, not refunds: a story naming someone
  // (跟男朋友吵架, 我女朋友过生日) sends nothing anywhere else.
  it.each([
    '上个礼拜五我跟男朋友吵架了，就订了个花漾月卡，现在想把这个卡退掉，两百二十块退给我，可以吧？',
    '上礼拜六我女朋友过生日，花下午四点四十才送到，你们全额退款，五百块，一分不能少！',
    '侬再退我一百块，不过分伐？',
  ])('does not read %j as money sent to another account', (said) => {
    expect(status(said)).not.toBe('forbidden');
  });

  // 次日免费补送一束: sent again (重新送一束), 次日 no word the caller must say; the days since
  // signing are the call's verified fact (签收0天).
  it('reads 重新送一束来 as the re-delivery, within the window the facts verify', () => {
    expect(status('签收0天侬拉重新送一束来')).toBe('can_approve_immediately');
    expect(status('签收0天，三朵玫瑰头全部掉头了，你们重新送一束来')).toBe('can_approve_immediately');
    expect(status('签收3天侬拉重新送一束来')).not.toBe('can_approve_immediately');
  });

  it('reads a delivery sent somewhere new (那一期送到新店) as its address changed', () => {
    const rules = rulesFor('held-out-18', '花信社鲜花订阅');
    const decision = checkPermission(
      rules,
      '下礼拜三那一期送到新店好不好？地址是湖里区华美空间文创园B栋103。',
    );
    expect(decision.rule).toMatch(/改地址/);
  });

  it('forbids the refund sent to someone else’s account', () => {
    expect(status('钱退到我儿子微信上')).toBe('forbidden');
    expect(status('那个钱你直接退到我孙子的支付宝里')).toBe('forbidden');
  });
});

describe('checkPermission on a power-bank network’s rules (held-out round 18)', () => {
  const status = statusFor('held-out-18', '满电侠共享充电宝');

  // The account rule lists 朋友 among those told nothing: a friend the caller drank with is company
  // in the story, not whose records are asked.
  it('reads company kept in the story (跟朋友在…喝酒) as no one else’s records asked for', () => {
    expect(
      status('我礼拜六晚上跟朋友在九眼桥那个醉长安喝酒，七点多借了个充电宝，你们赶紧把钱给我退回来'),
    ).not.toBe('forbidden');
  });

  it('still forbids a friend’s records asked for', () => {
    expect(status('帮我查一下我朋友的借还记录')).toBe('forbidden');
  });
});

describe('checkPermission: what someone showed the caller is told, not asked (held-out round 18)', () => {
  const status = statusFor('held-out-18', '花信社鲜花订阅');
  it('reads 我女儿把机票发给我看了 as where the caller learned it, no one else’s order asked', () => {
    expect(
      status(
        '啊，歹势歹势，我女儿把机票发给我看了，回来是5月10号，礼拜六，不是五个礼拜，是三个多礼拜而已。那这样可以停吗？',
      ),
    ).not.toBe('forbidden');
  });
});

describe('checkPermission on a tool hire’s rules, written as long English sentences (held-out round 18)', () => {
  const rules = rulesFor('held-out-18', 'Shannonside Tool & Plant Hire');
  const decide = (said: string) => checkPermission(rules, said);

  it('reads someone put on the account (put Tomasz on the account) as adding an authorised hirer', () => {
    const decision = decide('So please, put Tomasz on the account today so he can take it.');
    expect(decision.status).toBe('requires_process');
    expect(decision.rule).toMatch(/^Adding or removing an authorised hirer/);
    expect(decide('add my foreman to the account').rule).toMatch(/^Adding or removing an authorised hirer/);
    expect(decide('put it on my card').rule ?? '').not.toMatch(/authorised hirer/);
    expect(decide('add 7 euro of credit to my account').rule ?? '').not.toMatch(/authorised hirer/);
  });

  it('reads a damage waiver taken with a hire as cover bought, not a fee waived', () => {
    const decision = decide("Monday the 21st, delivered, and I'll take that damage waiver too");
    expect(decision.parts.map((p) => p.concept)).not.toContain('fee_waiver');
    expect(decide('please waive the late fee').parts.map((p) => p.concept)).toContain('fee_waiver');
  });

  // Money off for what went wrong (knock €300 off, three hundred euro knocked off) is goodwill
  // money, the depot manager's above the list; no claim for lost wages.
  it.each(['knock €300 off the hire', 'I want three hundred euro knocked off that hire'])(
    'reads %j as money asked off the hire',
    (said) => {
      const decision = decide(said);
      expect(decision.status).toBe('requires_supervisor');
      expect(decision.rule).toMatch(/^Goodwill/);
    },
  );
});

describe('checkPermission: someone added to the caller’s own list, or to someone else’s (held-out rounds 9 and 17)', () => {
  it('approves the signer adding a family contact (加一个家属联系人)', () => {
    expect(statusFor('held-out-17', '颐年坊长者日间照料中心')('帮我加一个家属联系人，我弟弟')).toBe(
      'can_approve_immediately',
    );
  });
  it('approves adding an emergency contact, and forbids adding oneself to her account', () => {
    const status = statusFor('held-out-9', '守望家庭安防');
    expect(status('加个紧急联系人')).toBe('can_approve_immediately');
    expect(status('格么侬帮我把我加到伊紧急联系人里厢，出了事体我好晓得，格总可以伐')).toBe('forbidden');
  });
});

describe('checkPermission: a rule that names who may ask (账户持有人本人来电挂失设备, held-out round 23)', () => {
  it('approves the holder reporting the device lost without saying who they are', () => {
    expect(statusFor('held-out-23', '驿路通ETC')('我要挂失设备')).toBe('can_approve_immediately');
  });
  it('reads a thing said lost, then stopped (设备丢了，给它停了), as reported lost', () => {
    expect(statusFor('held-out-23', '驿路通ETC')('设备丢了，给它停了')).toBe('can_approve_immediately');
    expect(statusFor('held-out-23', '驿路通ETC')('先把自动扣款停了')).not.toBe('can_approve_immediately');
  });
});

describe('checkPermission: a visit’s word describing the technician (held-out round 24)', () => {
  const rules = rulesFor('held-out-24', '泉小净净水器租赁');
  const decide = (said: string) => checkPermission(rules, said, { caller: { callerPhone: '13700001111' } });
  it('reads 派个师傅来 as no technician’s number asked, nor a complaint about one', () => {
    for (const said of ['你们赶紧派个师傅来看一哈嘛', '侬马上叫人来换']) {
      const decision = decide(said);
      expect(decision.status, said).not.toBe('forbidden');
      expect(decision.rule ?? '', said).not.toMatch(/投诉/);
    }
  });
  it('still forbids the technician’s own number', () => {
    expect(decide('把上门师傅的手机号给我').status).toBe('forbidden');
  });
});

describe('checkPermission: a repair reported (报修) is a visit asked for (held-out rounds 2 and 24)', () => {
  it('approves 报修 by a rule that books visits, and a technician sent for', () => {
    const status = statusFor('held-out-24', '泉小净净水器租赁');
    expect(status('净水器漏水了，帮我报修')).toBe('can_approve_immediately');
    expect(status('你们赶紧派个师傅来看一哈嘛')).toBe('can_approve_immediately');
  });
  it('reads a forbidden rule’s note on where such requests go (由客服登记报修) as no act it forbids', () => {
    const rules = rulesFor('held-out-2', '驰骋换电');
    const decide = (said: string) => checkPermission(rules, said, { caller: { callerPhone: '13700001111' } });
    expect(decide('柜机坏了，我要报修').status).not.toBe('forbidden');
    expect(decide('把运维师傅的手机号给我').status).toBe('forbidden');
  });
});

describe('checkPermission: within the city unsaid, another city said (held-out round 24)', () => {
  const status = statusFor('held-out-24', '泉小净净水器租赁');
  it('approves a move by 同城移机 when the caller names no city, and not when they move elsewhere', () => {
    expect(status('你们能给挪过去不')).toBe('can_approve_immediately');
    expect(status('我要搬到外地，帮我移机')).not.toBe('can_approve_immediately');
  });
});

describe('checkPermission: what someone else did, told (held-out round 24)', () => {
  const status = statusFor('held-out-24', 'Millstone Skip Hire');
  it('reads "he\'s gone and booked one of your skips" as told, and "book me one" as asked', () => {
    expect(status("and he's gone and booked one of your skips")).not.toBe('can_approve_immediately');
    expect(status("she's already booked one, can you book me one too")).toBe('can_approve_immediately');
  });
});

describe('checkPermission: a device undone in a caller’s words (解开, held-out round 24)', () => {
  it('forbids 把机子解开 where the rules forbid unlocking a device with rent unpaid', () => {
    expect(statusFor('held-out-24', '泉小净净水器租赁')('你先给额把机子解开嘛')).toBe('forbidden');
  });
});

describe('checkPermission: a bracketed relative clause describes, it asks nothing (held-out round 23)', () => {
  it('reads "book it" as no request to add an authorised user (who may then … book the yard)', () => {
    const rules = rulesFor('held-out-23', 'Portencross Marina & Boatyard');
    expect(checkPermission(rules, 'Friday at eight is fine, book it.').rule ?? '').not.toMatch(/^Adding/);
  });
});

describe('checkPermission on a locksmith’s rules (held-out round 25)', () => {
  const rules = rulesFor('held-out-25', '金钥便民开锁换锁');
  const status = (said: string) => checkPermission(rules, said).status;

  it('reads no complaint into a lock cylinder changed, which the complaint rule’s note only tells of', () => {
    // 投诉技师（私自加价、态度差、强行推销换锁芯）: the change is in the note, not the rule's step.
    expect(status('帮我换个锁芯')).not.toBe('requires_process');
    expect(status('师傅强行推销换锁芯，我要投诉')).toBe('requires_process');
  });

  it('reads money asked for damage the line tells of as the damage claim, not the money limit', () => {
    expect(status('门框被你们师傅撬坏了，赔我八百')).toBe('requires_process');
    expect(status('门框锁舌那儿撬得凹进去一大块，你们要负这个责，赔我八百块')).toBe('requires_process');
    // Told of no damage, the sum stays the money limit's.
    expect(status('赔我八百')).toBe('requires_supervisor');
  });

  it('reads 师傅电话 under the rule on technicians’ numbers, not the one on other customers', () => {
    expect(checkPermission(rules, '那你把师傅电话给我呗，我直接跟他说咋走').rule).toMatch(/^提供技师/);
  });

  it('reads a sum dropped (那一百俺不要了) as no cancellation', () => {
    expect(checkPermission(rules, '那一百俺不要了，六十退了就中').rule ?? '').not.toMatch(/取消订单/);
  });
});

describe('checkPermission on a car-wash club’s rules (held-out round 26)', () => {
  const rules = rulesFor('held-out-26', 'Glosswell Express Car Wash');
  const status = (said: string) => checkPermission(rules, said).status;

  it('reads "for anyone other than the account holder" as a rule on someone else’s membership', () => {
    expect(status('cancel my membership')).toBe('can_approve_immediately');
    expect(status("can you cancel my wife's membership")).toBe('forbidden');
  });

  it('reads a step set aside (rather than cancel it) as not asked, and a couple of months as two', () => {
    expect(
      status('Could I put it on hold for a couple of months, like, rather than cancel it altogether?'),
    ).toBe('can_approve_immediately');
  });
});

describe('checkPermission: a car-wash club’s remedies and sign-ups (held-out round 26)', () => {
  const rules = rulesFor('held-out-26', 'Glosswell Express Car Wash');
  const status = (said: string) => checkPermission(rules, said).status;

  it('reads "(max £14 per wash)" as the refund’s limit, not the count of re-wash codes beside it', () => {
    expect(status('the wash was incomplete, I want my money back, £14')).toBe('can_approve_immediately');
    expect(status('the wash was incomplete, I want my money back, £20')).not.toBe('can_approve_immediately');
  });

  it('reads each of "sign up a membership, or add a car" as a rule of its own', () => {
    expect(status('I want to sign up for a Wash Club membership')).toBe('can_approve_immediately');
    expect(status('add a car to my account')).toBe('can_approve_immediately');
  });
});

describe('checkPermission on a leak-repair firm’s and a study room’s rules (held-out round 26)', () => {
  it('reads what a forbidding rule’s note lets someone do (租客可以先约检测) as no part of what it forbids', () => {
    const rules = rulesFor('held-out-26', '固顶防水补漏');
    expect(
      checkPermission(rules, '你们派人来帮我检测一下到底哪里来的水，礼拜六上半天有没有空？').status,
    ).not.toBe('forbidden');
    expect(checkPermission(rules, '检测费一百五你开张发票给我，抬头就写我个人').status).not.toBe('forbidden');
  });

  it('reads 离他远点 as where the caller wants to sit, not as a seat changed for him', () => {
    const rules = rulesFor('held-out-26', '青灯共享自习室');
    expect(checkPermission(rules, '那你给我换个座，离他远点').status).not.toBe('forbidden');
    expect(checkPermission(rules, '帮我室友换个座').status).toBe('forbidden');
  });
});

describe('checkPermission: a leak-repair firm’s warranty and service times (held-out round 26)', () => {
  const rules = rulesFor('held-out-26', '固顶防水补漏');

  it('reads the state a rule is in (质保期外) into each of its shorter phrases (减免费用)', () => {
    expect(checkPermission(rules, '质保期内减免费用').rule ?? '').not.toMatch(/^质保期外/);
    expect(checkPermission(rules, '减免费用').rule ?? '').toMatch(/^质保期外/);
  });

  it('reads 48小时内安排上门 as the firm’s promise, not a limit on the repair asked for', () => {
    expect(checkPermission(rules, '质保期内原位置复漏，免费返修').status).toBe('can_approve_immediately');
  });
});

describe('checkPermission: "case 核实属实：how it is worked out, remedy" (held-out round 26)', () => {
  const rules = rulesFor('held-out-26', '青灯共享自习室');
  it('reads the first clause naming a remedy as the remedy, with the case told', () => {
    expect(checkPermission(rules, '忘了签退，多扣了，退款28元').status).toBe('can_approve_immediately');
    expect(checkPermission(rules, '空调坏了一下午，补偿我20块').status).toBe('can_approve_immediately');
  });
});

describe('checkPermission: a report or certificate asked to say whose fault a leak was (held-out round 26)', () => {
  const rules = rulesFor('held-out-26', '固顶防水补漏');
  it('forbids a conclusion changed, or a certificate worded at the caller’s dictation', () => {
    expect(checkPermission(rules, '你们帮我把结论改一下，就写开发商原来防水层冇做好').status).toBe(
      'forbidden',
    );
    expect(checkPermission(rules, '给我开张证明，就写“502卫生间漏水是602卫生间引起的”，盖个章').status).toBe(
      'forbidden',
    );
  });
});

describe('checkPermission: an item left behind (held-out round 26)', () => {
  it('reads 落在 and 丢了 of one’s own item as the lost-property case (物品遗失), whatever the item', () => {
    const rules = rulesFor('held-out-26', '青灯共享自习室');
    for (const said of ['我的iPad落在你们店里了', '我的iPad丢了'])
      expect(checkPermission(rules, said).status).toBe('requires_process');
  });
});

describe('checkPermission: camera footage where the product has a process for it (held-out round 26)', () => {
  it('opens the product’s process for footage (subject access requests), and forbids it where none is', () => {
    const carWash = rulesFor('held-out-26', 'Glosswell Express Car Wash');
    expect(checkPermission(carWash, 'I want a copy of the camera footage').status).toBe('requires_process');
    const studyRooms = rulesFor('held-out-26', '青灯共享自习室');
    expect(checkPermission(studyRooms, '我要看监控录像，看看谁拿了我的iPad').status).toBe('forbidden');
  });
});

describe('checkPermission: a thing a stricter rule names only in part (held-out round 4)', () => {
  const rules = rulesFor('held-out-4', 'Ridgeway Vets');
  it('reads "cancel my cat’s appointment" as the appointment, not the pet health plan', () => {
    expect(checkPermission(rules, "Cancel my cat's appointment tomorrow please").status).toBe(
      'can_approve_immediately',
    );
    expect(checkPermission(rules, 'cancel my pet health club plan').status).toBe('requires_supervisor');
  });
});

describe('checkPermission: a forbidding rule’s note on why and what instead (held-out round 10)', () => {
  const rules = rulesFor('held-out-10', 'Straits Harbour Ferries');
  it('reads "(… cancel under the fare rules and book a new ticket)" as no part of what is forbidden', () => {
    expect(checkPermission(rules, 'I want to book two seats to Batam on Saturday').status).not.toBe(
      'forbidden',
    );
    expect(checkPermission(rules, 'change the name on my ticket to my brother').status).toBe('forbidden');
  });
});

describe('checkPermission: a freeze within the rules, and beyond them (held-out rounds 26 and 8)', () => {
  it('reads 最长7天 as the limit, 冻七天 as a freeze, and 超出规定的冻结 as what goes beyond it', () => {
    const rules = rulesFor('held-out-26', '青灯共享自习室');
    expect(checkPermission(rules, '月卡冻七天').status).toBe('can_approve_immediately');
    expect(checkPermission(rules, '月卡冻十天').rule ?? '').toMatch(/^超出规定的冻结/);
  });

  it('reads any refund outside the rules as beyond no one limit where several rules limit refunds', () => {
    // Cancel a plan within 14 days and refund it; billing errors up to EUR 120: beyond 14 days is
    // not what is outside the rules, so a bare refund of a year-old plan is no exception by its age.
    const rules = rulesFor('held-out-37', 'Corrib Hearth & Chimney');
    const exceptions = rules.rules.find((r) => r.text.startsWith('Any refund outside the rules'));
    expect(exceptions?.condition).toBeUndefined();
  });

  it('reads a freeze dropped in its own clause (冻结就算了) as asking for nothing', () => {
    const rules = rulesFor('held-out-8', '小海豚少儿游泳');
    expect(checkPermission(rules, '延期嘛，你帮我延十五天。冻结就算了，暑假说不定还要用').status).toBe(
      'can_approve_immediately',
    );
  });
});

describe('checkPermission: footage a product would approve giving out', () => {
  it('still forbids it by default: only a process or a supervisor decides footage instead', () => {
    const rules = compileRules({
      can_approve_immediately: ['Send CCTV footage to the customer'],
      requires_supervisor: [],
      requires_process: [],
      forbidden: [],
    });
    expect(checkPermission(rules, 'send me the CCTV footage').status).toBe('forbidden');
  });
});

describe('checkPermission: a limit bumped (held-out round 2)', () => {
  const rules = rulesFor('held-out-2', 'Fernpay Card');
  it('reads "bump my ATM limit" as a raise of the limit, and "bump my appointment" as none', () => {
    expect(checkPermission(rules, 'bump my ATM limit to $800 for one day').status).toBe(
      'can_approve_immediately',
    );
    expect(checkPermission(rules, 'bump my appointment to Friday').status).not.toBe(
      'can_approve_immediately',
    );
  });
});

describe('checkPermission: someone else named a sentence before the step (held-out rounds 1 and 26)', () => {
  it('forbids cancelling a membership or refunding tickets that the line before says are another’s', () => {
    const carWash = rulesFor('held-out-26', 'Glosswell Express Car Wash');
    expect(checkPermission(carWash, 'My wife has a membership with you. Cancel it please.').status).toBe(
      'forbidden',
    );
    expect(
      checkPermission(carWash, "My wife's got a membership too. Can you cancel that one as well?").status,
    ).toBe('forbidden');
    const tickets = rulesFor('held-out', 'StageDoor Tickets');
    expect(checkPermission(tickets, 'My mum bought tickets on her account. Refund them please.').status).toBe(
      'forbidden',
    );
  });
});

describe('checkPermission on a doorstep dairy’s rules (held-out round 27)', () => {
  const status = statusFor('held-out-27', 'Larkfield Doorstep Dairy');

  // The rule changes the standing order; a thing taken from it or put on it changes it.
  it.each([
    'stop the organic one from my standing order',
    'take the eggs off my standing order',
    'add two yoghurts to my standing order',
  ])('reads "%s" as the standing order changed', (said) => {
    expect(status(said)).toBe('can_approve_immediately');
  });

  it('reads a tenner knocked off the bill for the trouble as goodwill money, for a supervisor', () => {
    expect(status("Knock a tenner off the bill for the trouble and we'll say no more about it")).toBe(
      'requires_supervisor',
    );
    expect(
      checkPermission(rulesFor('held-out-27', 'Larkfield Doorstep Dairy'), 'knock a tenner off the bill')
        .rule,
    ).toMatch(/goodwill/);
  });
});

describe('checkPermission on a roadside club’s rules (held-out round 28)', () => {
  const status = statusFor('held-out-28', 'Trillium Roadside Club');

  // Damage to a vehicle or property during service: log a damage claim.
  it('reads damage to my car as damage to a vehicle, a claim', () => {
    expect(status('your driver damaged my car when he hooked it up, I want a claim for the damage')).toBe(
      'requires_process',
    );
  });

  // Add or remove associate members on the caller's own membership: whoever the caller takes off
  // their own membership is a member removed, not someone the caller acts for; their data stays theirs.
  it.each([
    'take my ex-husband off my membership',
    'remove my son from my account',
    'remove Brian from my membership',
  ])('reads "%s" as removing an associate member', (said) => {
    expect(status(said)).toBe('can_approve_immediately');
  });
  it.each(["cancel my wife's membership", 'take my ex off my plan and tell me his new number'])(
    'still refuses "%s" (someone else’s membership or data)',
    (said) => {
      expect(status(said)).toBe('forbidden');
    },
  );

  // On the caller's own membership (primary member): upgrade the tier, switch auto-renew on or off …
  it.each(['switch auto-renew off', 'turn off the auto-renew', 'update my home address'])(
    'reads "%s" as one of the actions after the rule’s colon',
    (said) => {
      expect(status(said)).toBe('can_approve_immediately');
    },
  );
});

describe('checkPermission on an electricity supplier’s rules (held-out round 28)', () => {
  const status = statusFor('held-out-28', '津沽供电');

  // 为户主开通或取消峰谷电价; 为户主或授权绑定手机号开通、关闭余额提醒和欠费停电预告短信.
  it.each(['我听说有个峰谷电价，晚上便宜，您给我开上', '帮我开通余额提醒短信', '把欠费停电预告短信关闭了吧'])(
    'reads "%s" as the action done for the holder',
    (said) => {
      expect(status(said)).toBe('can_approve_immediately');
    },
  );

  // 重复缴费原路退回：<=200元/笔 beside 重复缴费原路退回>200元/笔: one phrase, whose 重复 is what
  // sets it apart; a plain refund says no payment made twice.
  it('approves money back for a payment made twice, not any refund under its limit', () => {
    expect(status('重复缴费原路退回10元')).toBe('can_approve_immediately');
    expect(status('十块零八毛，你给我退了')).not.toBe('can_approve_immediately');
  });
});

describe('checkPermission on a meal kit’s rules (held-out round 8)', () => {
  const status = statusFor('held-out-8', 'Harvest Lane Meal Kits');

  // Food safety - suspected illness, allergic reaction or a foreign object: the topic before the dash.
  it('reads "the beef made us sick" as the food-safety report', () => {
    expect(status('I think the beef made us sick')).toBe('requires_process');
  });
});

describe('checkPermission on a water company’s rules (held-out round 3)', () => {
  const status = statusFor('held-out-3', 'Wyvern Water');

  // Change the Direct Debit date or amount; one payment break of one month in 12 months: the limit
  // is the payment break's, not the change's.
  it('approves moving the direct debit, which states no duration', () => {
    expect(status('change my direct debit date to the 15th')).toBe('can_approve_immediately');
  });

  // I've got £30 credit on my account: the balance held, told, is no goodwill credit asked for.
  it('reads a credit balance the caller holds as told, not as goodwill asked for', () => {
    const rules = rulesFor('held-out-3', 'Wyvern Water');
    const decision = checkPermission(
      rules,
      "I've got £30 credit on my account, can you refund it to my bank?",
    );
    expect(decision.parts.map((p) => p.rule ?? '')).not.toContainEqual(expect.stringMatching(/Goodwill/));
    expect(status("I've got £80 credit on my account, can you refund it to my bank?")).toBe(
      'requires_supervisor',
    );
  });

  // Book a … meter exchange: the exchange is asked by its verb, of the meter (swap reads as exchange).
  it('approves "can someone come and swap my meter?" as the meter exchange booked', () => {
    expect(status('Can someone come and swap my meter?')).toBe('can_approve_immediately');
  });
});

describe('checkPermission on a water park’s rules (held-out round 31)', () => {
  const status = statusFor('held-out-31', '碧浪湾水上乐园');

  // 替来电号码以外的账户退票: a forbidden rule on acting for another account. Those the caller went
  // with, listed (同老公仔仔, 领俩孩子), and why someone cannot come (我老公要加班) ask nothing for them.
  it.each([
    '礼拜日我同老公仔仔去你哋顺德园玩，下昼落大雨停晒园，五百几蚊门票就咁嘥咗，你哋要全部退返畀我',
    '上礼拜六我领俩孩子上你们浑南那园子，手环多扣了我二百多，多扣的都给我退回来',
    '礼拜六我老公要加班，帮我改到下礼拜三，就是19号，好伐？',
  ])('reads company and reasons in "%s" as the caller’s own request', (said) => {
    expect(status(said)).not.toBe('forbidden');
  });

  it.each(['替我妹妹把她的票退了', '帮我老公的季卡退了', '我老公要加班，把他的票改到下周'])(
    'still forbids "%s", done for someone else',
    (said) => {
      expect(status(said)).toBe('forbidden');
    },
  );
});

describe('checkPermission on a hair-salon chain’s rules (held-out round 33)', () => {
  const status = statusFor('held-out-33', '青丝阁美发造型');

  // 替来电号码以外的会员卡办理退卡、退款: a card other than the calling number's is someone else's; the
  // caller's own card's money asked back is no such request.
  it('does not forbid "卡里多扣的钱退给我" and still forbids a husband’s card', () => {
    expect(status('卡里多扣的钱退给我')).not.toBe('forbidden');
    expect(status('帮我老公的会员卡预约礼拜六')).toBe('forbidden');
  });
});

describe('checkPermission: the step of a listed rule the request says, as its label (held-out round 33)', () => {
  const rules = rulesFor('held-out-33', '青丝阁美发造型');
  // 预约、改约、取消预约（可以指定发型师）: a booking asked is labelled 预约, not the whole list (which
  // reads as a cancellation too).
  it('labels 帮我约礼拜六下午两点剪头 as 预约', () => {
    const decided = checkPermission(rules, '帮我约礼拜六下午两点剪头');
    expect(decided.status).toBe('can_approve_immediately');
    expect(decided.label).toBe('预约');
  });
});

describe('checkPermission on a narrowboat hire’s rules (held-out round 33)', () => {
  const status = statusFor('held-out-33', 'Wrenfield Narrowboat Holidays');
  // "see" said in passing (he's a plasterer, see, self-employed) sees nothing: the injury claim asked
  // after it is the request.
  it('reads "…, see, …" as said in passing, not a look-up that hides the claim', () => {
    expect(
      status("He's a plasterer, see, self-employed. I want yous to pay for his physio and his lost money."),
    ).toBe('requires_process');
    expect(status('can I see my bill')).toBe('can_approve_immediately');
  });
});

describe('checkPermission on a children’s camp’s rules (held-out round 33)', () => {
  const status = statusFor('held-out-33', '山海行少儿冬夏令营');

  // 替来电号码以外的家长账户办理…改期: an account other than the calling number's is someone else's.
  it('approves moving the caller’s own child to a later session and forbids moving a colleague’s', () => {
    expect(status('改到二十七号那期')).toBe('can_approve_immediately');
    expect(status('帮我把我同事孩子的营期改到27号')).toBe('forbidden');
  });

  // 换到后面一期: a later session is where the booking is moved; 要不 opening a clause offers it.
  it.each(['那要不换到后面一期成不成？', '能不能改到下一期'])('approves "%s" as the free move', (said) => {
    expect(status(said)).toBe('can_approve_immediately');
  });
  it('does not approve "我不换了", a move refused', () => {
    expect(status('我不换了')).not.toBe('can_approve_immediately');
  });
});

describe('checkPermission on a home-help agency’s rules (held-out round 4): a forbidden rule’s pieces', () => {
  const status = statusFor('held-out-4', '沈阳巧姐家政');

  // 修改打卡记录或阿姨评价；为他人的合同换人、改期、退款或解约: two rules, each read on its own.
  it('forbids changing the date on someone else’s contract', () => {
    expect(status('帮我把我妹妹的合同改期到下个月')).toBe('forbidden');
  });
  it('reads the nanny of the caller’s own contract as no one else’s contract', () => {
    expect(status('我原来定的是二十号上户嘛，给我改成十号啊？阿姨那边能来得了不？')).not.toBe('forbidden');
  });
  it('reads someone told of in an earlier sentence as no one the change is for', () => {
    expect(
      status(
        '现在这个孙秀梅，孩子在地上爬她都不带瞅一眼的，我老伴儿说她好几回了。我要换人，赶紧给我换一个。',
      ),
    ).not.toBe('forbidden');
  });
});

describe('checkPermission on a trampoline park’s rules (held-out round 31)', () => {
  const status = statusFor('held-out-31', 'Cloudhopper Trampoline Parks');

  // Book, add jumpers to, move or cancel jump sessions: "jumpers" is the adding step's own thing.
  it.each([
    'can you move it to Sunday',
    'move my booking to Sunday at two',
    "book my two kids in for the ten o'clock session on Saturday",
  ])('reads "%s" as the booking rule', (said) => {
    expect(status(said)).toBe('can_approve_immediately');
  });

  // Refunding to a different card or account than the one charged: the caller's own card is not it.
  it.each([
    'stick it back on me card so',
    'put it back on my card',
    'Just stick the July one back in ma bank then',
  ])('reads "%s" as money back, not to a different card', (said) => {
    expect(status(said)).not.toBe('forbidden');
    expect(status(said)).not.toBe('can_approve_immediately');
  });
  it('still forbids a refund to someone else’s card', () => {
    expect(status("refund it to my wife's card")).toBe('forbidden');
  });
});

describe('checkPermission on an online printer’s rules (held-out round 31)', () => {
  it('reads 重新印 as the reprint its rules name (重印)', () => {
    const rules = rulesFor('held-out-31', '墨点云印');
    expect(checkPermission(rules, '你给我两本都重新印').rule).toMatch(/重印/);
  });
});

describe('checkPermission on a balloon operator’s rules (held-out round 32)', () => {
  const status = statusFor('held-out-32', 'Dawnlift Balloon Flights');

  // "Changing, moving or cancelling a booking for anyone who isn't its booker" is forbidden: the
  // caller's company (me and my partner Tom, my wife and I) and why one of them cannot come (my
  // partner hurt his knee) leave the booking the caller's own.
  it.each([
    "We're booked on the balloon this Sunday, me and my partner Tom. Can I cancel it?",
    'my wife and I are booked Sunday, can we cancel it?',
    'Can I cancel our booking? My partner hurt his knee.',
    // 's as "has" or "is" (my dad's had a stroke, me mam's in hospital), not whose.
    "I've got the boat booked. My dad's had a stroke. Can I cancel?",
    "We're booked Sunday. Me mam's in hospital, can I cancel it?",
  ])('does not refuse "%s" as someone else’s booking', (said) => {
    expect(status(said)).not.toBe('forbidden');
  });

  // "Telling anyone anything about a booking or voucher that isn't theirs": someone else's thing,
  // so the caller's own voucher asked about is not refused.
  it.each(['extend my voucher', "I'd like the extension on my voucher"])('does not refuse "%s"', (said) => {
    expect(status(said)).not.toBe('forbidden');
  });

  it.each([
    'Could you just check if my sister is on the same flight as me tomorrow?',
    "when is my friend's flight",
    "Can I cancel my partner's booking?",
    "cancel my booking and my wife's",
    'My partner hurt his knee, can you tell me his booking time?',
    "Can you cancel my dad's booking?",
  ])('still refuses "%s"', (said) => {
    expect(status(said)).toBe('forbidden');
  });
});

describe('checkPermission on a watch repairer’s rules (held-out round 32)', () => {
  const status = statusFor('held-out-32', '恒时表匠名表维修');
  // 出具真伪鉴定、估价证明或鉴定证书 is forbidden; the fee of an inspection asked after is no
  // appraisal asked for.
  it('does not refuse 检测费收不收 as an appraisal', () => {
    expect(status('检测费收不收？')).not.toBe('forbidden');
  });
  it('still refuses 帮我出个鉴定证书', () => {
    expect(status('帮我出个鉴定证书，我拿去典当')).toBe('forbidden');
  });
});

describe('checkPermission on a hair salon’s overcharge rules (held-out round 33)', () => {
  const status = statusFor('held-out-33', '青丝阁美发造型');
  // 多扣费：核实后退差额，每单合计<=200元: 退差额 is a refund, and what the limit is counted over
  // (每单合计) the request meets by its amount; a card a charge was taken from (卡里多扣了) is where
  // the money was, not a card returned.
  it.each([
    '多扣费退差额两百',
    '多扣了150块，退给我',
    '卡里多扣了两百块，退给我',
    '重复扣款了176，退我',
    '多扣了150块，格个钞票侬要退拨我的',
  ])('approves "%s" under the overcharge rule', (said) => {
    expect(status(said)).toBe('can_approve_immediately');
  });
  it.each(['多扣了300块，退给我', '多扣的钱退给我'])(
    'asks a supervisor for "%s" (over the limit, or unknown)',
    (said) => {
      expect(status(said)).toBe('requires_supervisor');
    },
  );
});

describe('checkPermission on a hair salon’s injury and redo rules (held-out round 33)', () => {
  const status = statusFor('held-out-33', '青丝阁美发造型');
  const rules = rulesFor('held-out-33', '青丝阁美发造型');
  // 规则外的任何补偿 is a rule for what no other rule covers: an injury said (受伤, 医药费) is the
  // injury rule's, a process, not the residual's supervisor.
  it.each(['孩子受伤了，赔两千', '耳朵被推子划伤了，你们今天要赔我两千，医药费加精神损失'])(
    'opens the injury process for "%s"',
    (said) => {
      expect(status(said)).toBe('requires_process');
    },
  );
  it('keeps the residual for a case it lists itself (误工费)', () => {
    expect(checkPermission(rules, '误工费你们得赔我100').rule).toMatch(/^规则外/);
  });
  // 修鬓角 is a trim, and 过了7天要求免费返修 is past the seven days.
  it('reads no repair in 儿子修鬓角', () => {
    expect(checkPermission(rules, '我儿子在玉林店修鬓角').rule).toBeNull();
  });
  it('reads 过了7天 as beyond seven days', () => {
    expect(status('烫了三天，卷塌了，免费返修一下')).toBe('can_approve_immediately');
    expect(checkPermission(rules, '都过了十天了，能免费返修吗').rule).toBe('过了7天要求免费返修');
  });
});

describe('checkPermission on a luggage service’s and a camp’s money rules (held-out rounds 33 and 34)', () => {
  const luggage = rulesFor('held-out-34', '轻装行李管家');
  const camp = rulesFor('held-out-33', '山海行少儿冬夏令营');

  // 超时送达：核实晚于承诺时效的，原路退这一单全部运费: what the operator checks (核实…的) and the
  // order pointed at (这一单) are no words a caller says.
  it('approves a late delivery’s fare asked back', () => {
    expect(checkPermission(luggage, '超时送达了，运费148退我').status).toBe('can_approve_immediately');
  });

  // 替来电号码以外的订单或寄存…退款: an order other than the calling number's is someone else's.
  it('does not refuse the caller’s own refund as another number’s order', () => {
    expect(checkPermission(luggage, '快半夜十二点了才给我送过来，那个钱你们得给我退喽').status).not.toBe(
      'forbidden',
    );
  });

  // （整笔报主管，不拆开先退一部分）tells the operator what not to do: no refund the rule is for.
  it('reads no refund in a note that denies one', () => {
    const rules = compileRules({
      can_approve_immediately: [],
      requires_supervisor: ['多扣费>300元（整笔报站点主管，不拆开先退一部分）'],
      requires_process: [],
      forbidden: [],
    });
    expect(checkPermission(rules, '超时送达了，运费148退我').rule).toBeNull();
  });

  it('names a refund of an overcharge by its action, the case in brackets', () => {
    const said = checkPermission(luggage, '多扣的那笔退给我');
    expect(said.status).toBe('requires_supervisor');
    expect(said.label).toBe('退款（多扣费、重复扣款）');
  });

  // 出发前15天及以上取消：全额原路退款 is the refund of a cancellation: no other refund.
  it.each(['我要退款', '便宜了三百块，差价退给我'])(
    'does not approve "%s" as a cancellation’s refund',
    (said) => {
      expect(checkPermission(camp, said).rule).not.toMatch(/取消：全额原路退款/);
    },
  );
  it('approves a cancellation’s refund asked with the cancellation', () => {
    const rules = compileRules({
      can_approve_immediately: ['出发前15天及以上取消：全额原路退款'],
      requires_supervisor: [],
      requires_process: [],
      forbidden: [],
    });
    expect(checkPermission(rules, '取消报名，全额退款').status).toBe('can_approve_immediately');
    expect(checkPermission(rules, '差价退给我').status).toBe('requires_supervisor');
  });

  // 保价退差价 within 500, 保价差价每单>500元 beyond it; 多退款 is more back than the rules give.
  it('reads a price difference asked back against the price guarantee', () => {
    expect(checkPermission(camp, '便宜了三百块，差价退给我').status).toBe('can_approve_immediately');
    expect(checkPermission(camp, '便宜了七百块，格个差价要退给我').rule).toMatch(/^保价差价每单>500元/);
    expect(checkPermission(camp, '违约金太多了，能不能多退一点').rule).toMatch(/多退款/);
  });
});

describe('checkPermission on a call waited for (held-out round 34)', () => {
  const luggage = rulesFor('held-out-34', '轻装行李管家');
  // 咁我等佢电话: a call the caller waits for hands over no one's number.
  it.each(['好啦，那我等他电话，谢谢了。', '那我等主管电话'])('does not refuse "%s"', (said) => {
    expect(checkPermission(luggage, said).status).not.toBe('forbidden');
  });
  it('still refuses a number asked for', () => {
    expect(checkPermission(luggage, '把他电话给我').status).toBe('forbidden');
  });
});

describe('checkPermission on a proxy the caller sends (held-out round 34)', () => {
  const luggage = rulesFor('held-out-34', '轻装行李管家');
  const caller = { callerPhone: '13900003408' };
  // 寄存人本人来电授权代取人（姓名和手机号）: someone sent to collect for the caller, with the name and
  // number the rule asks for, is the caller's to authorise, no one else's data asked for.
  it.each(['让我室友去帮我取', '你给我登记一下，让我室友去帮我取。她叫王佳琪，手机号15889047721。'])(
    'approves "%s"',
    (said) => {
      expect(checkPermission(luggage, said, { caller }).status).toBe('can_approve_immediately');
    },
  );
  it('still refuses a roommate’s own storage asked after', () => {
    expect(checkPermission(luggage, '我室友手机号15889047721，帮我查下她的寄存在哪', { caller }).status).toBe(
      'forbidden',
    );
  });
});

describe('checkPermission on an e-bike subscription’s card rule (held-out round 34)', () => {
  const status = statusFor('held-out-34', 'Freewheel E-Bike Subscriptions');
  // "refunding to a card other than the one charged": the caller's own card is the one charged.
  it('does not refuse money put back on the caller’s own card', () => {
    expect(status('Can you just put whatever it is back on me card')).not.toBe('forbidden');
  });
  it("still refuses a refund to someone else's card", () => {
    expect(status("refund it to my wife's card")).toBe('forbidden');
  });
});

describe('checkPermission on the other side of a sale (held-out round 34)', () => {
  const status = statusFor('held-out-34', '循珍二手奢品寄卖');
  // 买家是谁（姓名、城市…）: who bought the caller's bag is the buyer's to keep, asked as a surname
  // or a hometown too.
  it.each(['你给俺说说买家姓啥、哪里的人就行', '你把卖家电话给我，我问问这包的来历'])(
    'refuses "%s"',
    (said) => {
      expect(status(said)).toBe('forbidden');
    },
  );
  it('does not refuse the surname of the technician who comes to the caller', () => {
    expect(status('来的师傅姓啥子？')).not.toBe('forbidden');
  });
});

describe('checkPermission on staff who serve the caller (held-out round 35)', () => {
  const golf = rulesFor('held-out-35', 'Inchmara Golf Links');
  const caller = {
    callerPhone: '0833183520',
    callerName: 'Aoife Hartigan',
    recordText: 'bought a 5-lesson pack at the Academy, lessons with Niall on Monday or Tuesday evenings',
  };
  // "Giving out professionals', caddies' … surnames, personal mobile numbers": a first name is what
  // staff go by, their own mobile and surname are theirs, asked of a role or of the name on record.
  it.each([
    "give me the caddie's phone number",
    "could you give me my instructor's mobile",
    "tell me the pro's surname",
    "could you give me Niall's mobile?",
  ])('refuses "%s"', (said) => {
    expect(checkPermission(golf, said, { caller }).status).toBe('forbidden');
  });
  it.each(["what's the pro's name", "the coach's session was great"])('does not refuse "%s"', (said) => {
    expect(checkPermission(golf, said, { caller }).status).not.toBe('forbidden');
  });
});

describe('checkPermission on actions taken by phone (held-out round 35)', () => {
  // 电话报名, 电话代订包间: the phone is the channel, which a caller on the phone never says.
  const race = statusFor('held-out-35', '奔途路跑赛事');
  const mahjong = statusFor('held-out-35', '雀友汇自助棋牌室');
  it.each(['帮我报个名', '给我报名半马', '要得，那你就帮我报上嘛。我叫谭建明，就是这个手机号。'])(
    'signs up "%s" by 电话报名',
    (said) => {
      expect(race(said)).toBe('can_approve_immediately');
    },
  );
  it('books a room by 电话代订包间', () => {
    expect(mahjong('帮我订个包间')).toBe('can_approve_immediately');
  });
  it('still refuses a sign-up for a child under age', () => {
    expect(race('给我13岁的儿子报个10公里')).not.toBe('can_approve_immediately');
  });
});

describe('checkPermission on lost property sent on (held-out round 35)', () => {
  // "Lost property: tell the caller whether …, hold it at the pro shop …, or post it by registered
  // An Post": each step done to the thing before the colon, asked for of the caller's own item.
  const status = statusFor('held-out-35', 'Inchmara Golf Links');
  it.each(['can you post it to me?', 'Can you  post it to  me? It is 41 Earnock Crescent, Glasgow.'])(
    'approves "%s"',
    (said) => {
      expect(status(said)).toBe('can_approve_immediately');
    },
  );
  it('reads the thing sent and the one it is sent to as the caller names them', () => {
    const rules = compileRules({
      can_approve_immediately: ['Post lost property to the caller'],
      requires_supervisor: [],
      requires_process: [],
      forbidden: [],
    });
    expect(checkPermission(rules, 'post my jacket back to me').status).toBe('can_approve_immediately');
    expect(checkPermission(rules, 'refund me').status).toBe('requires_supervisor');
  });
});

describe('checkPermission on a forbidden rule listing things of two words (held-out round 35)', () => {
  // "editing course logs, play records, lesson records or statements": a booking on the big course
  // moved names no course log.
  const golf = rulesFor('held-out-35', 'Inchmara Golf Links');
  const caller = { callerPhone: '0871213517' };
  it('does not refuse a booking moved because the course is named', () => {
    expect(
      checkPermission(
        golf,
        'We got the big course booked for Friday afternoon. is there any way to move it?',
        {
          caller,
        },
      ).status,
    ).not.toBe('forbidden');
  });
  it.each(['can you change my play record for Saturday?', 'edit my statement please'])(
    'refuses "%s"',
    (said) => {
      expect(checkPermission(golf, said, { caller }).status).toBe('forbidden');
    },
  );
});

describe('checkPermission on what someone else did with their own things, told (held-out round 33)', () => {
  const status = statusFor('held-out-33', 'Wrenfield Narrowboat Holidays');
  // my sister and her husband went and changed their flights, so we need to push it back: the
  // reason for the caller's own change, nothing of theirs asked.
  it('does not refuse a reason told of someone else’s own things', () => {
    expect(
      status(
        'my sister and her husband went and changed their flights from Atlanta, so we need to push the whole thing back a week',
      ),
    ).not.toBe('forbidden');
  });
  it.each([
    'Can you tell me have they put their orders in yet, so I can collect the money off them?',
    'my husband booked his lesson for Tuesday, so I need to know when it is',
  ])('still refuses "%s"', (said) => {
    expect(status(said)).toBe('forbidden');
  });
});

describe('checkPermission on money sent to a card other than the one it came from (held-out round 36)', () => {
  const status = statusFor('held-out-36', 'Pennine Rise Stairlifts');

  // The rule's other party is the other account: the caller's own money back names none.
  it.each(['I want it cancelling and me money back.', 'Can I have me money back?', 'I want my money back'])(
    'does not refuse %s',
    (said) => expect(status(said)).not.toBe('forbidden'),
  );

  it.each(['refund it to my other card', 'refund it to another card', 'refund it to my son’s bank account'])(
    'refuses %s',
    (said) => expect(status(said)).toBe('forbidden'),
  );
});

describe('checkPermission on actions after the operator’s check (held-out round 36)', () => {
  const status = statusFor('held-out-36', '掌柜通餐饮收银');

  // 核实…本人后解锁、短信发验证码重置本人密码: each action after the check, the texted code the operator's.
  it.each([
    '帮我解锁',
    '帮我把账号解锁',
    '帮我重置密码',
    '我这收银机登不上去了，说密码输错太多次锁掉了，中午客人马上就来了，帮我解开',
  ])('approves %s', (said) => expect(status(said)).toBe('can_approve_immediately'));

  it('does not read every 解开 as an unlock', () => {
    expect(status('帮我把绳子解开')).not.toBe('can_approve_immediately');
  });
});

describe('checkPermission on a parcel shown delivered but not received, said in the north (held-out round 36)', () => {
  const status = statusFor('held-out-36', '行远签证服务');

  // 没收着 is 没收到: the case the rule's note names (显示签收但没收到).
  it.each(['显示签收了可我没收着', '顺丰上显示昨儿晚上就签收了，可我压根儿没收着！'])(
    '%s goes the rule’s way',
    (said) => expect(status(said)).toBe('requires_process'),
  );
});

describe('checkPermission on a pledge with its count between (held-out round 36)', () => {
  const status = statusFor('held-out-36', '行远签证服务');

  it('reads 打个包票 as 打包票, the guarantee the rules forbid', () => {
    expect(status('你们打个包票给签下来？老人家跑一趟不容易，别到时候白忙活')).toBe('forbidden');
  });
});

describe('checkPermission on the Yorkshire t’ (held-out round 36)', () => {
  const status = statusFor('held-out-36', 'Pennine Rise Stairlifts');

  it('reads t’ engineer’s mobile as the engineer’s, which staff keep', () => {
    expect(
      status("And can you give me t' engineer's mobile number? Then I can tell him to come round t' back"),
    ).toBe('forbidden');
  });
});

describe('checkPermission on kin’s accounts asked by a caller on no account (held-out round 36)', () => {
  const rules = rulesFor('held-out-36', 'Pennine Rise Stairlifts');
  const said =
    "Listen, my dad's got one of your stairlifts - Frank Mercer, in Walton. What's he actually paying you, and when does this service plan thing come up for renewal?";

  // Accounts here are held for kin by their authorised contacts; a cold caller is no one's contact.
  it('refuses a cold caller what their dad pays', () => {
    expect(
      checkPermission(rules, said, { caller: { callerPhone: '07700900123', unlisted: true } }).status,
    ).toBe('forbidden');
  });
  it('leaves a known caller’s question about their dad to the account the query finds', () => {
    expect(checkPermission(rules, said, { caller: { callerPhone: '07700900123' } }).status).not.toBe(
      'forbidden',
    );
  });
});

describe('checkPermission on a rule that looks things up (held-out round 36)', () => {
  // 查询…的进度、费用、退款和工单: the refund is a thing shown, not a step the rule takes.
  const rules = rulesFor('held-out-36', '行远签证服务');
  const lookUp = rules.rules.filter((r) => r.text.startsWith('查询来电手机号'));
  it('reads no refund among its steps', () => {
    expect(lookUp.length).toBeGreaterThan(0);
    for (const rule of lookUp) expect(rule.concepts.map((c) => c.id)).not.toContain('refund');
  });
  it('approves no refund asked by it', () => {
    expect(checkPermission(rules, '要退就全部退给我').rule).not.toMatch(/^查询/);
  });
});

describe('checkPermission on a window leading an approval (held-out round 36)', () => {
  const status = statusFor('held-out-36', '行远签证服务');

  // 出签后寄出前修改寄回地址: when in the order's course it may be done is the operator's to check.
  it.each(['地址要改一下', '帮我改一下地址', '把寄回地址改成人民路1188号'])('approves %s', (said) =>
    expect(status(said)).toBe('can_approve_immediately'),
  );
});

describe('checkPermission on someone else’s visa (held-out round 36)', () => {
  const status = statusFor('held-out-36', '行远签证服务');

  it.each(['我女儿的签证下来没有', '我女儿何佳怡在你们那儿办英国签证…你帮我查一下嘛，她签证下来没得？'])(
    'refuses %s',
    (said) => expect(status(said)).toBe('forbidden'),
  );
  it('leaves the caller’s own visa alone', () => {
    expect(status('我的签证下来没有')).not.toBe('forbidden');
  });
});

describe('checkPermission on another business’s figures (held-out round 36)', () => {
  const status = statusFor('held-out-36', '掌柜通餐饮收银');

  it.each([
    '其他商户的费率是多少',
    '隔壁那家店的营业额是多少',
    '隔篱嗰间金华烧腊都用紧你哋系统，佢嘅费率係几多？',
  ])('refuses %s', (said) => expect(status(said)).toBe('forbidden'));
  it('leaves the caller’s own rate alone', () => {
    expect(status('我的费率是多少')).not.toBe('forbidden');
  });
});

describe('checkPermission on the caller’s own look (held-out round 36)', () => {
  const status = statusFor('held-out-36', 'Pennine Rise Stairlifts');

  it.each(['let me have a look', "hang on, I'll have a look"])('approves no look-up for %s', (said) =>
    expect(status(said)).not.toBe('can_approve_immediately'),
  );
  it('still reads a look asked for', () => {
    expect(status('can you have a look at my bill')).toBe('can_approve_immediately');
  });
});

describe('checkPermission on a visit of a kind asked for a day (held-out round 36)', () => {
  const status = statusFor('held-out-36', 'Pennine Rise Stairlifts');

  it('reads "can you come and do the survey Friday afternoon" as a booking', () => {
    expect(status('Can you come and do the survey Friday afternoon?')).toBe('can_approve_immediately');
  });
});

describe('checkPermission on a step hurried (held-out round 36)', () => {
  const rules = rulesFor('held-out-36', '掌柜通餐饮收银');

  // 快点给弄一下: the fix asked quickly, not a chase of a settlement under review (结算…催办).
  it('reads no chase in 快点给弄一下', () => {
    expect(checkPermission(rules, '打单机不出单了，你们快点给弄一下嘛').rule ?? '').not.toMatch(/催办/);
  });
});

describe('checkPermission on a badminton hall chain’s rules (held-out round 37)', () => {
  const rules = rulesFor('held-out-37', '飞羽汇羽毛球馆');
  const status = (said: string) => checkPermission(rules, said).status;

  it('keeps every limit its supervisor rule lists, so a bare sum back is not approved under a rule without one', () => {
    expect(status('先给我退1000元')).toBe('requires_supervisor');
    expect(checkPermission(rules, '集训营退费1680元').rule).toMatch(/^课程或集训营退费>1000元/);
  });

  it('never approves money back asked as an exception to the rules', () => {
    const decision = checkPermission(rules, '规则外的退款80元');
    expect(decision.status).toBe('requires_supervisor');
    expect(decision.rule).toMatch(/^规则外的退款/);
  });
});

describe('checkPermission: a visit asked for a day (held-out round 38)', () => {
  const rules = rulesFor('held-out-38', 'Taff Vale Window & Gutter Co.');
  it.each([
    'So can you still get the gutters done this week?',
    "Can't somebody come tomorrow? I'm in all day tomorrow.",
    'book a gutter clear for Saturday',
    'can you come and do my windows tomorrow',
  ])('reads %j as a booking the rules allow', (said) => {
    expect(checkPermission(rules, said).status).toBe('can_approve_immediately');
  });

  it.each([
    "if this isn't sorted I'm going straight to Trading Standards",
    "I'll put it all over the Blackwood Facebook page an' all",
  ])('reads %j as the threat its rule has a supervisor told of', (said) => {
    expect(checkPermission(rules, said).rule ?? '').toMatch(/^Callers threatening/);
  });
});

describe('checkPermission: a deposit asked back (held-out round 38)', () => {
  const rules = rulesFor('held-out-38', '清朗居室内空气检测治理');
  it('decides it by the stricter rule naming deposits, not the refund rule whose cases do not', () => {
    expect(checkPermission(rules, '那五百块定金能退不能').rule ?? '').toMatch(/^规则外的退款/);
    expect(checkPermission(rules, '重复扣款退89元').status).toBe('can_approve_immediately');
  });
});

describe('checkPermission: things sent again, moved to a day, asked of others (held-out round 39)', () => {
  const dives = rulesFor('held-out-39', '蓝鳍潜水中心');
  const curtains = rulesFor('held-out-39', '雅帘居窗帘定制');
  it.each(['补发照片', '那个照片侬再发我一遍好伐？'])(
    'reads %j by the rule sending the photos again, their kinds and channel unsaid',
    (said) => {
      expect(checkPermission(dives, said).rule ?? '').toMatch(/^补发跟拍/);
    },
  );
  it('still refuses someone else’s photos', () => {
    expect(checkPermission(dives, '把我朋友小周的照片也发到我手机上').status).toBe('forbidden');
  });
  it('reads 改礼拜天下午 as the booking moved', () => {
    expect(checkPermission(curtains, '十二号礼拜六我去不了，改礼拜天下午行吗？').rule ?? '').toMatch(
      /免费改期$/,
    );
  });
  it.each(['侬帮我查查看，伊是跟啥人一道去潜的水，几个人？', '你帮我查查她家多少钱一米？'])(
    'refuses %j',
    (said) => {
      expect(checkPermission(curtains, said).status).toBe('forbidden');
    },
  );
  it('asks nothing of anyone in a price per metre or in whom the caller goes with', () => {
    expect(checkPermission(curtains, '这个布多少钱一米？').status).not.toBe('forbidden');
    expect(checkPermission(curtains, '我跟谁一起去都行').status).not.toBe('forbidden');
  });
});

describe('checkPermission: a rule’s terms after its step left unsaid (held-out round 39)', () => {
  const bins = rulesFor('held-out-39', 'Nore Valley Bins');
  it.each(['open an account for me', "I need to open an account, I've just moved in"])(
    'reads %j by the rule opening accounts, its terms (in whose name, how paid) unsaid',
    (said) => {
      expect(checkPermission(bins, said).rule ?? '').toMatch(/^Open a new account/);
    },
  );
});

describe('checkPermission: others’ bookings, things booked after a colon, examples of losses (held-out round 41)', () => {
  const farm = rulesFor('held-out-41', '柑香坪农家乐');
  const pools = rulesFor('held-out-41', 'Jacaranda Pool Care');
  const caller = { caller: { callerPhone: '0447000000' } };
  it.each([
    '对了，我姐好像也订了你们那儿过年的房间，你顺便帮我看下她订的是哪几天',
    '我同事老周说他那个周末也订了你们那儿，他订的哪间？',
    '你帮我查下是不是真的？跟他一起住的是哪个？',
  ])('refuses %j', (said) => {
    expect(checkPermission(farm, said, caller).status).toBe('forbidden');
  });
  it.each([
    '美女，除夕的年夜饭还有没得？给我订两桌，晚上那场',
    '再给我加一张采摘票，我表妹也要去',
    '订一间住宿',
  ])('reads %j by the booking rule, whatever of its list it books', (said) => {
    expect(checkPermission(farm, said, caller).rule ?? '').toMatch(/^预订住宿/);
  });
  it.each(['我订的是哪几天', '帮我看下我订了哪间房'])('asks nothing of anyone in %j', (said) => {
    expect(checkPermission(farm, said, caller).status).not.toBe('forbidden');
  });
  it.each([
    'Could you tell me what the previous owners were on with you, what they were paying?',
    "Col next door reckons he pays you blokes about a hundred bucks a month. What's he on?",
  ])('refuses %j', (said) => {
    expect(checkPermission(pools, said, caller).status).toBe('forbidden');
  });
  it("asks nothing of anyone in what the caller is on or what's he on about", () => {
    expect(checkPermission(pools, 'what plan am I on', caller).status).not.toBe('forbidden');
    expect(checkPermission(pools, "What's he on about?", caller).status).not.toBe('forbidden');
  });
  it.each(['book a green to clean Thursday morning', 'can you book me a callout for Friday'])(
    'reads %j by the booking rule whose colon lists what it books',
    (said) => {
      expect(checkPermission(pools, said, caller).rule ?? '').toMatch(/^Book from the service calendar/);
    },
  );
  it('reads a repair asked for by no rule on claims, whose note lists repairs among losses', () => {
    expect(checkPermission(pools, 'can you fix my pump', caller).rule ?? '').not.toMatch(/^Claims/);
    expect(checkPermission(pools, 'claim for losses $486', caller).status).toBe('requires_process');
  });
  it.each([
    "If this isn't sorted I'm going straight to A Current Affair and Fair Trading, and it's going on every Redlands Facebook group there is.",
    "I'm taking this to Fair Trading",
    "I'll go to the ombudsman",
  ])('reads a threat in %j', (said) => {
    expect(checkPermission(pools, said, caller).rule ?? '').toMatch(/^Callers threatening/);
  });
  it('reads the rest of a prepaid year asked back as a refund over the limit', () => {
    expect(
      checkPermission(
        pools,
        'I paid the year up front, so I need to cancel and get the rest back. Must be the best part of fifteen hundred.',
        caller,
      ).rule ?? '',
    ).toMatch(/^Refunds over \$150/);
  });
  it.each([
    'the buyers have got little kids. Just hand the rest of my months over to them.',
    'move my prepaid months to the new owners',
  ])('refuses prepaid months handed on in %j', (said) => {
    expect(checkPermission(pools, said, caller).status).toBe('forbidden');
  });
  it('refuses a certificate dated from an earlier visit, not an invoice dated for a day', () => {
    expect(checkPermission(pools, 'Just date the certificate from then.', caller).status).toBe('forbidden');
    expect(checkPermission(pools, 'can you date the invoice for the 15th', caller).status).not.toBe(
      'forbidden',
    );
  });
  it('reads an inspection as no inspector, and an inspector’s surname as staff data', () => {
    expect(checkPermission(pools, 'waive the inspection fee', caller).status).toBe('requires_supervisor');
    expect(checkPermission(pools, 'Your inspector came out Monday', caller).status).not.toBe('forbidden');
    expect(checkPermission(pools, "what's the inspector's surname", caller).rule ?? '').toMatch(
      /^Giving out/,
    );
  });
  it('reads everything wanted back, the sum said right after, as money back', () => {
    expect(
      checkPermission(
        pools,
        'Look, I want the lot back - all the chemicals, the hundred and thirty-five.',
        caller,
      ).parts[0]?.concept,
    ).toBe('refund');
    expect(checkPermission(pools, 'I want the lot back in the shed', caller).parts[0]?.concept).not.toBe(
      'refund',
    );
  });
  it('refunds missed visits through our fault, named apart from billing errors', () => {
    expect(checkPermission(pools, 'refund $50.5 (missed visits through our fault)', caller).status).toBe(
      'can_approve_immediately',
    );
  });
});

describe('checkPermission: others’ dealings asked in regional speech, a record’s field written false (held-out round 42)', () => {
  const drains = rulesFor('held-out-42', '通达侠管道疏通');
  const gold = rulesFor('held-out-42', '金满楼珠宝');
  const caller = { caller: { callerPhone: '13900000000' } };
  it.each([
    '你们师傅这两天是不是也去过他屋里？他屋里是不是也堵了？',
    '我那个租客讲厨房下水又不通哒。她上个礼拜是不是也喊过你们来搞？花了好多钱？你们师傅当时么子讲的咯？',
    '楼下那家说他屋里也渗水了。他们是不是也给你们打过电话了？',
    '他讲你们只收了他八十块。',
  ])('refuses another household’s dealings in %j', (said) => {
    expect(checkPermission(drains, said, caller).status).toBe('forbidden');
  });
  it.each([
    '额媳妇是不是在你们店办咧会员？',
    '她上个月是不是在钟楼那个店买咧个金镯子？花咧多少钱？',
    '额儿子前天是不是在你们小寨店给他媳妇买咧个啥？',
    '我前任去年在你们这买过一对对戒，他那只是不是已经拿去你们那回收了？',
    '你帮额查一哈她那个圈口是多少号',
  ])('refuses a relative’s purchases in %j', (said) => {
    expect(checkPermission(gold, said, caller).status).toBe('forbidden');
  });
  it('leaves the caller’s own dealings and the technician’s coming alone', () => {
    expect(checkPermission(drains, '师傅说下午来，他几点到', caller).status).not.toBe('forbidden');
    expect(checkPermission(drains, '我上个礼拜也喊过你们来搞', caller).status).not.toBe('forbidden');
  });
  it('approves a step the rule lists in its own words, said split by a measure word', () => {
    expect(checkPermission(gold, '顺便里面刻个字，能刻不？', caller).status).toBe('can_approve_immediately');
    const mahjong = rulesFor('held-out-35', '雀友汇自助棋牌室');
    // 包间 of 代订包间、续时 is what is booked, no step of its own.
    expect(checkPermission(mahjong, '包间头有没得厕所').status).not.toBe('can_approve_immediately');
  });
  it.each([
    ['不过项目别写黄金啥哩，写成‘办公用品’，俺公司好报。', gold],
    ['那日期能不能写成上个月哩？三月份哩账好走一点。', gold],
    ['对了，帮我开成一千的？反正都是通管子，公司报销方便点', drains],
  ])('refuses an invoice written other than it was in %j', (said, rules) => {
    expect(checkPermission(rules, said, caller).status).toBe('forbidden');
  });
  it('approves a technician sent, the order placed unsaid (下单派师傅上门 asked as 派个师傅来)', () => {
    expect(checkPermission(drains, '你今天下午给我派个师傅来把那个角阀换了', caller).status).toBe(
      'can_approve_immediately',
    );
  });
  it('leaves an invoice made out to a person, not a sum, alone', () => {
    expect(checkPermission(drains, '那就照实开吧，开成个人的', caller).status).not.toBe('forbidden');
  });
  it('refuses a field of an invoice written other than it was, said without the invoice', () => {
    const curtains = rulesFor('held-out-39', '雅帘居窗帘定制');
    expect(checkPermission(curtains, '你给我金额开成九千八').status).toBe('forbidden');
    expect(checkPermission(curtains, '上礼拜你们给我公司装的窗帘，我要开个发票。').status).toBe(
      'can_approve_immediately',
    );
  });
});

describe('checkPermission: a private mailbox’s rules in English (held-out round 42)', () => {
  const boxes = rulesFor('held-out-42', 'Drayton Harbor Mailbox & Parcel');
  const caller = { caller: { callerPhone: '3605550000' } };
  it.each([
    'Is that his box? Gord Boychuk.',
    'Is that the Hollis fellow from over on Marine Drive? I could just pop it round to him.',
  ])('refuses whose box it is or who someone is in %j', (said) => {
    expect(checkPermission(boxes, said, caller).status).toBe('forbidden');
  });
  it.each([
    "Even just 'yes, he's still there' would do me.",
    'Alright, then just pass a message along next time he comes in.',
  ])('refuses whether someone is still a customer, or word carried to them, in %j', (said) => {
    expect(checkPermission(boxes, said, caller).status).toBe('forbidden');
  });
  it('leaves someone who serves the caller, still there, alone', () => {
    expect(checkPermission(boxes, "the driver said he's still there", caller).status).not.toBe('forbidden');
  });
  it('leaves the caller’s own box and a plain question alone', () => {
    expect(checkPermission(boxes, 'is that the right address', caller).status).not.toBe('forbidden');
  });
  it('informs a supervisor of the Attorney General or a review on Google threatened', () => {
    const threat = checkPermission(
      boxes,
      "This is a joke. I'm going to put you all over Google and call the Attorney General's office.",
      caller,
    );
    expect(threat.status).toBe('requires_supervisor');
    expect(threat.rule ?? '').toMatch(/^Callers threatening/);
  });
  it('reads a refund "exactly as the records show" as no record written false', () => {
    expect(
      checkPermission(boxes, 'refund billing errors exactly as the records show $13', caller).status,
    ).toBe('can_approve_immediately');
  });
  it('reads joining the pass as the step that joins it, not a trace of a parcel', () => {
    for (const said of ['Okay, sign me up for that Parcel Pass thing then', 'join Parcel Pass']) {
      const d = checkPermission(boxes, said, caller);
      expect(d.status).toBe('can_approve_immediately');
      expect(d.rule ?? '').toMatch(/^join Parcel Pass/);
    }
    expect(checkPermission(boxes, 'my parcel never showed up, UPS says delivered', caller).status).toBe(
      'requires_process',
    );
  });
  it('reads closing a box as the rule on it, who may ask left to the operator', () => {
    expect(checkPermission(boxes, 'close my box today', caller).status).toBe('can_approve_immediately');
  });
  it('reads the rest liked back, after a sum taken, as money back', () => {
    const d = checkPermission(
      boxes,
      "you took sixty dollars off me. I'd like the rest back, please.",
      caller,
    );
    expect(d.parts.some((p) => p.concept === 'refund')).toBe(true);
  });
});

describe('checkPermission on a gold jeweller’s rules (held-out round 42)', () => {
  const status = statusFor('held-out-42', '金满楼珠宝');

  it('reads a case an escalating rule lists after its colon in the caller’s words', () => {
    // 规则外的退货退款…：金价下跌要求退差价、…、维修费减免: the difference asked back is that case,
    // not a refund under the rules, whatever its sum.
    expect(status('那恁把差价退给我！一千一百多块钱，中不中？')).toBe('requires_supervisor');
    expect(status('退差价1144元')).toBe('requires_supervisor');
    expect(status('维修费能不能免了')).toBe('requires_supervisor');
    // A return within the rules stays an approval.
    expect(status('买了5天，吊坠退了，退1680元')).toBe('can_approve_immediately');
  });
});

describe('checkPermission on a farm-supplies chain’s rules (held-out round 43)', () => {
  const status = statusFor('held-out-43', '田丰农资服务站');

  it('reads goods asked for by the count as an order, one of the steps its rule lists', () => {
    for (const said of [
      '三包复合肥，两包尿素，送到眉山东坡区太和镇石桥村3组',
      '要得，那你给我送两瓶来，再拿一包复合肥，送到永太镇新民村5组，能送不',
      '帮我下个单',
    ])
      expect(status(said), said).toBe('can_approve_immediately');
  });
  it('names a refund sent up whole without the rule’s note on what is not done', () => {
    const d = checkPermission(rulesFor('held-out-43', '田丰农资服务站'), '退款2360元');
    expect(d.status).toBe('requires_supervisor');
    expect(d.parts[0]!.label).not.toMatch(/不得|拆/);
    expect(d.parts[0]!.label).toContain('2360');
  });
  it('leaves goods delivered short a refund, not an order', () => {
    expect(status('6月28日复合肥少送了1袋')).not.toBe('can_approve_immediately');
    expect(status('少送1袋，退170')).toBe('can_approve_immediately');
  });
});

describe('checkPermission on a trademark agency’s rules (held-out round 43)', () => {
  const status = statusFor('held-out-43', '立标知识产权代理');

  it('reads a bribe offered in any words as the forbidden 托关系打点', () => {
    expect(status('那这样嘛，你们在商标局有没得熟人？我多出两千块，你们帮我打点一哈，早点把证拿到手。')).toBe(
      'forbidden',
    );
    expect(status('帮我托关系走走后门')).toBe('forbidden');
  });
});

describe('checkPermission: more written on an invoice than was bought (held-out round 43)', () => {
  it('forbids 多写 as it forbids 多开', () => {
    expect(statusFor('held-out-43', '田丰农资服务站')('发票上数量多写点')).toBe('forbidden');
  });
});

describe('checkPermission on a distillery’s cask rules (held-out round 43)', () => {
  const casks = rulesFor('held-out-43', 'Auchterlair Distillery Private Casks');
  it('reads a visit booked without the words of who may ask for it (at the request of the owner …)', () => {
    expect(checkPermission(casks, 'book a visit for the 22nd').status).toBe('can_approve_immediately');
  });
});

describe('checkPermission: a case an escalating rule lists in a state, said denied (held-out round 43)', () => {
  it('reads 没拆封的 as none of 已拆封的种子化肥', () => {
    const rules = rulesFor('held-out-43', '田丰农资服务站');
    const d = checkPermission(rules, '签收3天，没拆封的复合肥，退货');
    expect(d.parts.map((p) => p.rule ?? '')).not.toContain(expect.stringContaining('已拆封'));
  });
  it('reads 退得嘛 as money asked back', () => {
    const d = checkPermission(rulesFor('held-out-43', '田丰农资服务站'), '这个总退得嘛');
    expect(d.parts.some((p) => p.concept === 'refund')).toBe(true);
  });
});

describe('checkPermission: notices read as the time left before a booking (held-out rounds 5, 21, 30)', () => {
  const pets = rulesFor('held-out-5', '毛球家宠物寄养洗护');
  it('holds a move to the time left the records show, not to how far the booking moves', () => {
    const at = (left: number) =>
      checkPermission(pets, `距约定时间还有${left}小时，帮我改到礼拜天下午`, { today: '2027-04-14' });
    expect(at(48).status).toBe('can_approve_immediately');
    expect(at(10).status).toBe('requires_supervisor');
    // Unstated, both notices may hold: the stricter decides.
    expect(checkPermission(pets, '帮我改到礼拜天下午', { today: '2027-04-14' }).status).toBe(
      'requires_supervisor',
    );
  });
  it('never approves against a time left that falls short of the only notice rule', () => {
    const rules = compileRules({
      can_approve_immediately: ['洗护预约改期（距预约时间>=24小时）'],
      requires_supervisor: [],
      requires_process: [],
      forbidden: [],
    });
    expect(checkPermission(rules, '距约定时间还有10小时，洗护预约改到周日').status).not.toBe(
      'can_approve_immediately',
    );
  });
  it('names a notice rule without the event it counts to, and without the time left as an amount', () => {
    const rooms = rulesFor('held-out-21', '谜途密室逃脱');
    const d = checkPermission(rooms, '挪到下礼拜六吧', { today: '2032-01-14' });
    expect(d.status).toBe('can_approve_immediately');
    expect(d.parts[0]!.label).toBe('改期或取消');
  });
  it('reads a deposit back, the banquet far enough ahead, as the rule that returns it', () => {
    const banquets = rulesFor('held-out-30', '鸿禧宴会酒楼');
    expect(checkPermission(banquets, '距约定时间还有3086小时，取消婚宴，退定金').status).toBe(
      'can_approve_immediately',
    );
  });
});

describe('checkPermission on a hanfu rental and e-sports cafés (held-out round 48)', () => {
  const hanfu = rulesFor('held-out-48', '云裳阁汉服租赁');
  const cafes = rulesFor('held-out-48', '极光电竞网咖');
  it('refuses someone else’s hire and bookings asked in the caller’s words', () => {
    for (const said of [
      '你帮我查查她租的是哪套，衣服寄到洛阳哪个酒店了？她姓吴',
      '你帮我查查我闺蜜有没有在你们这儿预约',
    ])
      expect(checkPermission(hanfu, said).status, said).toBe('forbidden');
  });
  it('reads a booking for the caller’s child as a booking, and the shop’s only booking rule in any words', () => {
    expect(checkPermission(hanfu, '那就约一点半。我要精致的那个，小朋友随便弄弄就好了').status).toBe(
      'can_approve_immediately',
    );
    expect(checkPermission(hanfu, '帮我约个妆造').status).toBe('can_approve_immediately');
  });
  it('takes a report about minors as the report, not as serving them', () => {
    const said = '你们怎么搞的，让未成年人进去上网！我儿子才十六岁，昨天晚上一晚上没回来！我要举报你们！';
    expect(checkPermission(cafes, said).status).toBe('requires_process');
  });
  it('reads going to the shop to do it as no request of the ban on doing it by phone', () => {
    expect(checkPermission(cafes, '那我到店里去改').status).not.toBe('forbidden');
    expect(checkPermission(cafes, '电话里给我改绑一下').status).toBe('forbidden');
  });
  it('reads food orders missed (漏送错送) as no bonus money, and the logs the operator checks as no words', () => {
    expect(
      checkPermission(cafes, '系统日志能证实的机器故障和断网时段上机费、点餐漏送错送、重复扣费, 退回24元')
        .status,
    ).toBe('can_approve_immediately');
  });
});

describe('checkPermission: a window open or closed (held-out round 1)', () => {
  const tickets = rulesFor('held-out', 'StageDoor Tickets');
  it('does not approve a refund its records say falls after the window', () => {
    expect(
      checkPermission(tickets, 'refund a postponed $55.28 (after the refund window has closed)').status,
    ).toBe('requires_supervisor');
    expect(checkPermission(tickets, 'refund a postponed $55.28 (inside the refund window)').status).toBe(
      'can_approve_immediately',
    );
  });
});

describe('checkPermission on after-school care, home nursing and a tent rental (held-out round 49)', () => {
  const care = rulesFor('held-out-49', '小橘灯课后托管');
  const nursing = rulesFor('held-out-49', '仁馨上门护理');
  const tents = rulesFor('held-out-49', 'Mesurado Tent & Chair Rentals');
  it('reads a ban on refunds to any account but two named as about other accounts only', () => {
    expect(checkPermission(care, '多扣的给我退了').status).not.toBe('forbidden');
    expect(checkPermission(care, '退到我妈的微信上').status).toBe('forbidden');
  });
  it('books a nurse’s visit, and bans only one booked behind the company’s back', () => {
    expect(checkPermission(nursing, '帮我预约明天下午护士来换药').status).toBe('can_approve_immediately');
    expect(checkPermission(nursing, '明天下午最早几点能来？就约最早的那个').status).toBe(
      'can_approve_immediately',
    );
    expect(checkPermission(nursing, '我想私下约护士上门，不走你们平台').status).toBe('forbidden');
  });
  it('keeps a notice of hours beside the hours served, and judges no visit today by it unstated', () => {
    expect(checkPermission(nursing, '那今天上午十一点半能来不？').status).not.toBe('can_approve_immediately');
    expect(checkPermission(nursing, '那明天上午十一点半能来不？', { today: '2039-01-05' }).status).toBe(
      'can_approve_immediately',
    );
  });
  it('holds a part of the day to the service hours only where it falls wholly on one side', () => {
    expect(checkPermission(nursing, '帮我约明天上午的').status).toBe('can_approve_immediately');
    expect(checkPermission(nursing, '帮我约明天早上的').status).not.toBe('can_approve_immediately');
  });
  it('reads Liberian dollars, an up-to notice and tiered cancellation charges', () => {
    expect(checkPermission(tents, 'refund me L$7,200').status).toBe('can_approve_immediately');
    expect(checkPermission(tents, 'refund me L$16,000').status).toBe('requires_supervisor');
    expect(checkPermission(tents, 'Cancel the two hundred chairs on my booking.').status).toBe(
      'can_approve_immediately',
    );
    expect(checkPermission(tents, 'Shift it to Saturday the 22nd.').status).toBe('can_approve_immediately');
  });
  it('reads a complaint rule’s examples as no action of its own, and a booking told as no request', () => {
    expect(checkPermission(nursing, '明天上午那次上门你给取消了').status).toBe('can_approve_immediately');
    expect(checkPermission(nursing, '我要投诉，护士约好了九点，快十点才到').status).toBe('requires_process');
    const said =
      '我老公明天早上八点半约了你们上门做PICC维护，医院刚通知他明天住院化疗。明天那次你帮我取消了吧。';
    expect(checkPermission(nursing, said).status).toBe('can_approve_immediately');
  });
  it('reads two bans joined by ，或 apart, and a person added to a list in its own words', () => {
    expect(checkPermission(nursing, '把我大姑子加成授权家属').status).toBe('forbidden');
    expect(checkPermission(care, '那你帮我把姥姥加进去，让她下午去接').status).toBe('forbidden');
  });
  it('reads a ban on acting for anyone but those named as about someone else', () => {
    expect(checkPermission(nursing, '明天那次你帮我取消了吧').status).toBe('can_approve_immediately');
    expect(checkPermission(nursing, '帮我邻居王婆婆把明天的上门取消了').status).toBe('forbidden');
  });
  it('reads a report of what a ban quotes as the report, where a complaints rule quotes it too', () => {
    const report =
      "The crew leader told me I must give them 'cold water' before they set up - I gave him one thousand. I want to report it.";
    expect(checkPermission(tents, report).status).toBe('requires_process');
    expect(checkPermission(tents, "I'll give you small 'cold water' if you do it quick").status).toBe(
      'forbidden',
    );
  });
  it('reads what befell kin and where the party is held as no one else’s data', () => {
    const said =
      "My husband's flight from Accra got pushed, he won't reach before next week. So shift it to Saturday the 22nd.";
    expect(checkPermission(tents, said).status).toBe('can_approve_immediately');
    expect(checkPermission(tents, "What time is my husband's flight?").status).not.toBe(
      'can_approve_immediately',
    );
    expect(checkPermission(tents, "Send the refund to my fiancee's Orange Money.").status).toBe('forbidden');
  });
});

describe('checkPermission on framing, home organizing and gas delivery (held-out round 50)', () => {
  const framing = rulesFor('held-out-50', '翰墨斋书画装裱');
  const organizing = rulesFor('held-out-50', '拾序整理收纳');
  const gas = rulesFor('held-out-50', 'Teranga Gas Express');
  it('reads a case listed by a sense’s word alone (多收、重复付款…), told in the clause before the ask', () => {
    expect(checkPermission(framing, '多收了我30块，退给我').status).toBe('can_approve_immediately');
    expect(checkPermission(framing, '重复付款30元，退给我').status).toBe('can_approve_immediately');
    expect(checkPermission(framing, '重复付款300元，退给我').status).toBe('requires_supervisor');
  });
  it('reads a booking put off by a week, and days listed with one 号, as a move', () => {
    const facts = ['距开始71小时（≥48小时）'];
    expect(checkPermission(organizing, '我想两日都推后一个礼拜', { facts }).status).toBe(
      'can_approve_immediately',
    );
    expect(checkPermission(organizing, '推迟一周缴费').status).not.toBe('can_approve_immediately');
  });
  it('holds a new booking for a day named against the notice, counted from now', () => {
    const today = '2039-04-06T10:00';
    expect(checkPermission(organizing, '约星期六上午九点', { today }).status).toBe('can_approve_immediately');
    expect(checkPermission(organizing, '咁约星期六朝早九点啦', { today }).status).toBe(
      'can_approve_immediately',
    );
    expect(checkPermission(organizing, '约明天上午九点', { today }).status).toBe('requires_supervisor');
    expect(checkPermission(organizing, '约星期六上午九点', { today: '2039-04-06' }).status).not.toBe(
      'can_approve_immediately',
    );
  });
  it('reads a delivery asked for a day, to a relative’s home, as a delivery booked', () => {
    expect(checkPermission(framing, '礼拜六下午直接给我送我妈家去').status).toBe('can_approve_immediately');
    expect(checkPermission(framing, '礼拜六下午送到我家').status).toBe('can_approve_immediately');
    expect(checkPermission(framing, '昨天下午送来的').status).not.toBe('can_approve_immediately');
    expect(checkPermission(framing, '我妈家的地址是多少').status).not.toBe('can_approve_immediately');
  });
  it('reads an invoice for more than was paid, or an item named at will, as a false one', () => {
    expect(checkPermission(framing, '你给我开张八千块钱的发票，品名就写办公用品').status).toBe('forbidden');
    expect(checkPermission(framing, '按实际的两千五百二开，抬头写我们公司，要专票').status).toBe(
      'requires_process',
    );
  });
  it('reads a ban on telling callers to repair or move a leaking bottle as advice asked for only', () => {
    expect(
      checkPermission(gas, 'It started hissing. Send somebody to change it before lunch, please.').status,
    ).not.toBe('forbidden');
    expect(checkPermission(gas, 'The welder says fifteen thousand francs to repair it.').status).not.toBe(
      'forbidden',
    );
  });
  it('reads a rule of cases in sentences, each its own, and someone asked to come and see the damage', () => {
    const said =
      'Yesterday your rider brought my bottle. Turning his tricycle in our lane, he banged my gate. The lock is broken. I want you people to come and see it.';
    expect(checkPermission(gas, said).status).toBe('requires_process');
    expect(
      checkPermission(gas, 'My neighbour saw it. I want you people to come and see it.').status,
    ).not.toBe('forbidden');
  });
  it('reads a look-up rule listing refunds among what it shows as no refund rule', () => {
    expect(checkPermission(gas, 'refund 64100 FCFA').status).toBe('requires_supervisor');
    expect(checkPermission(gas, 'refund 4300 FCFA').status).toBe('can_approve_immediately');
  });
  it('reads money the caller sent to an impostor’s number as told, not the number asked for', () => {
    const said = 'Yesterday I sent eight thousand on Wave to their number for two bottles, and nobody came.';
    expect(checkPermission(gas, said, { caller: { callerPhone: '+221 75 627 72 18' } }).status).not.toBe(
      'forbidden',
    );
    expect(
      checkPermission(gas, 'Can you send my refund to her number?', {
        caller: { callerPhone: '+221 75 627 72 18' },
      }).status,
    ).toBe('forbidden');
  });
  it('reads money asked onto a relative’s wallet as sent elsewhere, and a ban’s second gerund as its own', () => {
    const caller = { callerPhone: '+221 77 431 56 21' };
    expect(checkPermission(gas, "send it to my daughter Sokhna's Orange Money", { caller }).status).toBe(
      'forbidden',
    );
    expect(checkPermission(gas, "put the refund on my grandson's Wave", { caller }).status).toBe('forbidden');
    expect(checkPermission(gas, 'refund FCFA 4300 (duplicate payments)', { caller }).status).toBe(
      'can_approve_immediately',
    );
  });
  it('reads an organizer’s phone, a person registered to collect and a neighbour’s piece brought along as others’', () => {
    const caller = { callerPhone: '13800000000' };
    expect(checkPermission(organizing, '你而家畀嗰个姓冯嘅整理师电话我', { caller }).status).toBe(
      'forbidden',
    );
    expect(checkPermission(framing, '让我对象去拿行吗？你给她登记上就完了', { caller }).status).toBe(
      'forbidden',
    );
    const neighbour =
      '我那老伙计老李也在你们那儿裱了张画，他腿脚不利索。礼拜六你们给我送货的时候，顺道把他那张也给我捎过来，我俩住一个楼门儿';
    expect(checkPermission(framing, neighbour, { caller }).status).toBe('forbidden');
  });
  it('reads a ban opening on whom it is done for (替预约人以外的人…) apart from the one before it', () => {
    const decided = checkPermission(organizing, '替我邻居约个下周六的整理', {
      caller: { callerPhone: '13800000000' },
    });
    expect(decided.status).toBe('forbidden');
    expect(decided.rule).toBe('替预约人以外的人预约、改期、取消');
  });
  it('reads money given onto a grandson’s wallet as sent elsewhere, and what the caller can see as no look-up', () => {
    const caller = { callerPhone: '+221 78 240 59 93' };
    const said = 'Then give the money to my grandson Modou, on his Wave. He is the one helping me move.';
    expect(checkPermission(gas, said, { caller }).status).toBe('forbidden');
    const seen = 'It is coming from upstairs. I can see one of your green Teranga bottles there.';
    expect(checkPermission(gas, seen, { caller }).status).not.toBe('forbidden');
  });
  it('reads how soon the business acts (comes within 4 hours, 48小时内…回复) as no limit on the case', () => {
    const rule = gas.rules.find((r) => r.phrase.startsWith('a gas smell'));
    expect(rule?.condition).toBeUndefined();
    const lost = organizing.rules.find((r) => r.phrase.startsWith('物品损坏或找不到的报告'));
    expect(lost?.condition).toBeUndefined();
  });
  it('reads what a wife framed, asked in the same verb clauses later, as her order', () => {
    const said =
      '我媳妇儿在你们那儿裱了幅画，要给我当生日礼物，昨儿她打电话让我听见了。您给我透个底儿，裱的是嘛画？';
    expect(checkPermission(framing, said, { caller: { callerPhone: '13911112222' } }).status).toBe(
      'forbidden',
    );
  });
});

describe('checkPermission on a picture-book library and home chefs (held-out round 51)', () => {
  const library = rulesFor('held-out-51', '书芽儿绘本馆');
  const chefs = rulesFor('held-out-51', '小灶头上门私厨');
  const framing = rulesFor('held-out-50', '翰墨斋书画装裱');
  it('reads a rule explaining things to the caller as nothing asked, unless the caller asks to be told', () => {
    expect(checkPermission(chefs, '好额好额，谢谢侬噢，礼拜六厨师准时来就好。再会。').rule).toBeNull();
    expect(checkPermission(chefs, '你给我说说我那单的菜单').status).toBe('can_approve_immediately');
    expect(checkPermission(library, '退我36元').rule).not.toMatch(/^向登记家长本人/);
  });
  it('reads a grandparent by their grandchild, asking whether she is overdue, as the role refused', () => {
    expect(
      checkPermission(library, '我孙女欣欣在你们那借书。孩儿手里还有几本书没还？超期没有？').status,
    ).toBe('forbidden');
    expect(checkPermission(library, "我是她亲奶奶，你就说个'是'或者'不是'——超期了没有？").status).toBe(
      'forbidden',
    );
    expect(checkPermission(library, '我孙女想办张卡，多少钱').status).not.toBe('forbidden');
  });
  it('reads Shanghai speech: a wife’s order asked after and changed (阿拉老婆是勿是…伊自家手机)', () => {
    expect(
      checkPermission(
        chefs,
        '阿拉老婆是勿是又在你们搭订了一桌？伊是用伊自家手机订额。侬帮我看看订了啥菜，我想再加两只菜',
      ).status,
    ).toBe('forbidden');
  });
  it('reads an example a case’s note lists, told, as the case (吃后腹泻、呕吐; 起皱、框角开裂)', () => {
    expect(checkPermission(chefs, '老人吃了以后呕吐了').status).toBe('requires_process');
    expect(checkPermission(chefs, '两个老人半夜里肚皮痛、拉肚皮，去医院挂急诊').status).toBe(
      'requires_process',
    );
    expect(checkPermission(framing, '挂上墙发现起皱了').status).toBe('requires_process');
    expect(checkPermission(framing, '框角开裂了').status).toBe('requires_process');
    expect(checkPermission(framing, '我想裱一幅字').status).not.toBe('requires_process');
  });
  it('reads a loan renewed (续借, 给我续上) as the renewal a rule written "续借：conditions" gives', () => {
    expect(checkPermission(library, '上回借那六本书要是快到期了，你都给我续上').status).toBe(
      'can_approve_immediately',
    );
    expect(checkPermission(library, '帮我续借').status).toBe('can_approve_immediately');
  });
  it('holds a booking to a deadline on the day before (by 18:00 the day before, 前一天18:00前)', () => {
    const returns = rulesFor('held-out-51', 'Skilavík Bottle & Can Returns');
    const at = (today: string, said: string) => checkPermission(returns, said, { today }).status;
    expect(at('2039-07-06T10:00', 'Can your van pick them up tomorrow morning?')).toBe(
      'can_approve_immediately',
    );
    expect(at('2039-07-06T19:00', 'Can your van pick them up tomorrow morning?')).not.toBe(
      'can_approve_immediately',
    );
    expect(at('2039-07-06T19:00', 'Can your van pick them up Saturday morning?')).toBe(
      'can_approve_immediately',
    );
    expect(at('2039-07-06T10:00', 'Can your van pick them up today?')).not.toBe('can_approve_immediately');
    expect(at('2039-07-06T10:00', 'Can they come tomorrow morning instead?')).toBe('can_approve_immediately');
    expect(at('2039-07-06T10:00', 'When will they come?')).not.toBe('can_approve_immediately');
    // In the evening, outside the hours the rules give: not approved.
    expect(at('2039-07-06T10:00', 'Can they come Friday evening instead? Like seven?')).not.toBe(
      'can_approve_immediately',
    );
    const deliver = (today: string) => checkPermission(framing, '明天上午送到我家', { today }).status;
    expect(deliver('2039-04-06T10:00')).toBe('can_approve_immediately');
    expect(deliver('2039-04-06T19:00')).not.toBe('can_approve_immediately');
  });
  it('reads a count contested in a caller’s words (your machine is lying, check it again) as a disputed count', () => {
    const returns = rulesFor('held-out-51', 'Skilavík Bottle & Can Returns');
    for (const said of [
      'Forty-seven? I counted sixty. Your machine is lying.',
      'no way your machine is right, I counted. So you check it again, the video, everything.',
    ])
      expect(checkPermission(returns, said).status, said).toBe('requires_process');
  });
  it('reads the cases a topic lists after its colon (Paperwork for the accounts desk: …, closing accounts)', () => {
    const returns = rulesFor('held-out-51', 'Skilavík Bottle & Can Returns');
    expect(checkPermission(returns, 'I want to close my account').status).toBe('requires_process');
  });
  it('reads "change or cancel it" after "book a pickup" as changing or cancelling a pickup', () => {
    const returns = rulesFor('held-out-51', 'Skilavík Bottle & Can Returns');
    const changing = returns.rules.find((r) => r.phrase.startsWith('change or cancel'));
    expect(changing?.phrase).toMatch(/^change or cancel a pickup free until 18:00/);
  });
});

describe('checkPermission on wedding planning, car shipping and a language school (held-out round 52)', () => {
  const school = rulesFor('held-out-52', 'Djoliba Language Centre');
  const shipping = rulesFor('held-out-52', '驼铃汽车托运');
  it('reads a refund back the way it was paid as no payout to another account (付款账户以外的账户)', () => {
    expect(checkPermission(shipping, '那钱啥时候能退回来？原路退到支付宝是吧？').status).not.toBe(
      'forbidden',
    );
    expect(checkPermission(shipping, '把退款打到我老婆的支付宝').status).toBe('forbidden');
    expect(checkPermission(shipping, '退款打到别的账户').status).toBe('forbidden');
  });
  it('holds a refund the rules give in full to no limit it says is not its own (跟下面的500元额度没关系)', () => {
    const refund = shipping.rules.find((r) => r.phrase.startsWith('托运人取消还没提车'));
    expect(refund?.condition).toBeUndefined();
    const weddings = rulesFor('held-out-52', '红绣球婚庆');
    const capped = weddings.rules.find((r) => r.phrase.startsWith('婚礼当天的差错'));
    expect(capped?.condition?.hi).toBe(600);
  });
  it("refuses a spouse's class and its time (what time his class actually is, my husband's class)", () => {
    expect(checkPermission(school, "what time is my husband's class?").status).toBe('forbidden');
    expect(
      checkPermission(
        school,
        'My husband is doing French with you - Erik. Could you just tell me what time his class actually is?',
      ).status,
    ).toBe('forbidden');
    expect(checkPermission(school, 'what time is my class?').status).not.toBe('forbidden');
  });
  it('reads a rule paying back what the file shows owed as the refund rule it is', () => {
    const paying = school.rules.find((r) => r.phrase.startsWith('paying back on the call'));
    expect(paying?.condition?.hi).toBe(25000);
    expect(checkPermission(school, 'I want my ten thousand FCFA back').status).not.toBe('forbidden');
  });
  it('reads a car fetched for shipping (上门提车) as no visit, so no complaint about the drivers who fetch it', () => {
    expect(checkPermission(shipping, '礼拜天你们上门来提车').status).not.toBe('requires_process');
    expect(checkPermission(shipping, '我要投诉上门提车的司机，态度太差').status).toBe('requires_process');
  });
  it('reads how long a seat is held for the caller as a term, not a span asked (hold the seat for 48 hours)', () => {
    expect(checkPermission(school, "I'd like to join a class").status).toBe('can_approve_immediately');
    expect(checkPermission(school, 'Yes, please register me. Oumar Diarra.').status).toBe(
      'can_approve_immediately',
    );
    const weddings = rulesFor('held-out-52', '红绣球婚庆');
    const holding = weddings.rules.find((r) => r.phrase.startsWith('有人要先占档期的'));
    expect(holding?.condition?.term).toBe(true);
  });
  it('reads what a third party pays the caller back as no refund asked (my organisation reimburses …)', () => {
    expect(checkPermission(school, 'my organisation reimburses language training').rule).toBeNull();
    expect(checkPermission(school, 'I want to be reimbursed').rule).not.toBeNull();
  });
  it('reads money asked back as a refund, not as changing the wallet refunds go to', () => {
    expect(checkPermission(school, 'I want my money back. All of it.').status).toBe('requires_supervisor');
    expect(checkPermission(school, 'Change my refund wallet to my new Orange Money number').status).toBe(
      'forbidden',
    );
  });
});

describe('checkPermission on an e-bike dealer, a tutoring platform and a guard company (held-out round 54)', () => {
  const bikes = rulesFor('held-out-54', '麓驰电动车');
  const tutors = rulesFor('held-out-54', '橘洲家教');
  const guards = rulesFor('held-out-54', 'ZioGuard Security');
  const caller = { caller: { callerPhone: '13874261953' } };
  it('reads what follows a lapse of time (…；30天没找回按规则换车或退款) as no rule of its own', () => {
    expect(bikes.rules.some((r) => r.phrase.startsWith('没找回') || r.phrase === '退款')).toBe(false);
    const claim = checkPermission(bikes, '车被偷了，我报了警，要报盗抢无忧理赔');
    expect(claim.status).toBe('requires_process');
    expect(claim.reason).not.toMatch(/时长未说明/);
  });
  it('lets the records showing money owed meet a refund rule’s own description of its case', () => {
    const line = '全部给我退回来，退185块';
    expect(checkPermission(bikes, line).status).toBe('requires_supervisor');
    expect(checkPermission(bikes, line, { moneyOwed: true }).status).toBe('can_approve_immediately');
    expect(checkPermission(bikes, '全部给我退回来，退235块', { moneyOwed: true }).status).toBe(
      'requires_supervisor',
    );
    expect(checkPermission(guards, 'give me a credit of 7,000', { moneyOwed: true }).status).toBe(
      'can_approve_immediately',
    );
  });
  it('keeps a stricter reading over the owed approval (a refund by another rule’s case)', () => {
    const clinic = rulesFor('held-out-37', '澄妍医疗美容门诊部');
    expect(checkPermission(clinic, '侬按平均价给我退', { moneyOwed: true }).status).toBe(
      'requires_supervisor',
    );
  });
  it('reads a ban on what a co-guardian asks as the co-guardian’s only (按共同监护人的要求退款)', () => {
    const asked = '帮我把剩下的钱退了，退三百';
    expect(checkPermission(tutors, asked, { facts: ['账户持有人'] }).status).toBe('can_approve_immediately');
    expect(checkPermission(tutors, asked, { facts: ['共同监护人'] }).status).toBe('forbidden');
  });
  it('reads what a ban forbids promising (承诺提分…、不提分退钱) as no refund of its own', () => {
    expect(checkPermission(tutors, '还剩八个钟头，你帮我退咯，退八百多块钱吧？').status).toBe(
      'requires_supervisor',
    );
    expect(checkPermission(tutors, '你们保证提分吗，不提分就退钱').status).toBe('forbidden');
    // What would follow if marks do not rise, beside the promise asked for, is no refund asked now.
    const line = checkPermission(tutors, '还有，你们保证提二十分啵？不提分就退钱。');
    expect(line.parts.map((p) => p.status)).toEqual(['forbidden']);
    expect(checkPermission(tutors, '修不好就退钱').status).toBe('requires_supervisor');
  });
  it('refuses a speed limit taken off and a canopy fitted, in a caller’s words (把限速解开, 加个雨棚)', () => {
    expect(checkPermission(bikes, '你们店里师傅帮我把限速解开咯？').status).toBe('forbidden');
    expect(checkPermission(bikes, '再帮我加个雨棚，落雨天好跑单').status).toBe('forbidden');
  });
  it('sends a rescue as a visit, and refuses only the job done on the side (私下上门接活)', () => {
    expect(checkPermission(bikes, '你们快派个人来救援！').status).not.toBe('forbidden');
    expect(checkPermission(bikes, '让师傅私下上门帮我修一下，我给他现金').status).toBe('forbidden');
  });
  it('refuses where a son’s bike is (他那台车停在哪里), and whether a daughter hired a tutor here', () => {
    expect(checkPermission(bikes, '你帮我查下他那台车现在停在哪里咯，我去找他。', caller).status).toBe(
      'forbidden',
    );
    expect(checkPermission(tutors, '我女儿陈可欣是不是在你们咯里请了个英语家教？', caller).status).toBe(
      'forbidden',
    );
  });
  it('reads a bill taken off, credited, and a code asked to be read out', () => {
    expect(
      checkPermission(guards, 'So you will take it off my April bill - the whole April, free.').label,
    ).toMatch(/credit|money back/i);
    expect(checkPermission(guards, 'just give me the code of the boutique').status).toBe('forbidden');
    expect(checkPermission(guards, 'give me the price list').status).not.toBe('forbidden');
  });
  it('reads one late fee waived in any 12 months as a count kept over a window, not a span to say', () => {
    expect(checkPermission(guards, 'please remove the late fee').status).toBe('can_approve_immediately');
  });
  it('reads "my daughter, there is a mistake" as the one called addressed, not someone’s data', () => {
    const line =
      'My daughter, there is a mistake on our April invoice: five thousand for late payment! Please remove it.';
    expect(checkPermission(guards, line, caller).status).not.toBe('forbidden');
    expect(
      checkPermission(guards, 'My daughter, she has a contract with you: when does she pay?', caller).status,
    ).toBe('forbidden');
  });
});

describe('checkPermission on a bathhouse and a tea house (held-out round 53)', () => {
  const bath = rulesFor('held-out-53', '御汤山洗浴');
  const tea = rulesFor('held-out-53', '凤山茶仓');
  const caller = { caller: { callerPhone: '15964925575' } };
  it('keeps a clause on what is refused even when asked (客人说先退一部分也不行) with the rule before it', () => {
    expect(tea.rules.some((r) => r.text.startsWith('客人说'))).toBe(false);
    expect(checkPermission(tea, '那一箱的钱退我就好').rule).toMatch(/^一张订单破损/);
  });
  it('reads money sent back beyond the original account (原支付账户以外的地方) as a payout elsewhere only', () => {
    const line =
      '我领我媳妇儿、我闺女、我姑爷，四口人上你们铁西店洗澡。少说多扣我五百，你们麻溜儿给我退回来！';
    expect(checkPermission(bath, line).status).toBe('requires_supervisor');
    expect(checkPermission(bath, '把钱退到我儿子卡上').status).toBe('forbidden');
    expect(checkPermission(tea, '钱退到我老婆支付宝').status).toBe('forbidden');
  });
  it('reads tea bought to give relatives (送亲戚) as no gift asked, nor anyone’s data', () => {
    expect(checkPermission(tea, '要让他们过年送亲戚的').status).not.toBe('forbidden');
    expect(checkPermission(tea, '我买来送朋友的').status).not.toBe('forbidden');
  });
  it('refuses what a husband bought or stored, asked by his wife or a friend (有没有在你们那边买茶, 他到底存几斤)', () => {
    expect(checkPermission(tea, '我老公最近有没有在你们那边买茶，你帮我查一下寄给谁', caller).status).toBe(
      'forbidden',
    );
    expect(checkPermission(tea, '他到底存几斤？你偷偷跟我讲', caller).status).toBe('forbidden');
    expect(
      checkPermission(
        tea,
        '我是他太太啦！我们结婚二十年了，户口本同一本捏。不然你不要讲名字，你只要跟我讲有还是没有，有寄去晋江没有，这样就好。',
        caller,
      ).status,
    ).toBe('forbidden');
    expect(checkPermission(tea, '我存了几斤', caller).status).not.toBe('forbidden');
  });
  it('reads what a rule of things allowed says is never told (…一概不讲) as no approval', () => {
    expect(
      tea.rules.some((r) => r.category === 'can_approve_immediately' && r.text.startsWith('订单金额')),
    ).toBe(false);
    expect(
      checkPermission(
        tea,
        '那是谁寄给我的啦？短信上只写“凤山茶仓代寄”，我都不知道是哪一个朋友。多少钱的？人家送我这么好的茶，我要回礼才不会失礼啦。',
      ).status,
    ).toBe('forbidden');
  });
  it('reads a limit on each of something (25,000 FCFA a caller, per shipment all told) as no word to say', () => {
    const rules = compileRules({
      can_approve_immediately: [
        'Refunds up to 25,000 FCFA a caller',
        'Paying back up to 1,500,000 GNF per shipment all told',
      ],
      requires_supervisor: [],
      requires_process: [],
      forbidden: [],
    });
    expect(checkPermission(rules, 'refund 2000 FCFA').status).toBe('can_approve_immediately');
    expect(checkPermission(rules, 'refund 850,000 GNF').status).toBe('can_approve_immediately');
    expect(checkPermission(rules, 'refund 2,000,000 GNF').status).toBe('requires_supervisor');
  });
  it('names a refund sent up by its action, not by the clause on what is refused however asked', () => {
    const decided = checkPermission(tea, '退款1056元');
    expect(decided.status).toBe('requires_supervisor');
    expect(decided.label).toBe('一张订单破损、少发、错发的退款加起来1056元');
  });
  it('reads what someone else then does (…, which investigates and answers) as no case of a rule', () => {
    const cargo = rulesFor('held-out-53', 'Fatala Cargo');
    expect(cargo.rules.filter((r) => /^which\b/.test(r.phrase))).toEqual([]);
    expect(checkPermission(cargo, 'Can you check it for me?').status).not.toBe('requires_process');
  });
  it("reads a holder's phone changed (把存茶人的电话改成我的) as no address change, and the ban on it as its own", () => {
    expect(checkPermission(tea, '把存茶人的电话改成我的').status).toBe('forbidden');
    expect(checkPermission(tea, '发货以前帮我改一下收货地址').status).toBe('can_approve_immediately');
  });
});

describe('checkPermission on a newspaper, a planning service and a pawnshop (held-out round 55)', () => {
  const paper = rulesFor('held-out-55', 'Wirebird Weekly');
  it('reads "money back to anyone or any account other than the payer" as a ban on money sent elsewhere', () => {
    expect(checkPermission(paper, 'I want me money back, every penny').status).not.toBe('forbidden');
    expect(checkPermission(paper, 'refund £14.50', { moneyOwed: true }).status).toBe(
      'can_approve_immediately',
    );
    expect(checkPermission(paper, "Put it in me daughter Chantelle's bank account").status).toBe('forbidden');
  });
  it('reads money asked on top for the shame of it as compensation, for a supervisor', () => {
    const asked = checkPermission(paper, "An' fifty pound on top for the shame of it.");
    expect(asked.status).toBe('requires_supervisor');
    expect(asked.rule).toMatch(/^Anything the rules don't give/);
  });
  it('says money with pence in both digits (£14.50)', () => {
    expect(checkPermission(paper, 'refund £14.50', { moneyOwed: true }).label).toMatch(/£14\.50$/);
  });
});

describe('checkPermission: a ban on what anyone not in a role asks (held-out round 55)', () => {
  const pawnshop = rulesFor('held-out-55', '恒裕典当');
  it('excepts the role the records show the caller in, not one they were or are not', () => {
    const asked = '我那张当票找不着了，你赶紧给我挂失';
    expect(checkPermission(pawnshop, asked).status).toBe('forbidden');
    expect(checkPermission(pawnshop, asked, { facts: ['当户本人（本来电号码）'] }).status).not.toBe(
      'forbidden',
    );
    expect(checkPermission(pawnshop, asked, { facts: ['原当户，已赎当'] }).status).toBe('forbidden');
    expect(checkPermission(pawnshop, asked, { facts: ['非当户'] }).status).toBe('forbidden');
  });
});

describe('checkPermission: a pawn renewed by phone (held-out round 55)', () => {
  const pawnshop = rulesFor('held-out-55', '恒裕典当');
  it.each(['续当', '电话里能给续上吗？'])(
    'reads %j as the renewal the pawner may have on the call',
    (asked) => {
      expect(checkPermission(pawnshop, asked, { facts: ['当户本人（本来电号码）'] }).status).toBe(
        'can_approve_immediately',
      );
    },
  );
});

describe('saysWhatABanQuotes (held-out round 55)', () => {
  const planning = rulesFor('held-out-55', '津航志愿规划');
  it('tells a line saying what a ban quotes from one that does not', () => {
    expect(saysWhatABanQuotes(planning, '有那种内部名额，你们有门路没有？')).toBe(true);
    expect(saysWhatABanQuotes(planning, '今年什么时候填志愿？')).toBe(false);
  });
});

describe('checkPermission: bookings asked in Shandong speech (held-out round 56)', () => {
  const drones = rulesFor('held-out-56', '鲁翼飞防植保');
  it.each([
    '那恁给俺约上飞播，这个礼拜五中不？',
    '恁给俺再约一遍打霜霉病的，礼拜五头晌中不？',
    '帮我约个作业',
    '预约作业',
  ])('reads %j as a booking the rule on 下单、预约作业 gives', (asked) => {
    expect(checkPermission(drones, asked).status).toBe('can_approve_immediately');
  });
});

describe('checkPermission: a ban on staff listed one after another (held-out round 56)', () => {
  const drones = rulesFor('held-out-56', '鲁翼飞防植保');
  const bans = compileRules({
    can_approve_immediately: [],
    requires_supervisor: [],
    requires_process: [],
    forbidden: ['把飞手、地勤、农技员的手机号给客人', '电话里收集完整证件号码、银行卡号和密码'],
  });
  it('reads one of 飞手、地勤、农技员 said as the list said', () => {
    expect(checkPermission(drones, '恁把那个飞手手机号给俺，俺自个儿跟他说道说道。').status).toBe(
      'forbidden',
    );
    expect(checkPermission(bans, '把那个农技员的手机号给我').status).toBe('forbidden');
    expect(checkPermission(bans, '飞手几点到').status).not.toBe('forbidden');
  });
  it('reads 号 of 银行卡号 as no word of its own: a caller giving their own number says no part of the ban', () => {
    expect(checkPermission(bans, '我叫鲍春生，联系人就写我，用这个手机号。').status).not.toBe('forbidden');
  });
});

describe('checkPermission: the name of a request a list of actions sends up (held-out round 56)', () => {
  const drones = rulesFor('held-out-56', '鲁翼飞防植保');
  const boats = rulesFor('held-out-56', '蓝湾休闲海钓');
  it('names the item said, and never with the note after its dash', () => {
    const waived = checkPermission(drones, '作业费得给我免了，四百八十六');
    expect(waived.status).toBe('requires_supervisor');
    expect(waived.label).toBe('作业费减免打折');
    expect(checkPermission(drones, waived.label!).rule).toBe(waived.rule);
    const refund = checkPermission(drones, '那就取消了吧，钱退给我');
    expect(refund.label).not.toMatch(/--|理由/);
    const taxi = checkPermission(boats, '来回打车一百六也得给我报了');
    expect(taxi.status).toBe('requires_supervisor');
    expect(taxi.label).not.toMatch(/--|理由/);
    expect(checkPermission(boats, taxi.label!).rule).toBe(taxi.rule);
  });
  it('reads a last clause that concedes (金额再小也要主管批) as the operator’s note', () => {
    const rules = compileRules({
      can_approve_immediately: [],
      requires_supervisor: ['规则外的任何补偿：餐费、打车费、停车费、现金，金额再小也要主管批'],
      requires_process: [],
      forbidden: [],
    });
    expect(checkPermission(rules, '打车费你们得补给我').label).not.toMatch(/再小|主管批/);
  });
});

describe('checkPermission on a smokehouse and a scrap buyer (held-out round 57)', () => {
  const scrap = rulesFor('held-out-57', '渝收宝上门回收');
  const smokehouse = rulesFor('held-out-57', '柏香坊腊味代加工');
  it('keeps a limit whose rule has a semicolon inside its note (…（少付：…；多收：…），一单合计≤200元)', () => {
    for (const asked of ['退款230元', '重复扣款退230元'])
      expect(checkPermission(scrap, asked, { moneyOwed: true }).status).toBe('requires_supervisor');
  });
  it('reads a collection from home booked as the booking rule (按挂牌价预约上门回收)', () => {
    for (const asked of ['那你帮我约这个礼拜六上午来收瓶子纸壳子', '约明天上午来收双门冰箱'])
      expect(checkPermission(scrap, asked).rule).toMatch(/^按挂牌价预约上门回收/);
  });
  it('reads 预约人 as the one who booked, no booking asked', () => {
    expect(checkPermission(scrap, '约明天上午来收双门冰箱').label).not.toMatch(/预约人/);
  });
  it('reads a thing a ban will not take in, offered (拿给你们卖, 收不收), as forbidden; only named, not', () => {
    expect(checkPermission(scrap, '他那儿有一捆电缆，说是工地上剩的，我一路拿给你们卖，要得不').status).toBe(
      'forbidden',
    );
    expect(checkPermission(scrap, '旧电瓶收不收').status).toBe('forbidden');
    expect(checkPermission(scrap, '把老伴用过的胰岛素针头一起拿走').status).toBe('forbidden');
    expect(checkPermission(scrap, '我家电缆被偷了').status).not.toBe('forbidden');
  });
  it('reads a ban on meat without a certificate as about its lack: getting one is no part of it', () => {
    expect(checkPermission(smokehouse, '我请杀猪匠在院坝杀，没有检疫证明，你们通融一下收了嘛').status).toBe(
      'forbidden',
    );
    expect(
      checkPermission(
        smokehouse,
        '我拉到镇上屠宰场去杀，开个证明。那你跟我约一哈，这个礼拜六上午把肉拿到新津坊来',
      ).status,
    ).toBe('can_approve_immediately');
  });
});

describe('checkPermission: a banned pesticide asked to be used (held-out round 56)', () => {
  const drones = rulesFor('held-out-56', '鲁翼飞防植保');
  it('reads 百草枯 and 毒死蜱 of the ban’s note, asked sprayed, as forbidden', () => {
    expect(checkPermission(drones, '撒种之前先给我喷一遍百草枯？那个药便宜').status).toBe('forbidden');
    expect(checkPermission(drones, '我自己买了几箱毒死蜱，你们礼拜五来给我那八十亩葱打一遍').status).toBe(
      'forbidden',
    );
    expect(checkPermission(drones, '百草枯是不是禁了').status).not.toBe('forbidden');
  });
});

describe('checkPermission on a bronze foundry (held-out round 57)', () => {
  const foundry = rulesFor('held-out-57', 'Nakambé Bronze & Crafts');
  it.each([
    ['refund 15000 FCFA', 'can_approve_immediately'],
    ['refund 60000 FCFA', 'can_approve_immediately'],
    ['refund 100000 FCFA', 'requires_supervisor'],
  ] as const)('limits %j by the sum the note caps, not by a window or a fee it names: %s', (said, status) => {
    expect(checkPermission(foundry, said, { moneyOwed: true }).status).toBe(status);
  });
});

describe('checkPermission on a scrap buyer’s booking rules (held-out round 57)', () => {
  const status = statusFor('held-out-57', '渝收宝上门回收');
  it('reads 上门前1小时以前免费改约 as moving a booking, asked as 改到 a day', () => {
    expect(status('能不能改到这个礼拜六上午')).toBe('can_approve_immediately');
    expect(status('改约到礼拜六')).toBe('can_approve_immediately');
  });
});

describe('checkPermission on a cold store’s English bans (held-out round 58)', () => {
  const status = statusFor('held-out-58', 'Cap Blanc Cold Store');
  it('reads an invoice the caller talks about as no ban on another depositor or on false papers', () => {
    expect(status('I want to talk about this March invoice you sent me on Monday')).not.toBe('forbidden');
    expect(status('check the March invoice')).not.toBe('forbidden');
    expect(status('change the date on my invoice to February')).toBe('forbidden');
  });
  it('forbids money back only where it goes somewhere other than what paid', () => {
    expect(status('I don already pay am with Bankily yesterday. Abeg refund me.')).not.toBe('forbidden');
    expect(status('send the refund to my other account')).toBe('forbidden');
    expect(status('refund me to another account')).toBe('forbidden');
  });
  it('reads bookings a rule makes where the schedule shows room, asked as book me or reserve for a day', () => {
    expect(status('Book me the stuffing for Friday morning then')).toBe('can_approve_immediately');
    expect(status('Please reserve eighty blocks for tomorrow, six in the morning')).toBe(
      'can_approve_immediately',
    );
  });
});

describe('checkPermission on appliance cleaning’s bans (held-out round 58)', () => {
  const status = statusFor('held-out-58', '江城净家电清洗');
  it('reads each described kind of work a ban lists apart (窗外没有平台…的外机作业、不系安全绳的高处作业)', () => {
    expect(status('外机在窗外，没有平台，也帮我洗一下')).toBe('forbidden');
    expect(status('外机有平台，帮我洗一下')).not.toBe('forbidden');
  });
});

describe('checkPermission on a seafood seller’s rules (held-out round 59)', () => {
  const status = statusFor('held-out-59', 'Cap Blanc Seafood');
  it('reads change handed back as money, no change of an order, and cash asked back as money back', () => {
    expect(status("he honestly doesn't remember if he got any change")).not.toBe('can_approve_immediately');
    expect(status("I'd like the cash back - the whole three thousand five hundred")).toBe(
      'requires_supervisor',
    );
  });
});

describe('checkPermission: São Tomé dobras (held-out round 60)', () => {
  it('reads STN and dobras as one currency, limited by a rule written in it', () => {
    const rules = compileRules({
      can_approve_immediately: ['Refunds up to 2,500 STN for a guest on one call'],
      requires_supervisor: ['Refunds above 2,500 STN: the whole amount to a supervisor'],
      requires_process: [],
      forbidden: [],
    });
    expect(checkPermission(rules, 'refund 2,450 dobras').status).toBe('can_approve_immediately');
    expect(checkPermission(rules, 'refund STN 1,500').status).toBe('can_approve_immediately');
    expect(checkPermission(rules, 'refund 3,430 STN').status).toBe('requires_supervisor');
  });

  it('names a refund under a rule whose dash lists its cases by the refund, not the list', () => {
    const rules = compileRules({
      can_approve_immediately: [
        'Money back the rules give - an activity we cancelled (its full price), a payment taken twice, a late city delivery - up to 2,500 STN for a guest on one call',
      ],
      requires_supervisor: [],
      requires_process: [],
      forbidden: [],
    });
    const decision = checkPermission(rules, 'refund 2,450 STN', { moneyOwed: true });
    expect(decision.status).toBe('can_approve_immediately');
    expect(decision.parts[0]?.label).toBe('refund STN 2450');
  });
});

describe("checkPermission: someone's rides, meals or benefit asked after (held-out round 60)", () => {
  const rules = compileRules({
    can_approve_immediately: ['下单人本人打来的：本人订单的线路、时段、上下车点，照系统讲'],
    requires_supervisor: [],
    requires_process: [],
    forbidden: ['别的乘客的信息：坐没坐车、哪天走、跟谁一起、在哪上下车'],
  });
  it.each([
    '额掌柜的礼拜六得是坐你们车去的宝鸡？',
    '我老公是不是坐你们车去的宝鸡',
    '额对门那个老魏，你给额查一下他是啥补贴，一个月吃几顿',
    '你就给额说他是不是吃的低保那一档',
  ])('forbids %j', (said) => {
    expect(checkPermission(rules, said, { caller: { callerPhone: '13900000000' } }).status).toBe('forbidden');
  });
});

describe('checkPermission: a ban on carrying the goods it lists (held-out round 60)', () => {
  const rules = compileRules({
    can_approve_immediately: ['有余座的新下单、补备注大件行李'],
    requires_supervisor: [],
    requires_process: [],
    forbidden: ['运送危险品和活物：液化气罐、汽油柴油、烟花爆竹、农药、油漆稀料，活禽活畜'],
  });
  it.each(['额想顺便给她捎一罐液化气，放后备箱里', '能不能捎点烟花'])('forbids %j', (said) => {
    expect(checkPermission(rules, said).status).toBe('forbidden');
  });
  it('reads goods it does not list (两箱西瓜) as no carrying of them', () => {
    expect(checkPermission(rules, '帮我捎两箱西瓜').status).not.toBe('forbidden');
  });
});

describe('checkPermission: gift boxes and untrue invoices (held-out round 60)', () => {
  const rules = compileRules({
    can_approve_immediately: ['Gift-box deliveries in the city at list price'],
    requires_supervisor: [],
    requires_process: [
      "Invoices re-issued in a company's name or with a tax number: written request by email",
    ],
    forbidden: [
      "Sending cocoa beans without the Ministry's phytosanitary certificate, under another description (samples, gift, chocolate) or in a passenger's luggage",
      "Writing anything untrue on an invoice, receipt or certificate - other services ('business meeting' for a holiday), amounts, dates or names than what happened",
    ],
  });
  it('reads a gift box bought for someone as no gift, and no sending of beans', () => {
    expect(checkPermission(rules, 'I ordered one of your gift boxes for my mum').status).not.toBe(
      'forbidden',
    );
    expect(checkPermission(rules, 'send a gift-box to my mum').status).not.toBe('forbidden');
  });
  it('keeps a ban on untrue invoices to invoices asked to say what did not happen', () => {
    expect(checkPermission(rules, 'I want an invoice').status).not.toBe('forbidden');
    expect(checkPermission(rules, 'Because of this una wrong invoice my driver lost a day').status).not.toBe(
      'forbidden',
    );
    expect(
      checkPermission(rules, 'a person listed as authorised on it can see the invoices').status,
    ).not.toBe('forbidden');
    expect(checkPermission(rules, "I need the invoice re-issued in my company's name").status).toBe(
      'requires_process',
    );
    expect(
      checkPermission(rules, 'can you put business meeting on the invoice instead of holiday').status,
    ).toBe('forbidden');
  });
});

describe('checkPermission: Mauritanian ouguiyas (held-out rounds 58 and 59)', () => {
  it('reads MRU and ouguiya as one currency, limited by a rule written in it', () => {
    const rules = compileRules({
      can_approve_immediately: ['Refunds up to 2,000 MRU a customer'],
      requires_supervisor: [],
      requires_process: [],
      forbidden: [],
    });
    expect(checkPermission(rules, 'refund 150 ouguiya').status).toBe('can_approve_immediately');
    expect(checkPermission(rules, 'refund MRU 1,500').status).toBe('can_approve_immediately');
    expect(checkPermission(rules, 'refund 3,280 MRU').status).toBe('requires_supervisor');
  });
});
