/**
 * A second round of attacks on issue 19's recovery and audit log, by someone who did not write it: names that
 * dodge the schema comparison, a backups folder that is not a folder, a backup copied into place by hand, a
 * log emptied whole. Each through the real commands.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { sampleDatabaseCopies } from '../helpers/sample-database.js';
import { tempDir } from '../helpers/tmp.js';

/** The sample applications and assessments of 2026, made once and copied per test as `gongshu.db`. */
const copyOfBase = sampleDatabaseCopies('gongshu-recovery-attacks-');

function sql(file: string, text: string): void {
  const c = new Database(file);
  c.exec(text);
  c.close();
}

function one<T>(file: string, text: string): T {
  const c = new Database(file, { readonly: true });
  try {
    return Object.values(c.prepare(text).get() as Record<string, T>)[0]!;
  } finally {
    c.close();
  }
}

const internalError = /程序内部错误|^\s+at /mu;

describe('names that look like SQLite statistics', () => {
  it('a trigger, table or view named sqlitexstat… (LIKE reads _ as any character) is an extra object: db check fails and a restore refuses it', async () => {
    for (const extra of [
      'CREATE TRIGGER sqlitexstat_q AFTER UPDATE ON applications BEGIN UPDATE applications SET status = OLD.status WHERE id = NEW.id; END',
      'CREATE TABLE sqlite1stat_t (x)',
      'CREATE VIEW sqliteSstat_v AS SELECT 1',
    ]) {
      const { dir, db, cli } = copyOfBase();
      sql(db, extra);
      const check = await cli('db', 'check');
      expect(check.code, extra).toBe(1);
      expect(check.stdout + check.stderr).toMatch(/数据库结构与 gongshu 结构版本 \d+ 不符：多出/u);
      const good = copyOfBase();
      const source = path.join(dir, 'source.db');
      fs.copyFileSync(db, source);
      const before = fs.readFileSync(good.db);
      const r = await good.cli('db', 'restore', source, '--yes');
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/未通过检查，不能用来恢复（当前数据库未做任何修改）/u);
      expect(fs.readFileSync(good.db).equals(before)).toBe(true);
    }
  });

  it('ANALYZE statistics themselves are not a difference', async () => {
    const { db, cli } = copyOfBase();
    sql(db, 'ANALYZE');
    expect(one<number>(db, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'sqlite_stat1'")).toBe(1);
    const check = await cli('db', 'check');
    expect(check.code, check.stdout + check.stderr).toBe(0);
  });
});

describe('a backups folder that is not a folder', () => {
  it('a file named gongshu-backups: a restore stops with one Chinese message before it changes anything, for a sound live file and for one SQLite cannot read', async () => {
    const { dir, db, cli } = copyOfBase();
    const good = path.join(dir, 'good.db');
    expect((await cli('db', 'backup', '-o', good)).code).toBe(0);
    fs.writeFileSync(path.join(dir, 'gongshu-backups'), 'not a folder');
    const before = fs.readFileSync(db);
    const r = await cli('db', 'restore', good, '--yes');
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(internalError);
    expect(r.stderr).toContain(`无法在备份文件夹 ${path.join(dir, 'gongshu-backups')} 中保存备份（它不是文件夹）`);
    expect(fs.readFileSync(db).equals(before)).toBe(true);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect((await cli('apply', 'list')).code).toBe(0);
    const check = await cli('db', 'check');
    expect(check.stderr).not.toMatch(internalError);
    expect(check.code, check.stderr).toBe(0);

    fs.writeFileSync(db, 'this is not a database at all, but it is what the clerk had');
    const garbled = fs.readFileSync(db);
    const raw = await cli('db', 'restore', good, '--yes');
    expect(raw.code).toBe(1);
    expect(raw.stderr).not.toMatch(internalError);
    expect(raw.stderr).toContain('它不是文件夹');
    expect(fs.readFileSync(db).equals(garbled)).toBe(true);
  });
});

describe('a backup copied into place by hand', () => {
  it('once gongshu opens it as the database in use, another gongshu\'s db backup --force can no longer replace it', async () => {
    const { dir, cli } = copyOfBase('other.db');
    const copied = path.join(dir, 'gongshu.db');
    expect((await cli('db', 'backup', '-o', copied)).code).toBe(0);
    expect(one<number>(copied, 'PRAGMA application_id')).not.toBe(0);
    // The clerk copied the backup over the database (cp, the file manager) and works in it.
    const live = (...args: string[]) => runCli(['--db', copied, '--round', '2026', ...args]);
    expect((await live('assess', 'withdraw', '1', '--reason', '重复提交')).code).toBe(0);
    expect(one<number>(copied, 'PRAGMA application_id')).toBe(0);
    const work = fs.readFileSync(copied);
    const r = await cli('db', 'backup', '-o', copied, '--force');
    expect(r.code).not.toBe(0);
    expect(r.stderr).not.toMatch(internalError);
    expect(fs.readFileSync(copied).equals(work)).toBe(true);
    expect((await live('db', 'check')).code).toBe(0);
  });
});

describe('a log emptied whole', () => {
  const WIPE = `DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log; DELETE FROM sqlite_sequence WHERE name = 'audit_log';
    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;`;

  it('every entry and the id counter deleted, the trigger put back: db check fails, and a restore of such a file is refused (it would excuse every older backup)', async () => {
    const { dir, db, cli } = copyOfBase();
    const wiped = path.join(dir, 'wiped.db');
    fs.copyFileSync(db, wiped);
    sql(wiped, WIPE);
    const check = await runCli(['--db', wiped, 'db', 'check']);
    expect(check.code).toBe(1);
    expect(check.stdout + check.stderr).toMatch(/操作日志一条记录也没有，而数据库里有申报 \d+ 份/u);
    const before = fs.readFileSync(db);
    const r = await cli('db', 'restore', wiped, '--yes');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('日志被整个清空过');
    expect(fs.readFileSync(db).equals(before)).toBe(true);
  });

  it('a database with nothing in it and an empty log is sound', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'g.db');
    const { openStore } = await import('../../src/store/open.js');
    openStore(db).close();
    const check = await runCli(['--db', db, 'db', 'check']);
    expect(check.code, check.stdout + check.stderr).toBe(0);
  });
});
