import { describe, expect, it } from 'vitest';
import { dayMovedTo, dayNamedAhead, mayNameADay } from './day-moved-to.js';

// Wednesday 7 October 2037.
const today = '2037-10-07';

describe('dayMovedTo', () => {
  it('counts the days to the day a move names, in Chinese', () => {
    expect(dayMovedTo('今天的票改到周六10月10日', today)?.days).toBe(3);
    expect(dayMovedTo('能不能给我改到这礼拜六', today)?.days).toBe(3);
    expect(dayMovedTo('推到下周三', today)?.days).toBe(7);
    expect(dayMovedTo('改期到11月20号', today)?.days).toBe(44);
    expect(dayMovedTo('挪到明天', today)?.days).toBe(1);
    // A day of the month already past is next month's; a weekday past is next week's.
    expect(dayMovedTo('改到5号', today)?.days).toBe(29);
    expect(dayMovedTo('改到周一', today)?.days).toBe(5);
  });

  it('counts the days in English', () => {
    expect(dayMovedTo('can you move it to the 14th of October', today)?.days).toBe(7);
    expect(dayMovedTo('push it to Oct 9 please', today)?.days).toBe(2);
    expect(dayMovedTo('switch me to Saturday', today)?.days).toBe(3);
    expect(dayMovedTo('move it to tomorrow', today)?.days).toBe(1);
  });

  it('reads no day that is not where a booking is moved', () => {
    expect(dayMovedTo('我10月1日买的票，想改期', today)).toBeUndefined();
    expect(dayMovedTo('I booked it on Monday', today)).toBeUndefined();
    expect(dayMovedTo('改到周六', 'not a day')).toBeUndefined();
  });
});

describe('mayNameADay', () => {
  it('is true of every text a day is read in, and false of one naming none', () => {
    for (const said of [
      '改到周六10月10日',
      '改到这礼拜六',
      '推到下周三',
      '改期到11月20号',
      '挪到明天',
      '改到5号',
      '改到10月10',
      'can you move it to the 14th of October',
      'push it to Oct 9 please',
      'switch me to Saturday',
      'move it to tomorrow',
    ]) {
      expect(dayMovedTo(said, today), said).toBeDefined();
      expect(mayNameADay(said), said).toBe(true);
    }
    expect(mayNameADay('退款50元')).toBe(false);
  });
});

describe('dayNamedAhead', () => {
  // Wednesday 2039-04-06.
  const today = '2039-04-06';
  it('counts the days to the first day to come named, in Chinese, Cantonese and English', () => {
    expect(dayNamedAhead('约星期六上午九点', today)).toMatchObject({ days: 3, text: '星期六' });
    expect(dayNamedAhead('咁约星期六朝早九点啦', today)?.days).toBe(3);
    expect(dayNamedAhead('我想约下个礼拜六', today)?.days).toBe(10);
    expect(dayNamedAhead('book me in for Saturday at 9am', today)?.days).toBe(3);
  });
  it('reads no day gone', () => {
    expect(dayNamedAhead('上礼拜六来过', today)).toBeUndefined();
    expect(dayNamedAhead('约个时间', today)).toBeUndefined();
  });
});
