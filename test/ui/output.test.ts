import { describe, expect, it } from 'vitest';
import { clean, cleanKeepingColour, createOutput } from '../../src/ui/output.js';
import { renderTable } from '../../src/ui/table.js';

function capture(env: NodeJS.ProcessEnv, isTTY: boolean) {
  const out: string[] = [];
  const err: string[] = [];
  const output = createOutput({ stdout: { write: (s: string) => out.push(s), isTTY }, stderr: { write: (s: string) => err.push(s), isTTY }, env });
  return { output, out, err };
}

const HOSTILE = '文件\u001b[2J\u001b]0;pwned\u0007名\r覆盖\u0008.xlsx';

describe('terminal output', () => {
  it('clean removes escape sequences, control characters and lone carriage returns (a line break instead)', () => {
    expect(clean(HOSTILE)).toBe('文件名\n覆盖.xlsx');
    expect(clean('a\r\nb\tc')).toBe('a\nb\tc');
  });

  it('clean and cleanKeepingColour give text without control characters back as it is, and clean every single one', () => {
    for (const text of ['王建国数控车工技能大师工作室', '│ #1 │ 合格 │\n│ #2 │ 不合格 │', 'a\tb', '']) {
      expect(clean(text)).toBe(text);
      expect(cleanKeepingColour(text)).toBe(text);
    }
    for (let code = 0; code <= 0x9f; code++) {
      if (code >= 0x20 && code < 0x7f) continue;
      const text = `甲${String.fromCharCode(code)}乙`;
      // U+009D opens an OSC sequence, which runs to the end of the text.
      const kept = code === 0x0a || code === 0x09 ? text : code === 0x0d ? '甲\n乙' : code === 0x9d ? '甲' : '甲乙';
      expect(clean(text), `U+${code.toString(16)}`).toBe(kept);
      expect(cleanKeepingColour(text), `U+${code.toString(16)}`).toBe(kept);
    }
  });

  it('keeps colour codes only where asked, and nothing else', () => {
    expect(cleanKeepingColour(`\u001b[31m红\u001b[39m${HOSTILE}`)).toBe('\u001b[31m红\u001b[39m文件名\n覆盖.xlsx');
  });

  it('without a terminal, no escape byte reaches stdout or stderr, whatever the text', () => {
    const { output, out, err } = capture({}, false);
    output.print(`表格 ${HOSTILE} ${output.color.red('红')}`);
    output.note(HOSTILE);
    output.warn(HOSTILE);
    output.error(HOSTILE);
    output.success(HOSTILE);
    output.progress(HOSTILE);
    for (const s of [...out, ...err]) expect(s).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/u);
    expect(err.join('')).toContain('文件名\n覆盖.xlsx');
  });

  it('on a colour terminal, colours survive in tables and messages, hostile sequences do not', () => {
    const { output, out, err } = capture({ FORCE_COLOR: '1' }, true);
    output.print(renderTable(['文件', '结果'], [[HOSTILE, output.color.green('已导入')]]));
    output.error(HOSTILE);
    const all = out.join('') + err.join('');
    expect(all).toContain('\u001b[32m已导入\u001b[39m');
    expect(err.join('')).toMatch(/^\u001b\[31m文件名/u);
    expect(all).not.toContain('\u001b[2J');
    expect(all).not.toContain('\u001b]0;');
    expect(all).not.toContain('\u0007');
  });
});
