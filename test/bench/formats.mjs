/**
 * Import time per format (`npm run bench` section 6; alone: `node test/bench/formats.mjs [N]`). The same N
 * applications as .xlsx (gongshu's template), as .xls and .ods (re-written by SheetJS from those workbooks:
 * values and merges, no styles), as Word forms (gongshu's own --docx template filled in) and as one .zip bundle
 * of the .xlsx files; each folder imported by `gongshu apply import` into a fresh database, median of rounds.
 * Not a target: ratios to the .xlsx import, measured in one run.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = path.join(ROOT, 'bin', 'gongshu.js');
const require = createRequire(import.meta.url);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Writes the N forms in every format under `work`; returns {format: folder}. */
export async function writeFormats(gen, work, n) {
  const XLSX = require('@e965/xlsx');
  const { zipSync } = require('fflate');
  const { buildApplicationDocx } = await import(pathToFileURL(path.join(ROOT, 'dist/documents/word/application-docx.js')).href);
  const dirs = Object.fromEntries(['xlsx', 'xls', 'ods', 'docx', 'zip'].map((f) => [f, path.join(work, `formats-${f}`)]));
  for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });
  const bundle = {};
  for (let i = 0; i < n; i++) {
    const name = `申报表-${String(i + 1).padStart(5, '0')}`;
    const xlsx = path.join(dirs.xlsx, `${name}.xlsx`);
    await gen.writeApplication(xlsx, i);
    const bytes = fs.readFileSync(xlsx);
    const wb = XLSX.read(bytes, { type: 'buffer', cellNF: true, cellStyles: true });
    for (const format of ['xls', 'ods']) fs.writeFileSync(path.join(dirs[format], `${name}.${format}`), XLSX.write(wb, { bookType: format, type: 'buffer' }));
    fs.writeFileSync(path.join(dirs.docx, `${name}.docx`), await buildApplicationDocx({ year: 2026, application: gen.application(i) }));
    bundle[`申报材料/${name}.xlsx`] = new Uint8Array(bytes);
  }
  fs.writeFileSync(path.join(dirs.zip, '附件打包下载.zip'), zipSync(bundle));
  return dirs;
}

/** Median import time per format, in ms. */
export function timeFormats(dirs, work, rounds) {
  const out = {};
  for (const [format, dir] of Object.entries(dirs)) {
    const times = [];
    for (let r = 0; r < rounds; r++) {
      const db = path.join(work, `formats-${format}-${r}.db`);
      const t0 = process.hrtime.bigint();
      const res = spawnSync(process.execPath, [BIN, '--db', db, '--round', '2026', 'apply', 'import', dir, '--received', '2026-05-20'], {
        cwd: ROOT,
        env: { ...process.env, NO_COLOR: '1' },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      times.push(Number(process.hrtime.bigint() - t0) / 1e6);
      if (res.status !== 0) throw new Error(`import of the ${format} forms failed: ${res.stderr}`);
      fs.rmSync(db, { force: true });
    }
    out[format] = median(times);
  }
  return out;
}

export function reportFormats(times, n, log = console.log) {
  log(`| format (N = ${n}) | gongshu apply import | per form | vs .xlsx |`);
  log('|---|---|---|---|');
  for (const [format, ms] of Object.entries(times)) {
    log(`| ${format === 'zip' ? '.zip of .xlsx' : `.${format}`} | ${(ms / 1000).toFixed(2)} s | ${(ms / n).toFixed(1)} ms | ${(ms / times.xlsx).toFixed(2)}× |`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const n = Number(process.argv[2] ?? 60);
  const { loadGenerators } = await import('./generate.mjs');
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'gongshu-bench-formats-'));
  try {
    const dirs = await writeFormats(await loadGenerators(ROOT), work, n);
    reportFormats(timeFormats(dirs, work, 3), n);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
