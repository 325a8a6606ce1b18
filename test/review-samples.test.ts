/** The sample review sheets imported by `gongshu demo` match their generator and read back as written. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { openWorkbookFile } from '../src/intake/open/safe-open.js';
import { readReviewSheet } from '../src/intake/forms/review-reader.js';
import { REVIEW_ROWS, REVIEW_SAMPLE_SPECS, writeReviewSamples } from './fixtures/make-review-samples.js';

const DIR = fileURLToPath(new URL('../data/samples/reviews/', import.meta.url));

describe('data/samples/reviews', () => {
  it('is up to date with its generator', async () => {
    if (process.env.UPDATE_SAMPLES) await writeReviewSamples(ExcelJS, DIR);
    const fresh = fs.mkdtempSync(path.join(os.tmpdir(), 'gongshu-rsamples-'));
    await writeReviewSamples(ExcelJS, fresh);
    for (const spec of REVIEW_SAMPLE_SPECS) {
      const committed = readReviewSheet(await openWorkbookFile(path.join(DIR, spec.file)));
      const made = readReviewSheet(await openWorkbookFile(path.join(fresh, spec.file)));
      expect(committed, `${spec.file}: run UPDATE_SAMPLES=1 npx vitest run test/review-samples.test.ts`).toEqual(made);
    }
    fs.rmSync(fresh, { recursive: true, force: true });
  });

  it('reads every expert, score, opinion and recusal as the generator wrote them', async () => {
    for (const spec of REVIEW_SAMPLE_SPECS) {
      const { parsed, problems } = readReviewSheet(await openWorkbookFile(path.join(DIR, spec.file)));
      expect(problems).toEqual([]);
      expect(parsed.experts.map((e) => e.name)).toEqual(spec.experts.map((e) => e.name));
      expect(parsed.rows.map((r) => r.applicationId)).toEqual(REVIEW_ROWS.map((r) => r.id));
      parsed.rows.forEach((row, i) => {
        const expected = spec.experts
          .map((e) => ({ expert: e.name, mark: e.marks[i]! }))
          .map(({ expert, mark: [score, opinion, recused] }) => ({ expert, score, recommend: opinion === null ? null : opinion === '推荐' ? 'yes' : 'no', recused }));
        expect(row.reviews.map(({ expert, score, recommend, recused }) => ({ expert, score, recommend, recused }))).toEqual(expected);
      });
    }
  });
});
