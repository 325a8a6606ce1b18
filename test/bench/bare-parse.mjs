/**
 * The floor: exceljs `load()` of every workbook in a folder, one after the other, in this one process.
 * Run as a child process so its time is measured the same way as `gongshu apply import` (spawn to exit).
 */
import fs from 'node:fs';
import path from 'node:path';

const dir = process.argv[2];
const { default: ExcelJS } = await import('exceljs');
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.xlsx')).sort().map((f) => path.join(dir, f));
let sheets = 0;
for (const file of files) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(fs.readFileSync(file));
  sheets += workbook.worksheets.length;
}
if (sheets < files.length) process.exitCode = 1;
