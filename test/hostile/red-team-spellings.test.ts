/**
 * A red team's own spellings, through the CLI: a number written in a way the recogniser's authors did not
 * list is typed into a reason, shown by `history`, stored in the audit log and scanned for in the raw
 * database file after `db purge`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { normalisedDigits } from '../../src/core/personal-numbers.js';
import { makeIdNumber } from '../fixtures/make-samples.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/tmp.js';
import { cellTexts } from '../helpers/workbooks.js';

const SAMPLES = fileURLToPath(new URL('../../data/samples/', import.meta.url));
const ROUND = '2025';

function dbCli(db: string) {
  return async (...args: string[]) => {
    const r = await runCli(['--db', db, '--round', ROUND, ...args]);
    expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
    return r;
  };
}

function rawBytes(db: string): Buffer {
  return Buffer.concat([db, `${db}-wal`, `${db}-journal`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f)));
}

function holds(bytes: Buffer, text: string): boolean {
  return bytes.includes(Buffer.from(text, 'utf8')) || bytes.includes(Buffer.from(text, 'utf16le'));
}

/** A reason holding the number as spelt, typed through `apply override`; what history and the file show. */
async function planted(spelt: string, value: string): Promise<void> {
  const dir = tempDir();
  const db = path.join(dir, 'g.db');
  const cli = dbCli(db);
  await cli('apply', 'import', path.join(SAMPLES, 'applications'), '--received', `${ROUND}-05-20`);
  const reason = `来电核实，身份证 ${spelt} 与原件一致`;
  await cli('apply', 'override', '5', 'retirement-margin', '--reason', reason);
  const history = await cli('history', '5');
  const shown = history.stdout + history.stderr;
  expect(shown).toContain('来电核实');
  expect(normalisedDigits(shown)).not.toContain(value);
  const log = new Database(db, { readonly: true });
  const rows = log.prepare('SELECT * FROM audit_log').all() as Record<string, unknown>[];
  log.close();
  const audit = rows.map((row) => JSON.stringify(row)).join('\n');
  expect(audit).toContain('来电核实');
  expect(normalisedDigits(audit)).not.toContain(value);
  await cli('db', 'purge', '--yes');
  const raw = rawBytes(db);
  expect(holds(raw, spelt)).toBe(false);
  expect(holds(raw, reason)).toBe(false);
}

describe('a red team’s spellings', () => {
  it('masks an ID grouped by thousands (330,105,198,410,211,004) in history, the log and after the purge', async () => {
    const id = makeIdNumber('330105', '1984-10-21', 100);
    await planted(id.replace(/(.{3})(?=.)/gu, '$1,'), id);
  }, 120_000);

  it('masks a mobile in Han numerals (一三八 一二三四 五六七八) in history, the log and after the purge', async () => {
    await planted('一三八 一二三四 五六七八', '13812345678');
  }, 120_000);

  it('keeps a masked number in a correction’s reason intact before the date in the review summary', async () => {
    const dir = tempDir();
    const cli = dbCli(path.join(dir, 'g.db'));
    await cli('apply', 'import', path.join(SAMPLES, 'applications'), '--received', `${ROUND}-05-20`);
    await cli('apply', 'set', '1', '单位手机=13912345678', '--reason', '单位来电更正，电话 159-0005-3265');
    const out = path.join(dir, '审查.xlsx');
    await cli('export', 'review', '-o', out);
    const sheet = await cellTexts(out);
    const line = sheet.find((t) => t.includes('已更正'));
    expect(line, sheet.join('\n')).toContain('（原因：单位来电更正，电话 159****3265；');
  }, 120_000);
});
