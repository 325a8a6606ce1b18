/**
 * The findings table (apply show, score show, the menu's 评分与结果) has no column blank on every row: the
 * 问题 column (a rule's title) is left out when no finding has one, as with an assessment's findings.
 */
import { PassThrough } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderFindings } from '../../../src/cli/render/applications.js';
import { createOutput } from '../../../src/ui/output.js';
import type { Finding } from '../../../src/core/finding.js';

function rendered(findings: Finding[]): string {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let text = '';
  stdout.on('data', (d: Buffer) => (text += d.toString()));
  renderFindings(createOutput({ stdout: stdout as unknown as NodeJS.WriteStream, stderr: stderr as unknown as NodeJS.WriteStream, env: { NO_COLOR: '1' } }), findings);
  return text;
}

const headOf = (text: string): string => text.split('\n').find((l) => l.includes('级别'))!;

describe('findings table', () => {
  it('leaves out the 问题 column when no finding has a rule title (an assessment\'s findings)', () => {
    const text = rendered([
      { code: 'self-score-differs', severity: 'warning', message: '自评分与考核分相差较大', cell: 'F12' } as Finding,
      { code: 'score-over-max', severity: 'error', message: '得分超过该项满分', cell: 'G9' } as Finding,
    ]);
    expect(headOf(text)).not.toContain('问题');
    expect(headOf(text)).toContain('说明');
    expect(text).toContain('得分超过该项满分');
  });

  it('keeps the 问题 column, filled, when a rule finding has a title', () => {
    const text = rendered([{ code: 'retirement-in-term', severity: 'warning', message: '有效期内退休', cell: 'B15' } as Finding]);
    expect(headOf(text)).toContain('问题');
    expect(text).toContain('有效期内退休');
  });

  it('never shows a column blank on every row (property: any mix of untitled findings)', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ code: fc.constantFrom('x-one', 'x-two'), severity: fc.constantFrom('error', 'warning'), message: fc.constantFrom('甲', '乙') }), { minLength: 1, maxLength: 5 }), (fs) => {
        expect(headOf(rendered(fs as Finding[]))).not.toContain('问题');
      }),
      { numRuns: 30 },
    );
  });
});
