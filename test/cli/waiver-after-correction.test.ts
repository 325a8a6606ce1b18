/**
 * A waiver is given on what a finding says. `apply set` that changes the finding (出生年月 corrected: 只有 17 个月
 * becomes 已到龄) withdraws the waiver, says so, and logs it: the committee never judged the new finding.
 * A correction that leaves the finding as it was keeps the waiver.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/tmp.js';

const SAMPLES = path.resolve('data/samples/applications');

describe('a waiver after a correction', () => {
  it('is withdrawn when the corrected form changes what its finding says, and kept otherwise', async () => {
    const db = path.join(tempDir(), 'g.db');
    const cli = (...args: string[]) => runCli(['--db', db, '--round', '2026', ...args]);
    expect((await cli('apply', 'import', SAMPLES, '--received', '2026-05-20')).code).toBe(0);
    const eligibility = async (): Promise<string> => (JSON.parse((await cli('apply', 'show', '5', '--json')).stdout) as { eligibility: string }).eligibility;
    // #5: 周德明, 1967-03, only 17 months before retirement (an error the committee may waive).
    expect((await cli('apply', 'override', '5', 'retirement-margin', '--reason', '专家委员会同意')).code).toBe(0);
    expect(await eligibility()).toBe('eligible');

    // Another field corrected: the finding reads as before, the waiver stays.
    const phone = await cli('apply', 'set', '5', '传真=0571-88888888', '--reason', '电话核实');
    expect(phone.code, phone.stderr).toBe(0);
    expect(phone.stderr).not.toContain('原来的豁免');
    expect(await eligibility()).toBe('eligible');

    // The birth corrected to a lead already past retirement: the waiver no longer applies.
    const birth = await cli('apply', 'set', '5', '出生年月=1965-01', '--reason', '单位来电更正');
    expect(birth.code, birth.stderr).toBe(0);
    expect(birth.stderr).toContain('原来的豁免 / 确认已撤销（已记入操作日志），请重新判断：距法定退休年龄（领衔人出生年月）');
    expect(await eligibility()).toBe('ineligible');
    const shown = JSON.parse((await cli('apply', 'show', '5', '--json')).stdout) as { findings: { code: string; waived?: unknown }[] };
    expect(shown.findings.find((f) => f.code === 'retirement-margin')?.waived).toBeFalsy();
    expect((await cli('history', '5')).stdout).toContain('更正后该问题的内容已变');
  });
});
