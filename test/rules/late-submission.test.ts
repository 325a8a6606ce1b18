import { describe, expect, it } from 'vitest';
import { lateSubmission } from '../../src/rules/late-submission.js';
import { makeContext } from '../helpers/application-factory.js';

describe('late-submission (于5月22日前报送)', () => {
  it('passes on or before the deadline', () => {
    expect(lateSubmission.check(makeContext({ receivedDate: '2026-05-22' }))).toEqual([]);
    expect(lateSubmission.check(makeContext({ receivedDate: '2026-04-01' }))).toEqual([]);
  });

  it('warns the day after, counting the days', () => {
    const findings = lateSubmission.check(makeContext({ receivedDate: '2026-06-01' }));
    expect(findings).toEqual([expect.objectContaining({ code: 'late-submission', severity: 'warning' })]);
    expect(findings[0]!.message).toContain('逾期 10 天');
  });

  it('passes when the received date is unknown', () => {
    expect(lateSubmission.check(makeContext({ receivedDate: null }))).toEqual([]);
  });
});
