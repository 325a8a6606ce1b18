/**
 * The blank templates committed under templates/. They carry no year (the cover reads "    年    月")
 * so the committed copy stays valid every round; `gongshu template application` writes one with the
 * round year instead. test/templates.test.ts fails when the committed copy drifts from the generator.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { msg } from '../../messages/index.js';
import { noticeDefaults } from '../../rules/notice-data.js';
import { setWorkbookProperties } from '../properties.js';
import { buildApplicationTemplate } from './application-template.js';

export const APPLICATION_TEMPLATE_FILE = 'application-template.xlsx';

/** templates/ at the repository root (src/documents/workbooks and dist/documents/workbooks are both three levels down). */
export const TEMPLATES_DIR = fileURLToPath(new URL('../../../templates/', import.meta.url));

/** Writes every committed template into `dir` and returns the full paths written. */
export async function writeTemplateFiles(dir: string = TEMPLATES_DIR): Promise<string[]> {
  const excel = (await import('exceljs')).default;
  fs.mkdirSync(dir, { recursive: true });
  const file = path.resolve(dir, APPLICATION_TEMPLATE_FILE);
  const workbook = buildApplicationTemplate(excel, { year: null });
  // No year, no kind mark: the committed copy is handed out as is, never replaced by --force.
  setWorkbookProperties(workbook, { title: path.parse(msg('cli.template.applicationFile', { year: '' })).name.replace(/^年/u, ''), bureau: noticeDefaults().bureauName });
  await workbook.xlsx.writeFile(file);
  return [file];
}
