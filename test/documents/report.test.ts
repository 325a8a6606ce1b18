/**
 * `export report`: every number of the yearly report is the database's (counted here by SQL and by the
 * commands' own --json, independently of the report's code), the three charts are real PNG pictures in the
 * document, and no personal number reaches it.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { chinaDate, chinaYear } from '../../src/core/china-time.js';
import { occupationFromName, occupationGroup, occupationGroupData } from '../../src/rules/occupation-groups.js';
import { buildRegisterWorkbook, REGISTER_ROWS } from '../fixtures/make-register.js';
import { paragraphs, unzip } from '../helpers/docx-text.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/tmp.js';

const ASSESSMENTS = path.resolve('data/samples/assessments');

function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('export report', () => {
  it('gives the numbers of the database, with three charts and their tables', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'g.db');
    const year = chinaYear();
    const register = path.join(dir, '名册.xlsx');
    await buildRegisterWorkbook(ExcelJS).xlsx.writeFile(register);
    const cli = async (...args: string[]): Promise<string> => {
      const r = await runCli(['--db', db, ...args]);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      return r.stdout;
    };
    await cli('studios', 'import', register);
    await cli('--round', String(year), 'assess', 'import', ASSESSMENTS);
    await cli('--round', String(year), 'score', 'confirm');
    await cli('studios', 'renew', 'GS-2023-001');
    await cli('studios', 'revoke', 'GS-2020-001', '--reason', '单位注销');
    const scores = JSON.parse(await cli('--round', String(year), 'score', '--json')) as { studioName: string; grade: string }[];

    const file = path.join(dir, 'report.docx');
    const run = await runCli(['--db', db, 'export', 'report', '--year', String(year), '-o', file]);
    expect(run.code, run.stderr).toBe(0);
    const parts = unzip(fs.readFileSync(file));
    const text = paragraphs(parts.get('word/document.xml')!.toString('utf8')).join('\n');

    // Counted by SQL, not by the report's code.
    const d = new Database(db, { readonly: true });
    const end = `${year}-12-31`;
    const inRegister = (d.prepare("SELECT count(*) AS n FROM studios WHERE status NOT IN ('decertified', 'merged')").get() as { n: number }).n;
    const active = d
      .prepare("SELECT name, occupation, lead_name AS lead FROM studios WHERE certified_on <= ? AND valid_until >= ? AND status IN ('valid', 'renewed', 'assessed-pass')")
      .all(end, end) as { name: string; occupation: string; lead: string }[];
    const perYear = d.prepare("SELECT CAST(substr(certified_on, 1, 4) AS INTEGER) AS y, count(*) AS n FROM studios WHERE certified_on IS NOT NULL AND status NOT IN ('decertified', 'merged') GROUP BY y ORDER BY y").all() as { y: number; n: number }[];
    d.close();
    expect(inRegister).toBe(REGISTER_ROWS.length);
    expect(text).toContain(`工作室名册共登记技能大师工作室${inRegister}个，其中年末在册运行（在有效期内，未撤销、未到期）的${active.length}个`);
    // The renewed studio runs on; the one revoked this year does not.
    expect(active.map((a) => a.name)).toContain('吕建明钳工技能大师工作室');
    expect(active.map((a) => a.name)).not.toContain('赵磊美容师技能大师工作室');

    const count = (grade: string): number => scores.filter((s) => s.grade === grade).length;
    expect(text).toContain(`${year}年度共考核工作室${scores.length}个，其中优秀${count('excellent')}个、合格${count('pass')}个、不合格${count('fail')}个、不参加考核${count('not-assessed')}个`);
    for (const s of scores.filter((x) => x.grade === 'excellent')) expect(text).toMatch(new RegExp(`优秀\\n${count('excellent')}\\n${s.studioName}`, 'u'));

    // Per year: the table across under the chart holds each year's count (years without one as 0).
    const years = text.split('\n');
    for (const { y, n } of perYear.filter((p) => p.y <= year)) {
      const at = years.indexOf(String(y));
      expect(at, String(y)).toBeGreaterThan(0);
      // Seven years a row, then the label and the seven counts.
      expect(years[at + 8], String(y)).toBe(String(n));
    }
    expect(perYear.reduce((a, p) => a + p.n, 0)).toBe(inRegister);

    // Occupation groups: the counts in table 2 are the active studios grouped by the data table.
    const data = occupationGroupData();
    for (const g of [...data.groups, { code: null, name: data.other }]) {
      const n = active.filter((a) => occupationGroup(a.occupation || occupationFromName(a.name, a.lead), data) === g.code).length;
      expect(text, g.name).toContain(`${g.name}\n${n}`);
    }

    expect(text).toMatch(new RegExp(`${year}年度考核合格续建的工作室1个：吕建明钳工技能大师工作室（GS-2023-001）`, 'u'));
    expect(text).toMatch(new RegExp(`${year}年度撤销认定的工作室1个：赵磊美容师技能大师工作室（GS-2020-001）`, 'u'));
    expect(text).toContain(`${chinaDate().slice(0, 4)}年`);

    // Three charts, drawn at twice their size, each followed by its table.
    const media = [...parts.keys()].filter((k) => k.startsWith('word/media/') && k.endsWith('.png'));
    expect(media).toHaveLength(3);
    for (const m of media) expect(pngSize(parts.get(m)!).width).toBe(1200);
    expect(text.match(/图\d　/gu)).toHaveLength(3);
    expect(text.match(/表\d　/gu)).toHaveLength(3);
    // No personal number of the register (the ID numbers it gave) in any part.
    const ids = REGISTER_ROWS.map((r) => r.idNumber).filter(Boolean);
    for (const [name, bytes] of parts) for (const id of ids) expect(bytes.toString('latin1').includes(id), name).toBe(false);
    expect(run.stderr).toContain(`年末在册运行的工作室 ${active.length} 个（名册共 ${inRegister} 个）`);
  }, 120_000);

  it('classifies occupations by the data table, with 其他 for unknown ones', () => {
    expect(occupationGroup('数控车工（高级）')).toBe('6');
    expect(occupationGroup('中式烹调师')).toBe('4');
    expect(occupationGroup('电梯安装维修工')).toBe('6');
    expect(occupationGroup('汽车维修工')).toBe('4');
    expect(occupationGroup('茶园工')).toBe('5');
    expect(occupationGroup('天文观测员')).toBeNull();
    expect(occupationGroup('')).toBeNull();
    expect(occupationFromName('王伟电工技能大师工作室', '王伟')).toBe('电工');
  });
});
