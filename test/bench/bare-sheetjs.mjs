/**
 * The floor: a bare SheetJS `XLSX.read` of every workbook in a folder, one after the other, in this one process
 * (the reader gongshu uses for .xlsx). Run as a child process so its time is measured the same way as
 * `gongshu apply import` (spawn to exit). The options are the ones gongshu's adapter passes (sheetjs-options.mjs,
 * checked against the adapter's READ_OPTIONS by run.mjs), so both sides ask SheetJS for the same work; SheetJS
 * here unpacks the zip itself, as it would for any caller (gongshu hands it parts already inflated by zlib).
 */
import fs from 'node:fs';
import path from 'node:path';
import { SHEETJS_OPTIONS } from './sheetjs-options.mjs';

const dir = process.argv[2];
const XLSX = await import('@e965/xlsx');
const OPTIONS = { type: 'buffer', ...SHEETJS_OPTIONS };
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.xlsx')).sort().map((f) => path.join(dir, f));
let sheets = 0;
for (const file of files) {
  const workbook = XLSX.read(fs.readFileSync(file), OPTIONS);
  sheets += workbook.SheetNames.length;
}
if (sheets < files.length) process.exitCode = 1;
