/** gongshu's table drawing against cli-table3 (configured as gongshu used it before), its speed, and what cells may carry. */
import { Chalk } from 'chalk';
import Table from 'cli-table3';
import { describe, expect, it } from 'vitest';
import { clean, cleanKeepingColour as cleanCell } from '../../src/ui/output.js';
import { fitWidths, renderTable as renderMarkedTable, terminalWidth, textWidth, wrapLine } from '../../src/ui/table.js';
import { plainText } from '../../src/core/personal-numbers.js';

/** The table as the clerk sees it (without the made() markers the output channel removes). */
const renderTable = (...args: Parameters<typeof renderMarkedTable>): string => plainText(renderMarkedTable(...args));

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
      expect(renderTable(head, rows, { width: Infinity })).toBe(cliTable3(head, rows));
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
    const out = renderTable(['编号', '工作室', '单位', '领衔人', '总分', '等级'], rows, { width: Infinity });
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

const FINDINGS_HEAD = ['级别', '代码', '单元格', '说明'];
const FINDINGS = [
  ['错误', 'retirement-margin', '申报表!D12', '领衔人周德明（男，1966-03 出生）法定退休年龄为 61岁，2027-03 退休；距本批次截止日 2026-05-22 只有 10 个月，通知要求原则上距法定退休年龄 3 年（36 个月）以上。如确需放宽，请用 gongshu apply override 5 距法定退休年龄 --reason 理由 豁免。'],
  ['提醒', 'missing-material', '', '尚未收到必交材料“身份证”。收到后请用 gongshu apply materials 5 --received id-cards 登记。'],
  ['错误', 'studio-name', '申报表!B30', '工作室名称“王建国技能大师工作室”不符合“领衔人名字+职业（工种）名称+技能大师工作室”的格式：按领衔人“王建国”和职业（工种）“模具工”，应为“王建国模具工技能大师工作室”。'],
];

/** The text of each column of a drawn table, top to bottom, without padding and line breaks. */
function columnsOf(table: string): string[] {
  const cols: string[] = [];
  for (const line of table.split('\n').filter((l) => l.startsWith('│'))) {
    line.slice(1, -1).split('│').forEach((cell, i) => (cols[i] = (cols[i] ?? '') + cell.replace(/\s/gu, '')));
  }
  return cols;
}

/** What the columns must hold: the heading and every cell, in order. */
function expectedColumns(head: string[], rows: string[][]): string[] {
  return head.map((h, i) => [h, ...rows.map((r) => r[i]!)].join('').replace(/\s/gu, ''));
}

describe('tables that fit the terminal', () => {
  it.each([80, 120])('wraps long text inside its column at %i columns, keeping every character', (width) => {
    const table = renderTable(FINDINGS_HEAD, FINDINGS, { width });
    const natural = renderTable(FINDINGS_HEAD, FINDINGS, { width: Infinity });
    expect(Math.max(...natural.split('\n').map(textWidth))).toBeGreaterThan(200);
    for (const line of table.split('\n')) expect(textWidth(line)).toBeLessThanOrEqual(width);
    expect(columnsOf(table)).toEqual(expectedColumns(FINDINGS_HEAD, FINDINGS));
    // Every row of the grid has the same shape: the borders line up.
    const borders = table.split('\n').filter((l) => l.startsWith('│')).map((l) => [...l].map((ch, i) => (ch === '│' ? textWidth([...l].slice(0, i).join('')) : -1)).filter((x) => x >= 0).join(','));
    expect(new Set(borders).size).toBe(1);
  });

  it('leaves short columns alone and keeps a code on one line', () => {
    const table = renderTable(FINDINGS_HEAD, FINDINGS, { width: 80 });
    expect(table).toContain('│ retirement-margin │');
    expect(table).toContain('│ 错误 │');
  });

  it('narrows first the columns beside a cell that wraps anyway', () => {
    const rows = [['#1', '陈国平数控车工技能大师工作室', '杭州拱宸精密机械有限公司', '错误 0，提醒 0'], ['#10', '郑伟电梯安装维修工技能大师工作室', '杭州和睦电梯工程有限公司', '错误 1，提醒 0']];
    const table = renderTable(['编号', '工作室名称', '申报单位', '问题'], rows, { width: 84 });
    // 4 + 32 + 24 + 14 columns of text do not fit in 84 − 13: only the longest name wraps.
    expect(table.split('\n')).toHaveLength(2 + 1 + 1 + 2);
    const lines = table.split('\n');
    expect(lines[3]).toMatch(/^│ #10 /u); // #1 took one line
    expect(lines[3]).not.toContain('郑伟电梯安装维修工技能大师工作室');
    // Cut near the middle, not leaving 室 alone on the second line.
    expect(lines[4]).toMatch(/^│ {6}│ 工技能大师工作室 +│/u);
  });

  it('does not start a line with closing punctuation', () => {
    const table = renderTable(['说明'], [['一二三四五六七八九，一二三四五六七八九。']], { width: 24 });
    for (const line of table.split('\n').slice(1, -1)) expect(line).not.toMatch(/^│ [，。]/u);
    expect(columnsOf(table)).toEqual(['说明一二三四五六七八九，一二三四五六七八九。']);
  });

  it('breaks between words, and inside a word only when it is longer than the column', () => {
    expect(wrapLine('abc def ghi', 7)).toEqual(['abc def', 'ghi']);
    expect(wrapLine('/very/long/path/申报表.xlsx', 10)).toEqual(['/very/long', '/path/申报', '表.xlsx']);
  });

  it('carries a colour over a line break and closes it at the end of the line', () => {
    const lines = wrapLine(chalk.red('不合格不合格不合格'), 8);
    expect(lines).toEqual(['\u001b[31m不合格不\u001b[0m', '\u001b[31m合格不合\u001b[0m', '\u001b[31m格\u001b[39m']);
  });

  it('keeps a table that fits as it was', () => {
    const rows = [['#1', '张建国数控车工技能大师工作室', '合格']];
    expect(renderTable(['编号', '工作室', '资格'], rows, { width: 80 })).toBe(renderTable(['编号', '工作室', '资格'], rows, { width: Infinity }));
  });

  it('shares the room by giving up width from the widest column first', () => {
    expect(fitWidths([4, 60, 40], [4, 4, 4], 60)).toEqual([4, 28, 28]);
    expect(fitWidths([4, 10], [4, 10], 5)).toEqual([4, 10]);
  });

  it('takes the terminal width from stdout, else $COLUMNS, else no limit', () => {
    expect(terminalWidth({ isTTY: true, columns: 132 }, { COLUMNS: '80' })).toBe(132);
    expect(terminalWidth({ isTTY: false }, { COLUMNS: '80' })).toBe(80);
    expect(terminalWidth({}, {})).toBe(Infinity);
    expect(terminalWidth({}, { COLUMNS: 'abc' })).toBe(Infinity);
  });
});
