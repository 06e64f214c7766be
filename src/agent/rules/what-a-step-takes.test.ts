import { describe, expect, it } from 'vitest';
import type { Product } from '../../domain/record-schemas.js';
import { ASKS_WHAT_IT_TAKES, whatARuleTakes, whatAStepTakes } from './what-a-step-takes.js';

const product = {
  name: '和园物业服务',
  faq: [
    { q: '停车怎么收费？', a: '月租车位每月350元。每个车位最多绑定2个车牌。' },
    {
      q: '换了车怎么办？',
      a: '监控录像不对外提供。变更车位绑定的车牌，请带新车行驶证和业主身份证到物业前台办理，1个工作日内生效。',
    },
    { q: '装修要办什么手续？', a: '开工前提交装修申请：业主身份证、装修方案和施工队资质，押金2000元。' },
  ],
} as unknown as Product;

describe('whatAStepTakes', () => {
  it.each([
    [['车位租赁或车牌登记变更', '车牌登记变更'], '行驶证'],
    [['装修申请'], '施工队资质'],
  ])('finds what %j takes in the FAQ sentence about it', (words, wanted) => {
    expect(whatAStepTakes(product, words)).toContain(wanted);
  });

  it('says nothing for a step no FAQ sentence names papers for', () => {
    expect(whatAStepTakes(product, ['投诉物业工作人员'])).toBeUndefined();
  });

  it('says nothing when the sentence that shares its words names no papers', () => {
    expect(whatAStepTakes(product, ['月租车位续费'])).toBeUndefined();
  });
});

describe('ASKS_WHAT_IT_TAKES', () => {
  it.each([
    '那要我准备些么事啊',
    '需要我带些什么东西',
    '那我要留些啥子？诊所的单子要不要？',
    'So what do I actually need to send over?',
  ])('%j asks what a step takes', (said) => {
    expect(ASKS_WHAT_IT_TAKES.test(said)).toBe(true);
  });
  it.each(['我准备好了', 'I sent it yesterday'])('%j does not', (said) => {
    expect(ASKS_WHAT_IT_TAKES.test(said)).toBe(false);
  });
});

describe('whatARuleTakes: papers a note names in English or as receipts', () => {
  it('takes the clause naming an invoice and readings from the note', () => {
    expect(
      whatARuleTakes(
        'Storm damage claim (within 14 days; contractor invoice and two photos; decided in 10 days)',
      ),
    ).toBe('contractor invoice and two photos');
  });
  it('takes 发票 and 照片 from a Chinese note', () => {
    expect(whatARuleTakes('家电磕碰补偿（签收后48小时内，附照片和购买发票）')).toBe('附照片和购买发票');
  });
  it('takes what to keep from a sentence after the semicolon', () => {
    expect(
      whatARuleTakes(
        '食品安全问题（吃出异物、食用后身体不适）：登记食品安全工单；请客户保留剩余食品、包装和就医票据',
      ),
    ).toBe('保留剩余食品、包装和就医票据');
  });
});
