import { describe, expect, it } from 'vitest';
import { zoneOfClock } from './clock.js';

describe('zoneOfClock: the zone a fixed clock’s offset states, for a process whose TZ is unset', () => {
  it.each([
    ['2031-04-16T10:00:00+08:00', 'Etc/GMT-8'],
    ['2031-04-16T10:00:00.000-05:00', 'Etc/GMT+5'],
    ['2031-04-16 10:00+0900', 'Etc/GMT-9'],
    ['2031-04-16T10:00:00+00:00', 'UTC'],
  ])('%s runs the process at %s', (now, zone) => {
    expect(zoneOfClock({ CS_NOW: now })).toBe(zone);
  });
  it.each([
    ['no clock', {}],
    ['an instant (Z) states no zone', { CS_NOW: '2031-04-16T02:00:00Z' }],
    ['a half-hour offset has no Etc zone', { CS_NOW: '2031-04-16T10:00:00+05:30' }],
    ['an offset past any zone', { CS_NOW: '2031-04-16T10:00:00+15:00' }],
    ['a TZ that is set wins', { CS_NOW: '2031-04-16T10:00:00+08:00', TZ: 'Europe/Dublin' }],
  ])('none for %s', (_, env) => {
    expect(zoneOfClock(env)).toBeUndefined();
  });
});
