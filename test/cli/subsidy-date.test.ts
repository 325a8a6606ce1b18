/**
 * A subsidy is paid after 认定: a payment date before the studio was certified (a year typed wrong, or a
 * date without a year read into the wrong year) is refused, so the signed 补助发放名单 never shows it.
 */
import { describe, expect, it } from 'vitest';
import { HUANG, certifiedRound, expectOk, roundDb } from '../helpers/round.js';

interface Studio {
  plaque: string | null;
  subsidyPaidOn: string | null;
}

describe('subsidy paid', () => {
  it('refuses a payment date before the studio was certified and records nothing; a date on or after it is recorded', async () => {
    const r = roundDb();
    await certifiedRound(r, [HUANG], { certifyOn: '2026-06-08' });
    const plaque = (await r.json<Studio[]>('studios', 'list'))[0]!.plaque!;

    const early = await r.cli('subsidy', 'paid', plaque, '--date', '2026-06-07');
    expect(early.code).not.toBe(0);
    expect(early.stderr).toContain('2026-06-07');
    expect(early.stderr).toContain('2026-06-08');
    expect(early.stderr).toMatch(/认定/u);
    expect((await r.json<Studio[]>('studios', 'list'))[0]!.subsidyPaidOn).toBeNull();

    await expectOk(r.cli('subsidy', 'paid', plaque, '--date', '2026-06-08'), 'subsidy paid on the day');
    expect((await r.json<Studio[]>('studios', 'list'))[0]!.subsidyPaidOn).toBe('2026-06-08');
  });
});
