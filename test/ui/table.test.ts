/** Table cells: our colours reach a terminal, workbook control characters do not. */
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { renderTable } from '../../src/ui/table.js';
import { cleanKeepingColour as cleanCell } from '../../src/ui/output.js';

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
