import { describe, expect, it } from 'vitest';
import { classifyStudio, dueStudios, type StudioTerm } from '../../src/core/due.js';
import { GongshuError } from '../../src/core/errors.js';

// Certified 2026-06-30 → valid until 2029-06-29. The lead (male, born 1975-01) retires in 2037-08.
const studio = (over: Partial<StudioTerm> = {}): StudioTerm => ({
  id: 1,
  name: '张三车工技能大师工作室',
  certifiedOn: '2026-06-30',
  validUntil: '2029-06-29',
  status: 'valid',
  leadBirth: '1975-01',
  leadGender: '男',
  leadFemaleGroup: null,
  leadLeft: false,
  ...over,
});

describe('the 3-year boundary', () => {
  it('is not due before the window reaches the last day', () => {
    expect(classifyStudio(studio(), '2028-12-28', '6m')).toBeNull();
  });
  it('is due once the window reaches the last day', () => {
    const d = classifyStudio(studio(), '2028-12-29', '6m');
    expect(d).toMatchObject({ kinds: ['due-soon'], daysLeft: 182 });
    expect(d!.messages[0]).toBe('2029-06-29 到期（还有 182 天），需安排考核');
  });
  it('is still due (not expired) on its last day', () => {
    expect(classifyStudio(studio(), '2029-06-29', '6m')).toMatchObject({ kinds: ['due-soon'], daysLeft: 0 });
  });
  it('is expired the day after', () => {
    const d = classifyStudio(studio(), '2029-06-30', '6m');
    expect(d).toMatchObject({ kinds: ['expired'], daysLeft: -1 });
    expect(d!.messages).toEqual(['已于 2029-06-29 到期']);
  });
  it('is expired when its status says so, whatever the date', () => {
    expect(classifyStudio(studio({ status: 'expired' }), '2027-01-01', '6m')!.kinds).toEqual(['expired']);
  });
  it('accepts other windows', () => {
    expect(classifyStudio(studio(), '2029-03-31', '90d')!.kinds).toEqual(['due-soon']);
    expect(classifyStudio(studio(), '2029-03-30', '90d')).toBeNull();
    expect(classifyStudio(studio(), '2028-06-29', { count: 1, unit: 'y' })!.kinds).toEqual(['due-soon']);
  });
  it('refuses an unreadable window with the catalogue message', () => {
    expect(() => classifyStudio(studio(), '2028-06-29', 'soon')).toThrow(GongshuError);
    expect(() => classifyStudio(studio(), '2028-06-29', 'soon')).toThrow(/6个月、半年、90天/u);
  });
});

describe('lead retirement within the term', () => {
  // Men born 1968-07 reach 60 years 11 months in 2029-06 (the month the term ends); born 1968-08 in 2029-07.
  it('flags a lead retiring in the month the term ends', () => {
    const d = classifyStudio(studio({ leadBirth: '1968-07' }), '2026-07-01', '6m');
    expect(d).toMatchObject({ kinds: ['lead-retires-in-term'], retirementMonth: '2029-06', leadRetired: false });
    expect(d!.messages[0]).toContain('2029-06');
  });
  it('does not flag a lead retiring the month after', () => {
    expect(classifyStudio(studio({ leadBirth: '1968-08' }), '2026-07-01', '6m')).toBeNull();
  });
  it('uses the female group: a worker (50) retires in term, a cadre (55) does not', () => {
    // Born 1977-03: worker 50y2m+… → 2028-05; cadre → 2034-01.
    const worker = classifyStudio(studio({ leadGender: '女', leadBirth: '1977-03', leadFemaleGroup: 'worker' }), '2026-07-01', '6m');
    expect(worker).toMatchObject({ kinds: ['lead-retires-in-term'], retirementMonth: '2028-05' });
    expect(classifyStudio(studio({ leadGender: '女', leadBirth: '1977-03', leadFemaleGroup: 'cadre' }), '2026-07-01', '6m')).toBeNull();
  });
  it('says so when the lead has already retired', () => {
    // Men born 1967-01: 60 years 7 months → 2027-08.
    const d = classifyStudio(studio({ leadBirth: '1967-01' }), '2028-01-10', '6m');
    expect(d).toMatchObject({ kinds: ['lead-retires-in-term'], retirementMonth: '2027-08', leadRetired: true });
    expect(d!.messages[0]).toBe('领衔人已于 2027-08 达到法定退休年龄：不列入考核，不予续建');
  });
  it('asks for the missing birth month or gender', () => {
    expect(classifyStudio(studio({ leadBirth: null }), '2026-07-01', '6m')!.kinds).toEqual(['lead-retirement-unknown']);
    expect(classifyStudio(studio({ leadGender: '' }), '2026-07-01', '6m')!.kinds).toEqual(['lead-retirement-unknown']);
  });
});

describe('other cases', () => {
  it('flags a lead who left, together with the term ending', () => {
    expect(classifyStudio(studio({ leadLeft: true }), '2029-01-15', '6m')!.kinds).toEqual(['due-soon', 'lead-left']);
  });
  it('does not repeat lead checks once the assessment is decided', () => {
    expect(classifyStudio(studio({ leadLeft: true, status: 'not-assessed' }), '2027-01-01', '6m')).toBeNull();
    expect(classifyStudio(studio({ leadLeft: true, status: 'assessed-pass' }), '2027-01-01', '6m')!.kinds).toEqual(['lead-left']);
  });
  it('ignores revoked studios', () => {
    expect(classifyStudio(studio({ status: 'revoked', leadLeft: true }), '2030-01-01', '6m')).toBeNull();
  });
  it('lists studios by term end, then id, leaving out those needing nothing', () => {
    const list = dueStudios(
      [
        studio({ id: 3, validUntil: '2029-06-29' }),
        studio({ id: 2, validUntil: '2027-06-29', certifiedOn: '2024-06-30' }),
        studio({ id: 1, validUntil: '2029-06-29' }),
        studio({ id: 4, validUntil: '2031-06-29', certifiedOn: '2028-06-30' }),
      ],
      '2029-01-01',
    );
    expect(list.map((d) => [d.id, d.kinds])).toEqual([[2, ['expired']], [1, ['due-soon']], [3, ['due-soon']]]);
  });
});
