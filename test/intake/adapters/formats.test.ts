/**
 * One application form as units send it: gongshu's template (.xlsx), re-saved by LibreOffice as .xls and .ods,
 * the same BIFF8 file as WPS's .et, and 附件1 as a Word table written by python-docx and re-saved by LibreOffice
 * Writer (test/fixtures/forms/, made by make-forms.sh). Every format reads to the same application; the files
 * that are no form (.doc, .wps, .pdf, a picture) are told apart from their bytes with what to ask the unit for.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { GongshuError } from '../../../src/core/errors.js';
import { loadRubric } from '../../../src/core/rubric.js';
import { readApplication } from '../../../src/intake/forms/application-reader.js';
import { readAssessment } from '../../../src/intake/forms/assessment-reader.js';
import { NOT_A_FORM_CODES, openWorkbookFile } from '../../../src/intake/open/safe-open.js';

const FORMS = fileURLToPath(new URL('../../fixtures/forms/', import.meta.url));
const read = async (file: string) => readApplication(await openWorkbookFile(FORMS + file));

describe('the same form in every format', () => {
  it.each([
    ['application.xls', 'xls'],
    ['application.et', 'xls'],
    ['application.ods', 'ods'],
    ['application.docx', 'docx'],
    ['application-libreoffice.docx', 'docx'],
  ])('%s reads to exactly the application of the .xlsx', async (file, format) => {
    const xlsx = await read('application.xlsx');
    const other = await read(file);
    expect((await openWorkbookFile(FORMS + file)).format).toBe(format);
    expect(other.parsed.application).toEqual(xlsx.parsed.application);
    expect(other.parsed.facts).toEqual(xlsx.parsed.facts);
    expect(other.problems.map((p) => p.code)).toEqual(xlsx.problems.map((p) => p.code));
    // A complete form: nothing missing anywhere.
    expect(xlsx.parsed.application.members).toHaveLength(5);
    expect(xlsx.parsed.application.workPlan).not.toBe('');
  });

  it.each(['assessment.xls', 'assessment.ods'])('the 考核表 as %s reads to exactly the assessment of the .xlsx', async (file) => {
    const rubric = loadRubric();
    const xlsx = readAssessment(await openWorkbookFile(FORMS + 'assessment.xlsx'), rubric);
    const other = readAssessment(await openWorkbookFile(FORMS + file), rubric);
    expect(other.assessment).toEqual(xlsx.assessment);
    expect(other.assessment.rows).toHaveLength(14);
  });

  it('a Word form names the cells it read, under the sheet 正文', async () => {
    const { parsed } = await read('application.docx');
    expect(parsed.sheet).toBe('正文');
    expect(parsed.cells['lead.idNumber']).toMatch(/^正文![A-H]\d+$/u);
  });

  it.each([
    ['application.doc', 'file-word-doc', '旧版 Word 文档：请申报单位另存为 .docx 或 .xlsx 后重新发送'],
    ['application.wps', 'file-wps-doc', 'WPS 文字文档 (.wps)：请申报单位在 WPS 中另存为 .docx 后重新发送'],
    ['application.pdf', 'file-pdf', 'PDF 文件'],
    ['application.png', 'file-image', '图片文件'],
  ])('%s is no form: %s', async (file, code, words) => {
    const e = await openWorkbookFile(FORMS + file).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(GongshuError);
    expect((e as GongshuError).code).toBe(code);
    expect((e as GongshuError).message).toContain(words);
    expect(NOT_A_FORM_CODES.has(code)).toBe(true);
  });
});
