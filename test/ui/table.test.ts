/** gongshu's table drawing against cli-table3 (configured as gongshu used it before), its speed, and what cells may carry. */
import { Chalk } from 'chalk';
import Table from 'cli-table3';
import { describe, expect, it } from 'vitest';
import { clean, cleanKeepingColour as cleanCell } from '../../src/ui/output.js';
import { renderTable, textWidth } from '../../src/ui/table.js';

function cliTable3(head: string[], rows: (string | number)[][]): string {
  const table = new Table({ head, style: { head: [], border: [] }, wordWrap: true, chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' } });
  for (const row of rows) table.push(row.map((c) => clean(String(c))));
  return table.toString();
}

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

const PIECES = ['张建国', '数控车工', 'abc', ' ', '', '（', '）', 'Ａ', '１', '\n', '\t', 'é', 'e\u0301', '가', 'ｶ', '〇', '〿', '・', '—', '€', '\u0007', '#12', '42', '0 / 1', '𠀀'];

describe('renderTable', () => {
  it('draws what cli-table3 drew, character for character', () => {
    const next = random(7);
    const text = (): string => Array.from({ length: Math.floor(next() * 5) }, () => PIECES[Math.floor(next() * PIECES.length)]).join('');
    for (let t = 0; t < 200; t++) {
      const columns = 1 + Math.floor(next() * 5);
      // Headings come from the message catalogue; gongshu now also cleans them, cli-table3 was never asked to.
      const head = Array.from({ length: columns }, () => clean(text()));
      const rows = Array.from({ length: Math.floor(next() * 6) }, () => Array.from({ length: columns }, () => (next() < 0.2 ? Math.floor(next() * 1000) : text())));
      expect(renderTable(head, rows)).toBe(cliTable3(head, rows));
    }
  });

  it('measures CJK as two columns and emoji as two', () => {
    expect(textWidth('张建国 ab')).toBe(9);
    expect(textWidth('😀')).toBe(2);
    expect(textWidth('e\u0301')).toBe(1);
    expect(textWidth('\u001b[31m不合格\u001b[39m')).toBe(6);
  });

  // How fast it draws is measured by `npm run bench` (test/bench/), not here.
  it('draws 10,000 rows, one line each', () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => [`#${i + 1}`, '张建国数控车工技能大师工作室', '杭州拱墅精工机械有限公司', '张建国', 92.5, '优秀']);
    const out = renderTable(['编号', '工作室', '单位', '领衔人', '总分', '等级'], rows);
    expect(out.split('\n')).toHaveLength(10_003);
  });
});

const chalk = new Chalk({ level: 1 });

describe('table cells', () => {
  it('keeps the colour of a cell coloured by chalk, instead of printing "[32m" as text', () => {
    const table = renderTable(['结果'], [[chalk.green('已导入')]]);
    expect(table).toContain('\u001b[32m已导入\u001b[39m');
    expect(table.replace(/\u001b\[\d+m/gu, '')).not.toMatch(/\[\d+m/u);
  });

  it('strips cursor movement, screen clearing, titles and bells that a workbook may carry', () => {
    const hostile = '张三\u001b[2J\u001b[H\u001b]0;title\u0007\u0008王';
    const cell = cleanCell(hostile);
    expect(cell).not.toContain('\u001b');
    expect(cell).not.toContain('\u0007');
    expect(cell).not.toContain('\u0008');
    expect(cell.startsWith('张三')).toBe(true);
    expect(cell.endsWith('王')).toBe(true);
  });
});
