/**
 * Issue 19's attacks, each through the real commands: a restore that could brick the database (a look-alike
 * file, a backup whose version was set back), a trigger that silences the log, a trimmed tail with and
 * without a witness, a faked downgrade, and the chain head on printed lists confirmed by `db check --witness`.
 * (The kill after the copy and the checks during concurrent imports run real processes: test/faults/recovery.)
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { readZip } from '../fixtures/hostile/zip.js';
import { runCli } from '../helpers/run-cli.js';
import { sampleDatabaseCopies } from '../helpers/sample-database.js';

/** The sample applications and assessments of 2026, made once and copied per test as `gongshu.db`. */
const copyOfBase = sampleDatabaseCopies('gongshu-recovery-');

function sql(file: string, text: string, version?: number): void {
  const c = new Database(file);
  c.exec(text);
  if (version !== undefined) c.pragma(`user_version = ${version}`);
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

const backupsOf = (dir: string): string[] => (fs.existsSync(path.join(dir, 'gongshu-backups')) ? fs.readdirSync(path.join(dir, 'gongshu-backups')).sort() : []);
const internalError = /程序内部错误|^\s+at /mu;
const NO_DELETE = "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END";
const NO_UPDATE = "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END";

describe('restore by proof', () => {
  it('refuses a look-alike file (audit_log and applications, user_version 1): the database is untouched and keeps working', async () => {
    const { dir, db, cli } = copyOfBase();
    const fake = path.join(dir, 'fake.db');
    sql(fake, 'CREATE TABLE audit_log (id INTEGER PRIMARY KEY, entity TEXT); CREATE TABLE applications (id INTEGER PRIMARY KEY, round INTEGER, status TEXT);', 1);
    const before = fs.readFileSync(db);
    const r = await cli('db', 'restore', fake, '--yes');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/fake\.db 未通过检查，不能用来恢复（当前数据库未做任何修改）：数据库结构与 gongshu 结构版本 1 不符：缺少/u);
    expect(r.stderr).not.toMatch(internalError);
    expect(fs.readFileSync(db).equals(before)).toBe(true);
    expect(backupsOf(dir)).toEqual([]);
    const list = await cli('apply', 'list');
    expect(list.code, list.stderr).toBe(0);
    expect((await cli('db', 'check')).code).toBe(0);
  });

  it('refuses a real backup whose user_version was set back to 5 (its index is from version 6)', async () => {
    const { dir, db, cli } = copyOfBase();
    const lying = path.join(dir, 'lying.db');
    expect((await cli('db', 'backup', '-o', lying)).code).toBe(0);
    sql(lying, 'SELECT 1', 5);
    const before = fs.readFileSync(db);
    const r = await cli('db', 'restore', lying, '--yes');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/数据库结构与 gongshu 结构版本 5 不符：.*多出索引 application_versions_list/u);
    expect(fs.readFileSync(db).equals(before)).toBe(true);
    expect(backupsOf(dir)).toEqual([]);
  });

  it('a live database that is not what its version says is never migrated, backed up or pruned; one message names the file and the fix; a restore replaces it and keeps it', async () => {
    const { dir, db, cli } = copyOfBase();
    const good = path.join(dir, 'good.db');
    expect((await cli('db', 'backup', '-o', good)).code).toBe(0);
    // What the old restore did: a look-alike file copied over the database.
    fs.rmSync(db);
    sql(db, 'CREATE TABLE audit_log (id INTEGER PRIMARY KEY, entity TEXT); CREATE TABLE applications (id INTEGER PRIMARY KEY);', 1);
    const broken = fs.readFileSync(db);
    for (let i = 0; i < 12; i++) {
      const r = await cli(...(i % 3 === 0 ? ['apply', 'list'] : i % 3 === 1 ? ['db', 'check'] : ['assess', 'withdraw', '1', '--reason', '重复提交']));
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`数据库 ${db} 不能使用：数据库结构与 gongshu 结构版本 1 不符`);
      expect(r.stderr).toContain('gongshu db restore');
      expect(r.stderr).not.toMatch(internalError);
    }
    expect(fs.readFileSync(db).equals(broken)).toBe(true);
    expect(backupsOf(dir)).toEqual([]);

    const restored = await cli('db', 'restore', good, '--yes');
    expect(restored.code, restored.stderr).toBe(0);
    const kept = restored.stderr.match(/操作前已自动备份数据库：(\S+before-restore\.db)/u)![1]!;
    // The look-alike as it was (copied by SQLite: its tables and version, not a byte less).
    expect(one(kept, 'PRAGMA user_version')).toBe(1);
    expect(one(kept, "SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_master ORDER BY name)")).toBe('applications,audit_log');
    expect(fs.existsSync(`${kept}.keep`)).toBe(true);
    expect((await cli('apply', 'list')).code).toBe(0);
    expect(one(db, 'PRAGMA application_id')).toBe(0);
    // The first db check that passes releases the kept copy to the rolling ten.
    expect((await cli('db', 'check')).code).toBe(0);
    expect(fs.existsSync(`${kept}.keep`)).toBe(false);
    expect(fs.existsSync(kept)).toBe(true);
  });

  it('the copy before a restore outlives ten later automatic backups until a db check passes', async () => {
    const { dir, db, cli } = copyOfBase();
    const good = path.join(dir, 'good.db');
    expect((await cli('db', 'backup', '-o', good)).code).toBe(0);
    const r = await cli('db', 'restore', good, '--yes');
    expect(r.code, r.stderr).toBe(0);
    const kept = r.stderr.match(/操作前已自动备份数据库：(\S+before-restore\.db)/u)![1]!;
    const conn = new Database(db);
    const { autoBackup } = await import('../../src/store/backup.js');
    for (let i = 0; i < 12; i++) autoBackup(conn, db, 'certify', new Date(Date.now() + (i + 1) * 1000));
    conn.close();
    expect(fs.existsSync(kept)).toBe(true);
    expect(backupsOf(dir).filter((f) => f.endsWith('.db'))).toHaveLength(11);
    expect((await cli('db', 'check')).code).toBe(0);
    const conn2 = new Database(db);
    autoBackup(conn2, db, 'certify', new Date(Date.now() + 20_000));
    conn2.close();
    expect(fs.existsSync(kept)).toBe(false);
    expect(backupsOf(dir).filter((f) => f.endsWith('.db'))).toHaveLength(10);
  });
  it('a restore into a folder that does not exist, or a database not there yet: a Chinese message, or a private new file', async () => {
    const { dir, cli } = copyOfBase();
    const good = path.join(dir, 'good.db');
    expect((await cli('db', 'backup', '-o', good)).code).toBe(0);
    const missing = await runCli(['--db', path.join(dir, '没有', 'g.db'), 'db', 'restore', good, '--yes']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('数据库所在文件夹不存在');
    expect(missing.stderr).not.toMatch(internalError);
    fs.mkdirSync(path.join(dir, 'new'));
    const fresh = path.join(dir, 'new', 'g.db');
    const r = await runCli(['--db', fresh, 'db', 'restore', good, '--yes']);
    expect(r.code, r.stderr).toBe(0);
    expect(fs.statSync(fresh).mode & 0o777).toBe(0o600);
    expect((await runCli(['--db', fresh, 'db', 'check'])).code).toBe(0);
  });
});

describe('a log that cannot be silenced unseen', () => {
  it('an added trigger that swallows entries: db check names it, a change is refused rather than made unlogged, a restore of such a file is refused', async () => {
    const { dir, db, cli } = copyOfBase();
    const entries = one<number>(db, 'SELECT COUNT(*) FROM audit_log');
    sql(db, 'CREATE TRIGGER zz_quiet BEFORE INSERT ON audit_log BEGIN SELECT RAISE(IGNORE); END');
    const check = await cli('db', 'check');
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('多出触发器 zz_quiet（audit_log 上）');
    expect(check.stderr).toContain('操作日志表上多出触发器 zz_quiet');

    const withdraw = await cli('assess', 'withdraw', '1', '--reason', '重复提交');
    expect(withdraw.code).toBe(1);
    expect(withdraw.stderr).toContain('操作日志没有写进数据库');
    expect(withdraw.stderr).not.toContain('已记入操作日志');
    expect(one(db, 'SELECT COUNT(*) FROM assessments WHERE withdrawn_at IS NOT NULL')).toBe(0);
    expect(one(db, 'SELECT COUNT(*) FROM audit_log')).toBe(entries);

    const other = copyOfBase();
    const r = await other.cli('db', 'restore', db, '--yes');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('多出触发器 zz_quiet');
    expect(backupsOf(dir)).toEqual([]);
  });

  it('a trimmed tail: caught by an automatic backup that holds it; without one, by the head printed on a list', async () => {
    const { dir, db, cli } = copyOfBase();
    // The head printed at the foot of the 汇总表 (and in its properties).
    const sheet = path.join(dir, '汇总表.xlsx');
    expect((await cli('export', 'review', '-o', sheet)).code).toBe(0);
    const parts = readZip(fs.readFileSync(sheet));
    const core = parts.find((p) => p.name === 'docProps/core.xml')!.data.toString('utf8');
    const head = /操作记录校验：(\d+) \/ ([0-9a-f]{8})…/u.exec(core)!;
    // The export's own record (its path, for the purge) is logged after the file is written: the head printed is the entry before it.
    expect(Number(head[1])).toBe(one<number>(db, "SELECT MAX(id) FROM audit_log WHERE action <> 'export'"));
    expect(one<number>(db, 'SELECT MAX(id) FROM audit_log')).toBe(Number(head[1]) + 1);
    const footer = parts.find((p) => p.name === 'xl/worksheets/sheet1.xml')!.data.toString('utf8');
    expect(footer).toContain(`操作记录校验：${head[1]} / ${head[2]}…`);
    const ok = await cli('db', 'check', '--witness', `${head[1]} / ${head[2]}`);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stderr).toContain(`与操作日志第 ${head[1]} 条相符`);

    const last = Number(head[1]);
    const trim = (file: string, keep: number): void =>
      sql(file, `DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE id > ${keep}; UPDATE sqlite_sequence SET seq = ${keep} WHERE name = 'audit_log'; ${NO_DELETE}`);
    trim(db, last - 2);
    // Without a backup beside it, the file alone cannot tell (a shorter chain is a sound chain) ...
    expect((await cli('db', 'check')).code).toBe(0);
    // ... the printed head can.
    const paper = await cli('db', 'check', '--witness', `操作记录校验：${head[1]} / ${head[2]}…`);
    expect(paper.code).toBe(1);
    expect(paper.stderr).toContain(`操作日志中已没有第 ${last} 条`);

    // With an automatic backup that holds the entries: db check names the first one missing.
    const second = copyOfBase();
    const confirmed = await second.cli('score', 'confirm');
    expect(confirmed.code, confirmed.stderr).toBe(0);
    expect(backupsOf(second.dir), confirmed.stderr).toHaveLength(1);
    // The backup holds the log up to just before score confirm; the tail cut reaches into it.
    const held = one<number>(path.join(second.dir, 'gongshu-backups', backupsOf(second.dir)[0]!), 'SELECT MAX(id) FROM audit_log');
    const n = held;
    trim(second.db, n - 3);
    const caught = await second.cli('db', 'check');
    expect(caught.code).toBe(1);
    expect(caught.stderr).toMatch(new RegExp(`备份 \\S+score-confirm\\.db 记有第 ${n - 2} 条操作记录，数据库中却没有`, 'u'));
    const json = JSON.parse((await second.cli('db', 'check', '--json')).stdout) as { ok: boolean; witnesses: { compared: number; problems: string[] } };
    expect(json.ok).toBe(false);
    expect(json.witnesses.compared).toBe(1);
  });

  it('a restore of an older backup is not a trimmed tail: the log records it, and the backups from before it are excused', async () => {
    const { dir, cli } = copyOfBase();
    const old = path.join(dir, 'old.db');
    expect((await cli('db', 'backup', '-o', old)).code).toBe(0);
    expect((await cli('assess', 'withdraw', '1', '--reason', '重复提交')).code).toBe(0);
    expect((await cli('score', 'confirm')).code).toBe(0);
    const printed = JSON.parse((await cli('db', 'check', '--json')).stdout) as { head: { entries: number; hash: string } };
    expect((await cli('db', 'restore', old, '--yes')).code).toBe(0);
    const check = await cli('db', 'check');
    expect(check.code, check.stderr).toBe(0);
    expect(check.stderr).toMatch(/不作比较/u);
    // A page printed before the restore no longer matches, and the check says a restore is logged.
    const paper = await cli('db', 'check', '--witness', `${printed.head.entries} / ${printed.head.hash.slice(0, 8)}`);
    expect(paper.code).toBe(1);
    expect(paper.stderr).toMatch(/记有一次数据库恢复/u);
  });

  it('a faked downgrade (triggers dropped, an entry edited, user_version 4) is tampering, never "no chain yet"; nothing re-chains it', async () => {
    const { dir, db, cli } = copyOfBase();
    sql(db, "DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete; UPDATE audit_log SET user = 'someone-else' WHERE id = 3;", 4);
    const forged = fs.readFileSync(db);
    for (const r of [await cli('db', 'check'), await runCli(['db', 'check', db])]) {
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('操作日志已带校验链（结构版本 5 起才有），而文件标明的结构版本是 4：版本号被改旧过，这是篡改');
      expect(r.stderr).not.toContain('操作日志还没有校验链（下次');
    }
    for (const args of [['apply', 'list'], ['assess', 'withdraw', '1', '--reason', 'x']]) {
      const r = await cli(...args);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('版本号被改旧过');
    }
    expect(fs.readFileSync(db).equals(forged)).toBe(true);
    expect(backupsOf(dir)).toEqual([]);
    void NO_UPDATE;
  });

  it('the public lists carry the head in their properties only; the internal ones at the foot of every page too', async () => {
    const { dir, cli } = copyOfBase();
    const results = path.join(dir, '考核结果.xlsx');
    expect((await cli('export', 'results', '-o', results)).code).toBe(0);
    const parts = readZip(fs.readFileSync(results));
    expect(parts.find((p) => p.name === 'docProps/core.xml')!.data.toString('utf8')).toMatch(/操作记录校验：\d+ \/ [0-9a-f]{8}…/u);
    expect(parts.filter((p) => p.name.startsWith('xl/worksheets/')).map((p) => p.data.toString('utf8')).join('')).not.toContain('操作记录校验');
    const bad = await cli('db', 'check', '--witness', 'nothing here');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('看不懂 --witness 的内容');
  });
});
