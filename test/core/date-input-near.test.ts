/**
 * A date typed without a year for a step that follows an event (认定 after its 公示, a payment after the 认定)
 * takes the year near the event, so New Year never sends it a year back.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readTypedDate } from '../../src/core/date-input.js';

const iso = (d: Date): string => d.toISOString().slice(0, 10);
const typed = (date: string): string => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

describe('a date near an event', () => {
  it('any day up to five months either side of the event, typed as 月日, is that day (across New Year too)', () => {
    // Events in the last and first weeks of the year, and anywhere else.
    const event = fc.oneof(
      fc.record({ year: fc.integer({ min: 2001, max: 2098 }), day: fc.integer({ min: 0, max: 364 }) }),
      fc.record({ year: fc.integer({ min: 2001, max: 2098 }), day: fc.integer({ min: 350, max: 364 }) }),
      fc.record({ year: fc.integer({ min: 2001, max: 2098 }), day: fc.integer({ min: 0, max: 14 }) }),
    );
    fc.assert(
      fc.property(event, fc.integer({ min: -150, max: 150 }), ({ year, day }, offset) => {
        const e = new Date(Date.UTC(year, 0, 1 + day));
        const target = iso(new Date(e.getTime() + offset * 86_400_000));
        const r = readTypedDate(typed(target), { near: iso(e) });
        expect(r).toEqual({ ok: true, value: target, canonical: false });
      }),
      { numRuns: 500 },
    );
  });

  it('the issue’s case: 1月8日 after a 公示 ending 2027-01-08 is 2027-01-08, 12月30日 is 2026-12-30; the round’s year would say 2026-01-08', () => {
    expect(readTypedDate('1月8日', { near: '2027-01-08' })).toMatchObject({ ok: true, value: '2027-01-08' });
    expect(readTypedDate('1月11日', { near: '2026-12-31' })).toMatchObject({ ok: true, value: '2027-01-11' });
    expect(readTypedDate('12月30日', { near: '2027-01-08' })).toMatchObject({ ok: true, value: '2026-12-30' });
    expect(readTypedDate('1月8日', 2026)).toMatchObject({ ok: true, value: '2026-01-08' });
  });

  it('2月29日 is taken in the leap year near the event; a day that exists in none is refused as impossible', () => {
    expect(readTypedDate('2月29日', { near: '2027-12-20' })).toMatchObject({ ok: true, value: '2028-02-29' });
    expect(readTypedDate('2月30日', { near: '2027-12-20' })).toMatchObject({ ok: false, problem: 'impossible' });
  });
});
