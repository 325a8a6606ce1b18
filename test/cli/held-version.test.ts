/**
 * A held version (a newer form stored but not in effect until `apply accept-version`) is said wherever the
 * clerk decides on the application: the 形式审查汇总表, the internal 拟认定名单 and 认定, which waits for the
 * clerk's word instead of freezing the version in effect without one (issue 21, a new clerk's round).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultMembers, makeApplication } from '../helpers/application-factory.js';
import { applications, certifiedRound, expectOk, HUANG, roundDb } from '../helpers/round.js';
import { cellTexts, writeApplicationWorkbook } from '../helpers/workbooks.js';
import { chinaDate } from '../../src/core/china-time.js';
import { answer, pick, screen, shown, startMenu } from './interactive/harness.js';

describe('a held version is said in the lists and at 认定', () => {
  it('names the held version in the 汇总表 and the internal 拟认定名单, and certify waits for accept-version or --keep-version', async () => {
    const r = roundDb();
    await certifiedRound(r, [HUANG], { stopAt: 'publicized' });
    const changed = await writeApplicationWorkbook(r.dir, '更正.xlsx', makeApplication({ ...HUANG, members: defaultMembers().slice(0, 2) }));
    await expectOk(r.cli('apply', 'import', changed), 'import the changed form');
    expect((await applications(r))[0]).toMatchObject({ version: 1, pendingVersions: [2] });
    const today = chinaDate();
    const line = `有待处理的新版本：第 2 版申报表（${today} 导入）尚未采用，现在生效的是第 1 版。采用新版本将退回形式审查、需重新评审；不采用可不处理`;

    const summary = path.join(r.dir, '汇总.xlsx');
    await expectOk(r.cli('export', 'review', '-o', summary), 'export review');
    expect((await cellTexts(summary)).join('\n')).toContain(line);
    const internal = path.join(r.dir, '内部.xlsx');
    await expectOk(r.cli('export', 'shortlist', '--internal', '-o', internal), 'export shortlist');
    expect((await cellTexts(internal)).join('\n')).toContain(line);
    // A printed document names no command.
    expect((await cellTexts(summary)).join('\n')).not.toContain('gongshu ');
    // The public list says nothing internal.
    const open = path.join(r.dir, '名单.xlsx');
    await expectOk(r.cli('export', 'shortlist', '-o', open), 'export shortlist');
    expect((await cellTexts(open)).join('\n')).not.toContain('新版本');

    const waiting = await r.cli('certify', '--date', '2026-06-08');
    expect(waiting.code).toBe(1);
    expect(waiting.stdout + waiting.stderr).toContain('申报 #1 黄志刚装配钳工技能大师工作室 暂未认定：有待处理的新版本（第 2 版');
    expect(waiting.stdout + waiting.stderr).toContain('gongshu certify --keep-version');
    expect(await r.json<unknown[]>('studios', 'list')).toEqual([]);
    expect((await applications(r))[0]!.status).toBe('publicized');

    const kept = await expectOk(r.cli('certify', '--date', '2026-06-08', '--keep-version'), 'certify --keep-version');
    expect(kept.stdout + kept.stderr).toContain('申报 #1 按第 1 版认定，第 2 版未采用');
    expect(await r.json<{ plaque: string }[]>('studios', 'list')).toMatchObject([{ plaque: 'GS-2026-001' }]);
    const log = await r.json<{ action: string; detail: Record<string, unknown> }[]>('history', '1');
    expect(log.find((e) => e.detail.event === 'certify')?.detail).toMatchObject({ version: 1, heldNotUsed: [2] });
    expect((await r.cli('history', '1')).stdout).toContain('（按第 1 版申报表，第 2 版未采用）');

    // Once certified, the lists and the import say the version was not used and will not be (no accept-version).
    const after = path.join(r.dir, '汇总-认定后.xlsx');
    await expectOk(r.cli('export', 'review', '-o', after), 'export review after 认定');
    const afterText = (await cellTexts(after)).join('\n');
    expect(afterText).toContain('有未采用的新版本：第 2 版申报表');
    expect(afterText).toContain('按第 1 版认定；已认定的申报表不再改动');
    expect(afterText).not.toContain('退回形式审查');
    const shown = await expectOk(r.cli('apply', 'show', '1'), 'apply show after 认定');
    expect(shown.stdout + shown.stderr).toContain('申报 #1 按第 1 版认定，新版本 v2 未采用；已认定的申报表不再改动');
    expect(shown.stdout + shown.stderr).not.toContain('accept-version');
    const listed = await expectOk(r.cli('apply', 'list'), 'apply list after 认定');
    expect(listed.stdout).toContain('已认定（1 个新版本未采用）');
    const later = await writeApplicationWorkbook(r.dir, '认定后更正.xlsx', makeApplication({ ...HUANG, members: defaultMembers().slice(1, 3) }));
    const imported = await r.cli('apply', 'import', later);
    expect(imported.stdout + imported.stderr).toContain('申报 #1 已认定（按第 1 版）：新表已保存为第 3 版备查，不会生效');
    expect(imported.stdout + imported.stderr).not.toContain('accept-version');
    expect(imported.stdout.split('\n').find((l) => l.includes('认定后更正.xlsx'))).toContain('已保存备查');
  });

  it('certifies an application without a held version as before, with no word about versions', async () => {
    const r = roundDb();
    await certifiedRound(r, [HUANG], { stopAt: 'publicized' });
    const run = await expectOk(r.cli('certify', '--date', '2026-06-08'), 'certify');
    expect(run.stdout + run.stderr).not.toContain('新版本');
  });

  it('menu 认定: says the held version and asks (default no) before certifying on the version in effect', async () => {
    const r = roundDb();
    await certifiedRound(r, [HUANG], { stopAt: 'publicized' });
    const changed = await writeApplicationWorkbook(r.dir, '更正.xlsx', makeApplication({ ...HUANG, members: defaultMembers().slice(0, 2) }));
    await expectOk(r.cli('apply', 'import', changed), 'import the changed form');
    const run = await startMenu({ dir: r.dir, db: r.db });
    await pick('公示与认定');
    await pick('认定（公示期满后）');
    await answer('2026-06-08');
    expect(run.printed()).toContain('#1 黄志刚装配钳工技能大师工作室：有待处理的新版本（第 2 版');
    expect(run.printed()).toContain('采用评审后交来的新版本');
    expect(shown()).toContain('是否确认新版本不用、按现在生效的版本认定');
    await answer('n');
    expect(run.printed()).toContain('2026-06-08 没有可以认定的申报');
    expect(await r.json<unknown[]>('studios', 'list')).toEqual([]);

    await pick('公示与认定');
    await pick('认定（公示期满后）');
    await answer('2026-06-08');
    await answer('y');
    await answer('y');
    expect(run.printed()).toContain('申报 #1 按第 1 版认定，第 2 版未采用');
    expect(await r.json<{ plaque: string }[]>('studios', 'list')).toMatchObject([{ plaque: 'GS-2026-001' }]);
    screen.keypress({ name: 'c', ctrl: true });
    expect(await run.done).toBe(0);
  });
});
