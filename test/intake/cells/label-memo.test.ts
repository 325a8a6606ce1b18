/**
 * The label locator remembers what it computed for a cell text (every form repeats the template's labels). What
 * it remembers must never change an answer: a warm dictionary answers as a cold one, for labels, labels with
 * hints, colons and values, and any text, including after the memo has filled up and started again.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applicationLabels, classifyText, compileDictionary, hintlessKey, stripHints } from '../../../src/intake/cells/label-locator.js';
import { labelKey } from '../../../src/core/text.js';

const data = applicationLabels();
const labels = [...data.fields.flatMap((f) => f.labels), ...Object.values(data.sections).flat(), ...Object.values(data.memberColumns).flat(), ...data.assessmentLabels];
const pieces = fc.oneof(
  fc.constantFrom(...labels),
  fc.constantFrom('：', ':', '  ', '\u3000', '（签章）', '（1000字以内）', '年  月  日', '____', '一、', '（示例）', '\n'),
  fc.string({ maxLength: 12 }),
  fc.constantFrom('杭州某某有限公司', '张三', '13812345678', '高级技师（一级）'),
);
const texts = fc.array(pieces, { minLength: 1, maxLength: 5 }).map((xs) => xs.join(''));

/** A classification as plain data (fields by path), comparable across dictionaries. */
function plain(c: ReturnType<typeof classifyText>): unknown {
  if (c === null) return null;
  return 'fields' in c ? { ...c, fields: c.fields.map((f) => f.path) } : c;
}

describe('label memo', () => {
  it('a warm dictionary answers every text as a cold one does', () => {
    const warm = compileDictionary(data);
    fc.assert(
      fc.property(fc.array(texts, { minLength: 1, maxLength: 20 }), (batch) => {
        // The batch twice through the warm dictionary (the second time from the memo), once through a cold one.
        for (const t of batch) classifyText(t, warm);
        const cold = compileDictionary(data);
        for (const t of batch) {
          expect(plain(classifyText(t, warm))).toEqual(plain(classifyText(t, cold)));
          expect(stripHints(t, warm)).toBe(stripHints(t, cold));
          expect(hintlessKey(t, warm)).toBe(labelKey(stripHints(t, cold)));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('answers stay right after the memo fills up and starts again', () => {
    const dict = compileDictionary(data);
    const before = labels.map((l) => plain(classifyText(l, dict)));
    // More distinct short texts than the memo keeps.
    for (let i = 0; i < 25_000; i++) classifyText(`值${i}`, dict);
    expect(labels.map((l) => plain(classifyText(l, dict)))).toEqual(before);
    expect(labels.map((l) => plain(classifyText(l, compileDictionary(data))))).toEqual(before);
  });
});
