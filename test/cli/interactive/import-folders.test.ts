/** The folder prompt of each import offers the folder last used for that kind, not another kind's (issue 21). */
import { describe, expect, it } from 'vitest';
import { APPLICATIONS, ASSESSMENTS, answer, pick, screen, shown, startMenu } from './harness.js';
import { tempDir } from '../../helpers/tmp.js';
import path from 'node:path';

describe('menu: last folder per kind of import', () => {
  it('导入考核表 does not offer the 申报表 folder; 导入申报表 offers its own again', async () => {
    const dir = tempDir();
    const run = await startMenu({ dir, db: path.join(dir, 'g.db') });
    await pick('导入申报表');
    await answer(APPLICATIONS);
    await pick('全部导入');
    await answer('2026-05-20');
    expect(run.printed()).toContain('新导入');

    await pick('导入考核表');
    expect(shown()).not.toContain(APPLICATIONS);
    await answer(ASSESSMENTS);
    await pick('全部导入');
    expect(shown()).toContain('为它们新建工作室记录并导入吗');
    await answer('n');

    await pick('导入申报表');
    expect(shown()).toContain(path.resolve(APPLICATIONS));
    screen.keypress({ name: 'c', ctrl: true });
    screen.keypress({ name: 'c', ctrl: true });
    await run.done;
  }, 60_000);
});
