/** How labels are broken over lines in the printed forms. */
import { describe, expect, it } from 'vitest';
import { breakBeforeBracket, wrappedLines } from '../../src/documents/styles.js';

// A 考核表 figure label: 11 column units at 11 pt (four Chinese characters a line by the estimate, five in LibreOffice).
const LABEL = { width: 11, size: 11 };
const broken = (text: string): string => breakBeforeBracket(text, LABEL.width, LABEL.size);

describe('breakBeforeBracket', () => {
  it('moves a closing bracketed part to its own line, and splits a label that just overflows into two even lines', () => {
    expect(broken('是否配备场地')).toBe('是否配\n备场地');
    expect(broken('国家技术专利（例）')).toBe('国家技\n术专利\n（例）');
    expect(broken('市级及以上媒体报道（次）')).toBe('市级及以上媒体报道\n（次）');
    expect(broken('是否配备')).toBe('是否配备');
    // A longer label wraps where it falls (no forced short lines).
    expect(broken('是否建立制度并明确岗位职责')).toBe('是否建立制度并明确岗位职责');
    // Latin text, and text with its own line breaks, are left alone.
    expect(broken('Workshop site')).toBe('Workshop site');
    expect(broken('是否配备\n场地')).toBe('是否配备\n场地');
  });

  it('splits only labels up to two characters over a line, evenly, and never loses a character', () => {
    const han = '是否配备场地工作室标牌明显培养技师人数国家专利';
    for (let n = 1; n <= 10; n++) {
      const text = han.slice(0, n);
      const lines = broken(text).split('\n');
      expect(lines.join('')).toBe(text);
      if (n <= 6) {
        // Up to two characters over the estimate's four: lines that fit, even ones when split.
        for (const line of lines) expect(wrappedLines(line, LABEL.width, LABEL.size)).toBe(1);
        if (lines.length === 2) expect(Math.abs(lines[0]!.length - lines[1]!.length)).toBeLessThanOrEqual(1);
      } else {
        expect(lines).toEqual([text]);
      }
    }
  });
});
