/** Turns the paths a clerk gives into the workbook files to import, in a stable order. */
import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from '../core/errors.js';
import { msg } from '../messages/index.js';

const WORKBOOK_EXTENSIONS = new Set(['.xlsx', '.xlsm', '.xls', '.et', '.ods']);

/** Excel/WPS lock files (`~$name.xlsx`) and hidden files are skipped quietly. */
export function isLockOrHidden(name: string): boolean {
  return name.startsWith('~$') || name.startsWith('.~') || name.startsWith('.');
}

/**
 * Files named directly are imported whatever their extension (so a wrong one gets a clear error);
 * folders are walked recursively for workbook-like files.
 */
export function collectWorkbookFiles(inputs: readonly string[], cwd = process.cwd()): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (file: string): void => {
    if (!seen.has(file)) {
      seen.add(file);
      out.push(file);
    }
  };
  for (const input of inputs) {
    const full = path.resolve(cwd, input);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(full);
    } catch {
      throw new UsageError('path-missing', msg('cli.pathMissing', { path: input }), { file: input });
    }
    if (stat.isDirectory()) {
      for (const f of walk(full)) add(f);
    } else if (!isLockOrHidden(path.basename(full))) {
      add(full);
    }
  }
  return out;
}

function walk(dir: string): string[] {
  const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name, 'zh'));
  const files: string[] = [];
  for (const e of entries) {
    if (isLockOrHidden(e.name)) continue;
    const full = path.join(dir, e.name);
    if (e.isDirectory()) files.push(...walk(full));
    else if (e.isFile() && WORKBOOK_EXTENSIONS.has(path.extname(e.name).toLowerCase())) files.push(full);
  }
  return files;
}
