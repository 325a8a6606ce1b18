/** Assessment commands end to end on the bundled sample assessments. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/tmp.js';

const SAMPLES = fileURLToPath(new URL('../../data/samples/assessments/', import.meta.url));

describe('assess import / score / export results', () => {
  it('imports, scores with the rubric note on stderr, marks a retired lead, and exports the results', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'g.db');
    const imported = await runCli(['--db', db, '--round', '2026', 'assess', 'import', SAMPLES, '--new-studios']);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('已导入');
    const again = await runCli(['--db', db, '--round', '2026', 'assess', 'import', SAMPLES, '--new-studios']);
    expect(again.stdout).toContain('已导入，跳过');

    const scored = await runCli(['--db', db, '--round', '2026', 'score', '--json']);
    expect(scored.code).toBe(0);
    expect(scored.stderr).toContain('80');
    const rows = JSON.parse(scored.stdout) as { id: number; studioName: string; grade: string; veto: boolean; total: number }[];
    const byName = Object.fromEntries(rows.map((r) => [r.studioName, r]));
    expect(byName['吕建明钳工技能大师工作室']!.grade).toBe('excellent');
    expect(byName['孙丽萍茶艺师技能大师工作室']!.grade).toBe('pass');
    expect(byName['钱卫东汽车维修工技能大师工作室']!.grade).toBe('fail');
    expect(byName['蒋海波电工技能大师工作室']).toMatchObject({ grade: 'fail', veto: true });

    const lv = byName['吕建明钳工技能大师工作室']!;
    await runCli(['--db', db, 'assess', 'set', String(lv.id), '--lead-birth', '1963-04', '--lead-gender', '男']);
    const after = JSON.parse((await runCli(['--db', db, '--round', '2026', 'score', '--json'])).stdout) as { id: number; grade: string }[];
    expect(after.find((r) => r.id === lv.id)!.grade).toBe('not-assessed');

    const out = path.join(dir, 'results.xlsx');
    const exported = await runCli(['--db', db, '--round', '2026', 'export', 'results', '-o', out]);
    expect(exported.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.length).toBe(3);

    const shown = await runCli(['--db', db, 'score', 'show', String(lv.id)]);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('不参加考核');
  });

  it('refuses an application form given to assess import', async () => {
    const dir = tempDir();
    const app = fileURLToPath(new URL('../../data/samples/applications/01-申报表-杭州拱宸精密机械有限公司.xlsx', import.meta.url));
    const r = await runCli(['--db', path.join(dir, 'g.db'), 'assess', 'import', app]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('apply import');
  });
});
