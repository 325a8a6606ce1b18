/** Filled application workbooks on disk, made from gongshu's own template. */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Application } from '../../src/core/application.js';
import { buildApplicationTemplate } from '../../src/documents/workbooks/application-template.js';
import { fillApplicationTemplate } from '../../src/documents/workbooks/fill-application.js';

/** Every written cell of a workbook on disk as `sheet!A1 text`, to search an export for what it must not hold. */
export async function cellTexts(file: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const texts: string[] = [];
  for (const ws of wb.worksheets) ws.eachRow((row) => row.eachCell((cell) => texts.push(`${ws.name}!${cell.address} ${cell.text}`)));
  return texts;
}

export async function writeApplicationWorkbook(dir: string, name: string, application: Application): Promise<string> {
  const wb = buildApplicationTemplate(ExcelJS, { year: 2026 });
  fillApplicationTemplate(wb, application);
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await wb.xlsx.writeFile(file);
  return file;
}
