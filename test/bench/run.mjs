#!/usr/bin/env node
/**
 * `npm run bench`: how fast gongshu imports, starts and scores, against the floors it cannot beat.
 *
 *   1. a bare SheetJS `XLSX.read` of N application workbooks in one process (bare-sheetjs.mjs, with the read
 *      options gongshu's adapter passes): the floor, the reader gongshu itself uses;
 *   2. `gongshu apply import` of the same folder, end to end, into a fresh database;
 *   3. their ratio per N (60, 500, 2,000), the CPU time of both (user + system, all threads), the load average
 *      beside each figure, and the import's peak resident memory;
 *   4. `node -e ''` against `gongshu --help` and `gongshu apply list` on 2,000 applications;
 *   5. `gongshu score` over 10,000 assessments and `gongshu export results` (2,000 and 10,000 rows);
 *   6. import time per format: .xlsx, .xls, .ods, Word .docx and a .zip bundle of 60 forms (formats.mjs).
 *
 * Every figure is the median of several rounds, each a fresh process timed from spawn to exit; the two
 * sides of a ratio run alternately, so a change in the machine's load hits both. Targets print PASS/FAIL.
 * Workbooks are generated into a temporary folder (removed at the end unless --keep). The 10,000
 * assessments are not 10,000 files: 100 real workbooks go through `gongshu assess import`, the rest are
 * written straight into the database with gongshu's own store functions (see seed.mjs).
 *
 * Options: --quick (N = 60 and 500, fewer rounds: a smoke run), --keep, --no-build.
 * BENCH_ONLY=screens runs only the screen rows (apply list of 2,000 applications vs `node -e ''`, score of
 * 10,000 assessments) with the same data and rounds as the full run; the full run is unchanged.
 * BENCH_ONLY=import runs only the import sections (1–3 and 6), with the same rounds as the full run.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadGenerators, writeApplications, writeAssessments } from './generate.mjs';
import { seedAssessments } from './seed.mjs';
import { reportFormats, timeFormats, writeFormats } from './formats.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = path.join(ROOT, 'bin', 'gongshu.js');
const BARE = fileURLToPath(new URL('./bare-sheetjs.mjs', import.meta.url));
const argv = new Set(process.argv.slice(2));
const QUICK = argv.has('--quick');
const SIZES = QUICK ? [60, 500] : [60, 500, 2000];
const ROUNDS = QUICK ? { 60: 3, 500: 2 } : { 60: 7, 500: 5, 2000: 3 };
const START_ROUNDS = QUICK ? 5 : 15;
const ASSESSMENTS = QUICK ? 2000 : 10_000;
const SCREENS_ONLY = process.env.BENCH_ONLY === 'screens';
const TIME = ['/usr/bin/time', '/bin/time'].find((t) => fs.existsSync(t));
const started = Date.now();
const ONLY_IMPORT = process.env.BENCH_ONLY === 'import';

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const secs = (ms) => `${(ms / 1000).toFixed(2)} s`;
const log = (...a) => console.log(...a);
const results = [];
function target(name, measured, limit, pass, detail = '') {
  results.push({ name, measured, limit, pass, detail });
  log(`  ${pass ? 'PASS' : 'FAIL'}  ${name}: ${measured} (target ${limit})${detail ? `  ${detail}` : ''}`);
}

/** Runs a command to completion: wall time in ms and, when measured, peak resident memory in MB and CPU time in ms (user + system). */
function run(cmd, args, { rss = false, env = {}, cwd = ROOT } = {}) {
  const options = { cwd, env: { ...process.env, NO_COLOR: '1', ...env }, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024 };
  let rssFile;
  let command = cmd;
  let commandArgs = args;
  if (rss && TIME) {
    rssFile = path.join(os.tmpdir(), `gongshu-bench-rss-${process.pid}`);
    command = TIME;
    commandArgs = ['-f', '%M %U %S', '-o', rssFile, cmd, ...args];
  }
  const t0 = process.hrtime.bigint();
  const r = spawnSync(command, commandArgs, options);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  let rssMb;
  let cpuMs;
  if (rssFile) {
    const [kb, user, sys] = fs.readFileSync(rssFile, 'utf8').trim().split('\n').pop().split(' ').map(Number);
    rssMb = kb / 1024;
    cpuMs = (user + sys) * 1000;
    fs.rmSync(rssFile, { force: true });
  } else if (rss) {
    rssMb = peakRssByPolling(cmd, args, options);
  }
  return { ms, rssMb, cpuMs, status: r.status, stderr: String(r.stderr) };
}

/** Without /usr/bin/time: a second run, polling /proc/<pid>/status for VmHWM (the kernel's high-water mark). */
function peakRssByPolling(cmd, args, options) {
  const script = `
    const { spawn } = require('node:child_process'); const fs = require('node:fs');
    const c = spawn(${JSON.stringify(cmd)}, ${JSON.stringify(args)}, { stdio: 'ignore', cwd: ${JSON.stringify(options.cwd)}, env: process.env });
    let peak = 0;
    const t = setInterval(() => { try { const m = /VmHWM:\\s+(\\d+)/.exec(fs.readFileSync('/proc/' + c.pid + '/status', 'utf8')); if (m) peak = Math.max(peak, +m[1]); } catch {} }, 5);
    c.on('exit', () => { clearInterval(t); console.log(peak); });`;
  const r = spawnSync(process.execPath, ['-e', script], { ...options, stdio: ['ignore', 'pipe', 'ignore'] });
  return Number(String(r.stdout).trim()) / 1024;
}

function machine() {
  const cpus = os.cpus();
  return {
    cpu: `${cpus[0]?.model ?? 'unknown'} × ${cpus.length} (availableParallelism ${os.availableParallelism()})`,
    memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GB`,
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    load: os.loadavg().map((l) => l.toFixed(2)).join(' '),
  };
}

// ------------------------------------------------------------------------------------------------

log('gongshu benchmark', QUICK ? '(quick)' : '');
const before = machine();
for (const [k, v] of Object.entries(before)) log(`  ${k}: ${v}`);

if (!argv.has('--no-build')) {
  log('\nbuilding dist/ …');
  const b = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: ROOT, stdio: 'inherit' });
  if (b.status !== 0) process.exit(1);
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'gongshu-bench-'));
try {
  if (SCREENS_ONLY) {
    await screensOnly();
    process.exit(process.exitCode ?? 0);
  }
  log(`\ngenerating workbooks in ${work} …`);
  const gen = await loadGenerators(ROOT);
  const largest = Math.max(...SIZES);
  let t = Date.now();
  const all = await writeApplications(gen, path.join(work, 'pool'), largest);
  // Each N is a folder of its own holding the first N workbooks (hard links: the same bytes).
  const folders = {};
  for (const n of SIZES) {
    folders[n] = path.join(work, `applications-${n}`);
    fs.mkdirSync(folders[n]);
    for (const f of all.slice(0, n)) {
      try {
        fs.linkSync(f, path.join(folders[n], path.basename(f)));
      } catch {
        fs.copyFileSync(f, path.join(folders[n], path.basename(f)));
      }
    }
  }
  const assessFolder = path.join(work, 'assessments');
  if (!ONLY_IMPORT) await writeAssessments(gen, assessFolder, 100);
  log(`  ${largest} applications${ONLY_IMPORT ? '' : ' and 100 assessments'} in ${secs(Date.now() - t)}`);

  // ---------------------------------------------------------------------------- machine: do two cores help?
  // Not a target: the parse pool alone (no database, no process start) over the 500-file folder with one and
  // two worker threads. Where two threads are not faster, the import cannot be either.
  const { createParser } = await import(pathToFileURL(path.join(ROOT, 'dist/intake/parse-pool.js')).href);
  const poolRun = async (size) => {
    const files = fs.readdirSync(folders[500]).sort().map((f) => path.join(folders[500], f));
    const t0 = performance.now();
    const parser = createParser('application', undefined, { size, timeoutMs: 60_000, memoryMb: 2048 });
    await Promise.all(files.map((f) => parser.parse(f, fs.readFileSync(f))));
    await parser.close();
    return performance.now() - t0;
  };
  const p1 = [];
  const p2 = [];
  for (let r = 0; r < (ONLY_IMPORT ? 0 : 2); r++) {
    p1.push(await poolRun(1));
    p2.push(await poolRun(2));
  }
  const scaling = median(p1) / median(p2);
  if (!ONLY_IMPORT) log(`\n0. parse pool alone, 500 files (not a target): 1 worker ${secs(median(p1))}, 2 workers ${secs(median(p2))}: two cores give ${scaling.toFixed(2)}×`);

  // ---------------------------------------------------------------------------------- import vs bare
  log('\n1–3. import vs bare SheetJS XLSX.read (median of rounds; both from spawn to exit, run alternately)');
  const imports = {};
  let listDb;
  // The baseline asks SheetJS for exactly what gongshu's adapter asks (an honest floor, not a cheaper read).
  const { READ_OPTIONS } = await import(pathToFileURL(path.join(ROOT, 'dist/intake/adapters/sheetjs.js')).href);
  const { SHEETJS_OPTIONS } = await import('./sheetjs-options.mjs');
  if (JSON.stringify(READ_OPTIONS) !== JSON.stringify(SHEETJS_OPTIONS)) throw new Error(`bare baseline options ${JSON.stringify(SHEETJS_OPTIONS)} differ from gongshu's ${JSON.stringify(READ_OPTIONS)}`);
  const load1 = () => os.loadavg()[0].toFixed(2);
  const { defaultPoolSize } = await import(pathToFileURL(path.join(ROOT, 'dist/intake/parse-pool.js')).href);
  const defaultWorkers = defaultPoolSize();
  for (const n of SIZES) {
    const bare = [];
    const imp = [];
    const bareCpu = [];
    const impCpu = [];
    const pairs = [];
    const rss = [];
    const loadBefore = load1();
    // Not a target: the same import with the other number of parse workers than the default (one on two cores),
    // to show what it would bring on this machine.
    const other = [];
    const otherWorkers = String(defaultWorkers === 1 ? 2 : 1);
    const importOnce = (r, env = {}) => {
      const db = path.join(work, `import-${n}-${r}-${env.GONGSHU_WORKERS ?? 'default'}.db`);
      const res = run(process.execPath, [BIN, '--db', db, '--round', '2026', 'apply', 'import', folders[n], '--received', '2026-05-20'], { rss: true, env });
      if (res.status !== 0) throw new Error(`import of ${n} files failed: ${res.stderr}`);
      if (n === largest && r === ROUNDS[n] - 1 && !env.GONGSHU_WORKERS) listDb = db;
      else fs.rmSync(db, { force: true });
      return res;
    };
    for (let r = 0; r < ROUNDS[n]; r++) {
      const b = run(process.execPath, [BARE, folders[n]], { rss: true });
      bare.push(b.ms);
      bareCpu.push(b.cpuMs);
      const res = importOnce(r);
      imp.push(res.ms);
      impCpu.push(res.cpuMs);
      rss.push(res.rssMb);
      pairs.push(res.ms / b.ms);
      if (n !== 2000) other.push(importOnce(r, { GONGSHU_WORKERS: otherWorkers }).ms);
    }
    const load = `${loadBefore} → ${load1()}`;
    imports[n] = {
      bare: median(bare),
      import: median(imp),
      bareCpu: median(bareCpu),
      importCpu: median(impCpu),
      pairs: median(pairs),
      load,
      rss: Math.max(...rss),
      other: other.length ? median(other) : undefined,
      otherWorkers,
    };
    const i = imports[n];
    log(
      `  N=${n}: bare ${secs(i.bare)}, import ${secs(i.import)}, ratio ${(i.import / i.bare).toFixed(2)}× (median of the rounds' own ratios ${i.pairs.toFixed(2)}×), ` +
        `CPU ${secs(i.bareCpu)} vs ${secs(i.importCpu)} (${(i.importCpu / i.bareCpu).toFixed(2)}×), peak RSS ${i.rss.toFixed(0)} MB, load ${load}  [import rounds: ${imp.map((x) => (x / 1000).toFixed(2)).join(' ')}; bare: ${bare.map((x) => (x / 1000).toFixed(2)).join(' ')}]`,
    );
    if (i.other) log(`         with GONGSHU_WORKERS=${otherWorkers} (not a target): ${secs(i.other)}, ratio ${(i.other / i.bare).toFixed(2)}×`);
  }
  const ratio = (n) => imports[n].import / imports[n].bare;
  const loadOf = (n) => `(load ${imports[n].load})`;
  target('import ≤ 1.5× bare SheetJS read at N=60', `${ratio(60).toFixed(2)}×`, '≤ 1.5×', ratio(60) <= 1.5, loadOf(60));
  target('import ≤ 1.25× bare SheetJS read at N=500', `${ratio(500).toFixed(2)}×`, '≤ 1.25×', ratio(500) <= 1.25, loadOf(500));
  if (imports[2000]) {
    const linear = imports[2000].import / imports[500].import;
    target('import time linear in N: 2000 vs 500', `${linear.toFixed(2)}×`, '≤ 4.4×', linear <= 4.4, loadOf(2000));
    target('import peak memory at N=2000', `${imports[2000].rss.toFixed(0)} MB`, '< 300 MB', imports[2000].rss < 300, `(60: ${imports[60].rss.toFixed(0)} MB, 500: ${imports[500].rss.toFixed(0)} MB)`);
  } else {
    target('import peak memory at N=500 (quick run)', `${imports[500].rss.toFixed(0)} MB`, '< 300 MB', imports[500].rss < 300);
  }

  // ------------------------------------------------------------------------------------- start-up
  if (!ONLY_IMPORT) {
    if (!listDb) {
      listDb = path.join(work, 'list.db');
      run(process.execPath, [BIN, '--db', listDb, '--round', '2026', 'apply', 'import', folders[500], '--received', '2026-05-20']);
    }
    const listed = SIZES.includes(2000) ? 2000 : 500;
    log(`\n4. start-up: node -e '' vs gongshu --help and gongshu apply list (${listed} applications)`);
    const nodeE = [];
    const help = [];
    const list = [];
    for (let r = 0; r < START_ROUNDS; r++) {
      nodeE.push(run(process.execPath, ['-e', '']).ms);
      help.push(run(process.execPath, [BIN, '--help']).ms);
      list.push(run(process.execPath, [BIN, '--db', listDb, '--round', '2026', 'apply', 'list']).ms);
    }
    const base = median(nodeE);
    log(`  node -e '' ${base.toFixed(0)} ms, gongshu --help ${median(help).toFixed(0)} ms, gongshu apply list ${median(list).toFixed(0)} ms`);
    target("--help vs node -e ''", `${(median(help) / base).toFixed(2)}×`, '≤ 2×', median(help) / base <= 2);
    target(`apply list (${listed}) vs node -e ''`, `${(median(list) / base).toFixed(2)}×`, '≤ 3×', median(list) / base <= 3);

    // -------------------------------------------------------------------------------- score, export
    log(`\n5. score and export results (${ASSESSMENTS} assessments: 100 imported from workbooks, the rest written by the store)`);
    const scoreDb = path.join(work, 'score.db');
    const exportDb = path.join(work, 'export.db');
    t = Date.now();
    for (const db of [scoreDb, exportDb]) {
      const res = run(process.execPath, [BIN, '--db', db, '--round', '2026', 'assess', 'import', assessFolder, '--new-studios']);
      if (res.status !== 0) throw new Error(`assess import failed: ${res.stderr}`);
    }
    await seedAssessments(ROOT, gen, scoreDb, 2026, ASSESSMENTS, 100);
    await seedAssessments(ROOT, gen, exportDb, 2026, 2000, 100);
    log(`  seeded in ${secs(Date.now() - t)}`);
    const score = [];
    const exp2000 = [];
    for (let r = 0; r < 3; r++) {
      score.push(run(process.execPath, [BIN, '--db', scoreDb, '--round', '2026', 'score']).ms);
      exp2000.push(run(process.execPath, [BIN, '--db', exportDb, '--round', '2026', 'export', 'results', '-o', path.join(work, 'results-2000.xlsx'), '--force']).ms);
    }
    const exp10000 = run(process.execPath, [BIN, '--db', scoreDb, '--round', '2026', 'export', 'results', '-o', path.join(work, 'results-10000.xlsx'), '--force']).ms;
    target(`score of ${ASSESSMENTS} assessments`, secs(median(score)), '< 1 s', median(score) < 1000);
    target('export results of 2,000 rows', secs(median(exp2000)), '< 5 s', median(exp2000) < 5000, `(${ASSESSMENTS} rows: ${secs(exp10000)}, not a target)`);

    // ------------------------------------------------------------------------------------- tables
    log('\n5b. drawing a table on screen: 2,500 and 10,000 rows (fastest of 11: a draw takes milliseconds, so one garbage collection would decide a median)');
    const { renderTable } = await import(pathToFileURL(path.join(ROOT, 'dist', 'ui', 'table.js')).href);
    const tableRows = (n) => Array.from({ length: n }, (_, i) => [`#${i + 1}`, '张建国数控车工技能大师工作室', '杭州拱墅精工机械有限公司', '张建国', 92.5, '优秀']);
    const draw = (rows) => {
      const t0 = performance.now();
      renderTable(['编号', '工作室', '单位', '领衔人', '总分', '等级'], rows);
      return performance.now() - t0;
    };
    const small = tableRows(2500);
    const large = tableRows(10000);
    const drawSmall = [];
    const drawLarge = [];
    for (let r = 0; r < 11; r++) {
      drawSmall.push(draw(small));
      drawLarge.push(draw(large));
    }
    const fastest = (xs) => Math.min(...xs);
    log(`  2,500 rows ${fastest(drawSmall).toFixed(0)} ms, 10,000 rows ${fastest(drawLarge).toFixed(0)} ms`);
    // Linear is 4×, quadratic (cli-table3's layout, which this replaced) 16×. At a few milliseconds a draw, the
    // garbage collector alone adds a third per row on the larger table (four times the live strings), so the
    // limit separates linear from quadratic rather than demanding 4.0× to the percent.
    target('table drawing not quadratic: 10,000 vs 2,500 rows', `${(fastest(drawLarge) / fastest(drawSmall)).toFixed(2)}×`, '≤ 6× (linear 4×, quadratic 16×)', fastest(drawLarge) / fastest(drawSmall) <= 6);
    target('table of 10,000 rows', `${median(drawLarge).toFixed(0)} ms`, '< 1000 ms', median(drawLarge) < 1000);
  }

  // ---------------------------------------------------------------------------------- formats
  log('\n6. import time per format (60 forms, median of 3 rounds; not a target)');
  const formatTimes = timeFormats(await writeFormats(gen, work, 60), work, 3);
  for (const [format, ms] of Object.entries(formatTimes)) log(`  ${format}: ${secs(ms)} (${(ms / formatTimes.xlsx).toFixed(2)}× .xlsx)`);

  // ------------------------------------------------------------------------------------ summary
  const after = machine();
  log(`\nload average before ${before.load}, after ${after.load}; ran in ${secs(Date.now() - started)}`);
  const failed = results.filter((r) => !r.pass);
  log(failed.length ? `\n${failed.length} of ${results.length} targets FAIL` : `\nall ${results.length} targets PASS`);
  log('\nMarkdown for test/bench/RESULTS.md:\n');
  log(`| N | bare SheetJS read | gongshu apply import | ratio | CPU bare / import (ratio) | load average | peak RSS (import) | import, ${imports[SIZES[0]].otherWorkers} worker(s) (ratio) |`);
  log('|---|---|---|---|---|---|---|---|');
  for (const n of SIZES) {
    const i = imports[n];
    const o = i.other ? `${secs(i.other)} (${(i.other / i.bare).toFixed(2)}×)` : '';
    log(`| ${n} | ${secs(i.bare)} | ${secs(i.import)} | ${ratio(n).toFixed(2)}× | ${secs(i.bareCpu)} / ${secs(i.importCpu)} (${(i.importCpu / i.bareCpu).toFixed(2)}×) | ${i.load} | ${i.rss.toFixed(0)} MB | ${o} |`);
  }
  log('');
  log('| target | measured | limit | |');
  log('|---|---|---|---|');
  for (const r of results) log(`| ${r.name} | ${r.measured} ${r.detail} | ${r.limit} | ${r.pass ? 'PASS' : 'FAIL'} |`);
  log('');
  reportFormats(formatTimes, 60, log);
  if (!ONLY_IMPORT) log(`\nParse pool alone (500 files): 1 worker ${secs(median(p1))}, 2 workers ${secs(median(p2))}, speed-up ${scaling.toFixed(2)}×.`);
  log(`\nMachine: ${before.cpu}, ${before.memory}, ${before.os}, Node ${before.node}; load average ${before.load} → ${after.load}.`);
  process.exitCode = failed.length ? 1 : 0;
} finally {
  if (argv.has('--keep')) log(`\nkept ${work}`);
  else fs.rmSync(work, { recursive: true, force: true });
}

/**
 * BENCH_ONLY=screens: the two screen rows alone, on the data the full run uses (2,000 imported applications,
 * 10,000 assessments of which 100 imported), with the same rounds and the same measurement.
 */
async function screensOnly() {
  try {
    const gen = await loadGenerators(ROOT);
    const listed = QUICK ? 500 : 2000;
    const appFolder = path.join(work, 'applications');
    await writeApplications(gen, appFolder, listed);
    const assessFolder = path.join(work, 'assessments');
    await writeAssessments(gen, assessFolder, 100);
    const listDb = path.join(work, 'list.db');
    const imp = run(process.execPath, [BIN, '--db', listDb, '--round', '2026', 'apply', 'import', appFolder, '--received', '2026-05-20']);
    if (imp.status !== 0) throw new Error(`import failed: ${imp.stderr}`);
    const scoreDb = path.join(work, 'score.db');
    const res = run(process.execPath, [BIN, '--db', scoreDb, '--round', '2026', 'assess', 'import', assessFolder, '--new-studios']);
    if (res.status !== 0) throw new Error(`assess import failed: ${res.stderr}`);
    await seedAssessments(ROOT, gen, scoreDb, 2026, ASSESSMENTS, 100);
    const nodeE = [];
    const list = [];
    for (let r = 0; r < START_ROUNDS; r++) {
      nodeE.push(run(process.execPath, ['-e', '']).ms);
      list.push(run(process.execPath, [BIN, '--db', listDb, '--round', '2026', 'apply', 'list']).ms);
    }
    const base = median(nodeE);
    log(`  node -e '' ${base.toFixed(0)} ms, gongshu apply list ${median(list).toFixed(0)} ms`);
    target(`apply list (${listed}) vs node -e ''`, `${(median(list) / base).toFixed(2)}×`, '≤ 3×', median(list) / base <= 3);
    const score = [];
    for (let r = 0; r < 3; r++) score.push(run(process.execPath, [BIN, '--db', scoreDb, '--round', '2026', 'score']).ms);
    target(`score of ${ASSESSMENTS} assessments`, secs(median(score)), '< 1 s', median(score) < 1000);
    process.exitCode = results.some((r) => !r.pass) ? 1 : 0;
  } finally {
    if (argv.has('--keep')) log(`\nkept ${work}`);
    else fs.rmSync(work, { recursive: true, force: true });
  }
}
