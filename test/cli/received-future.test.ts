/** `apply import --received` a day after today is a typo (a month or a year off): refused, nothing imported. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/calendar.js';
import { chinaDate } from '../../src/core/china-time.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/tmp.js';

const SAMPLES = path.resolve('data/samples/applications');

describe('apply import --received after today', () => {
  it('is refused before any file is read, and today is accepted', async () => {
    const db = path.join(tempDir(), 'g.db');
    const year = chinaDate().slice(0, 4);
    const cli = (...args: string[]) => runCli(['--db', db, '--round', year, ...args]);
    const tomorrow = addDays(chinaDate(), 1);
    const refused = await cli('apply', 'import', SAMPLES, '--received', tomorrow);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`收件日期 ${tomorrow} 在今天（${chinaDate()}）之后`);
    expect(JSON.parse((await cli('apply', 'list', '--json')).stdout || '[]')).toEqual([]);
    expect((await cli('apply', 'import', SAMPLES, '--received', chinaDate())).code).toBe(0);
  });
});
