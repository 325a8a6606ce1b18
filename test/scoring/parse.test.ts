import { describe, expect, it } from 'vitest';
import { loadRubric } from '../../src/core/rubric.js';
import { parseScore, parseVeto } from '../../src/scoring/parse.js';

describe('parseScore', () => {
  it.each([
    [8, 8],
    [0, 0],
    ['8', 8],
    ['８', 8],
    ['8.5', 8.5],
    [' 8 分 ', 8],
    ['-1', -1],
  ])('%j is the number %d', (raw, value) => {
    expect(parseScore(raw)).toEqual({ kind: 'number', value });
  });

  it.each(['八分', '8-9', '约8', '满分', 'N/A'])('"%s" is text', (raw) => {
    expect(parseScore(raw)).toEqual({ kind: 'text', text: raw });
  });

  it.each([null, '', '  ', '\u3000'])('%j is empty', (raw) => {
    expect(parseScore(raw)).toEqual({ kind: 'empty' });
  });
});

describe('parseVeto', () => {
  const { veto } = loadRubric();
  it('reads the forms listed in the rubric', () => {
    expect(['是', '√', '✓', '触发', '　触发　'].map((v) => parseVeto(v, veto))).toEqual(Array(5).fill('triggered'));
    expect(['否', '无', '', null].map((v) => parseVeto(v, veto))).toEqual(Array(4).fill('clear'));
    expect(['也许', 1, '是的'].map((v) => parseVeto(v, veto))).toEqual(Array(3).fill('unclear'));
  });
});
