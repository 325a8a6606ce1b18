/**
 * `gongshu template application --docx`: the Word version of 附件1, read back by gongshu's own .docx reader,
 * blank (a blank form, not an application) and filled (every field and member exact).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GongshuError } from '../../../src/core/errors.js';
import { readApplication } from '../../../src/intake/forms/application-reader.js';
import { openWorkbookBuffer, openWorkbookFile } from '../../../src/intake/open/safe-open.js';
import { buildApplicationDocx } from '../../../src/documents/word/application-docx.js';
import { makeApplication } from '../../helpers/application-factory.js';
import { runCli } from '../../helpers/run-cli.js';
import { tempDir } from '../../helpers/tmp.js';

describe('the Word application form', () => {
  it('filled in, reads back to the same application', async () => {
    const app = makeApplication();
    const opened = await openWorkbookBuffer(await buildApplicationDocx({ year: 2026, application: app }), 'filled.docx');
    expect(opened.format).toBe('docx');
    const { parsed } = readApplication(opened);
    expect(parsed.application).toEqual(app);
  });

  it('blank, is recognised as the form and refused as empty', async () => {
    const opened = await openWorkbookBuffer(await buildApplicationDocx({ year: 2026 }), 'blank.docx');
    const e = (() => {
      try {
        readApplication(opened);
      } catch (x) {
        return x;
      }
      return null;
    })();
    expect(e).toBeInstanceOf(GongshuError);
    expect((e as GongshuError).code).toBe('application-empty');
  });

  it('gongshu template application --docx writes it', async () => {
    const dir = tempDir();
    const file = path.join(dir, '申报表.docx');
    const r = await runCli(['--round', '2026', 'template', 'application', '--docx', '-o', file]);
    expect(r.code).toBe(0);
    expect(fs.existsSync(file)).toBe(true);
    expect((await openWorkbookFile(file)).format).toBe('docx');
  });
});
