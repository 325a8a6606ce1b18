/**
 * The database is safe from every command, through the real commands: no file is ever written onto the
 * database, its journal or a backup, whatever -o and --force say; a backup can be restored, and a damaged
 * one is refused; `db check` fails on a log someone edited; read-only commands create nothing; a database
 * others can read is pointed out with the fix.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { AUDIT_TRIGGERS } from '../../src/store/audit.js';
import { runCli } from '../helpers/run-cli.js';
import { sampleDatabaseCopies } from '../helpers/sample-database.js';
import { tempDir } from '../helpers/tmp.js';

/** The sample applications and assessments of 2026, made once and copied per test as `gongshu.db`. */
const copyOfBase = sampleDatabaseCopies('gongshu-db-safety-');

const json = <T>(text: string): T => JSON.parse(text) as T;

/** Every file of a folder (and its sub-folders) with its bytes, to show nothing was touched. */
function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const file = path.join(entry.parentPath, entry.name);
    if (entry.isFile()) files.set(path.relative(dir, file), fs.readFileSync(file).toString('base64'));
  }
  return files;
}

/** Changes the audit log behind gongshu's back, as someone with the file and SQLite could: triggers off, SQL, triggers back. */
function tamper(db: string, sql: string, restoreTriggers = true): void {
  const conn = new Database(db);
  conn.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
  conn.exec(sql);
  if (restoreTriggers) for (const create of Object.values(AUDIT_TRIGGERS)) conn.exec(create);
  conn.close();
}

describe('files never land on the database or a backup', () => {
  it('db backup and every export onto the database, its journal or a backup are refused, with --force too, and leave every byte', async () => {
    const { dir, db, cli } = copyOfBase();
    // An automatic backup (score confirm makes one) and a journal file beside the database.
    expect((await cli('score', 'confirm')).code).toBe(0);
    const [auto] = fs.readdirSync(path.join(dir, 'gongshu-backups'));
    const autoBackup = path.join(dir, 'gongshu-backups', auto!);
    fs.writeFileSync(`${db}-journal`, '');
    const before = snapshot(dir);

    const targets = [db, `${db}-journal`, `${db}-wal`, autoBackup, path.join(dir, 'gongshu-backups', '新文件.db'), path.join(dir, 'gongshu-backups')];
    const writers = [['db', 'backup'], ['export', 'review'], ['export', 'results'], ['export', 'shortlist'], ['export', 'subsidy']];
    for (const target of targets) {
      for (const writer of writers) {
        for (const force of [[], ['--force']]) {
          const r = await cli(...writer, '-o', target, ...force);
          const what = `${writer.join(' ')} -o ${path.relative(dir, target)} ${force.join('')}`;
          expect(r.code, `${what}: ${r.stderr}`).toBe(1);
          expect(r.stderr, what).toMatch(/不能写到数据库文件|是 gongshu 自动备份的文件夹/u);
          expect(r.stderr, what).not.toMatch(/程序内部错误|^\s+at /mu);
        }
      }
    }
    // A link to the database is the database.
    fs.symlinkSync(db, path.join(dir, '链接.db'));
    expect((await cli('db', 'backup', '-o', path.join(dir, '链接.db'), '--force')).stderr).toContain('不能写到数据库文件');
    fs.rmSync(path.join(dir, '链接.db'));
    expect(snapshot(dir)).toEqual(before);
    fs.rmSync(`${db}-journal`);
    expect((await cli('db', 'check')).code).toBe(0);
  }, 60_000);

  it('a folder gets the default name; a pipe, another program’s file, another database or another kind of export is never written over; --force replaces gongshu’s own earlier file by a rename', async () => {
    const { dir, db, cli } = copyOfBase();
    const out = path.join(dir, '导出');
    fs.mkdirSync(out);
    const first = await cli('export', 'review', '-o', out);
    expect(first.code, first.stderr).toBe(0);
    const review = path.join(out, '2026年形式审查汇总表.xlsx');
    expect(fs.readdirSync(out)).toEqual([path.basename(review)]);
    expect((await cli('db', 'backup', '-o', out)).code).toBe(0);
    const backup = fs.readdirSync(out).find((f) => f.endsWith('.db'))!;
    expect(backup).toMatch(/^gongshu-备份-\d{4}-\d{2}-\d{2}\.db$/u);

    // Without --force an existing file stays; with it, gongshu's own earlier file of the kind is replaced by a new file.
    expect((await cli('export', 'review', '-o', out)).stderr).toContain('文件已存在');
    const inode = fs.statSync(review).ino;
    expect((await cli('export', 'review', '-o', out, '--force')).code).toBe(0);
    expect(fs.statSync(review).ino).not.toBe(inode);
    expect((await cli('db', 'backup', '-o', out, '--force')).code).toBe(0);

    // Another kind of gongshu file, another program's file, a pipe: never, --force or not.
    const other = path.join(dir, '别人的表.xlsx');
    fs.writeFileSync(other, '别的程序的文件');
    execFileSync('mkfifo', [path.join(dir, '管道')]);
    // Another gongshu database in use (another year's, a colleague's): a whole database, but not a backup.
    const otherDatabase = path.join(dir, '2025年度.db');
    fs.copyFileSync(db, otherDatabase);
    const before = snapshot(dir);
    const refused: [string[], RegExp][] = [
      [['export', 'results', '-o', review], /不是 gongshu 以前生成的考核结果/u],
      [['db', 'backup', '-o', review], /不是 gongshu 以前生成的数据库备份/u],
      [['export', 'review', '-o', path.join(out, backup)], /扩展名 \.db 与内容不符：形式审查汇总表只能存为 \.xlsx/u],
      [['export', 'review', '-o', other], /不是 gongshu 以前生成的形式审查汇总表/u],
      [['db', 'backup', '-o', other], /不是 gongshu 以前生成的数据库备份/u],
      [['db', 'backup', '-o', otherDatabase], /不是 gongshu 以前生成的数据库备份/u],
      [['export', 'review', '-o', path.join(dir, '管道')], /不是普通文件/u],
      [['db', 'backup', '-o', path.join(dir, '管道')], /不是普通文件/u],
    ];
    for (const [args, message] of refused) {
      const r = await cli(...args, '--force');
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr, args.join(' ')).toMatch(message);
    }
    expect(snapshot(dir)).toEqual(before);
  }, 60_000);
});

describe('db restore', () => {
  it('round-trips: the backup comes back, the database as it was is backed up first, and the restore is logged', async () => {
    const { dir, db, cli } = copyOfBase();
    const copy = path.join(dir, '备份.db');
    expect((await cli('db', 'backup', '-o', copy)).code).toBe(0);
    const saved = (await cli('score', '--json')).stdout;
    expect((await cli('assess', 'withdraw', '1', '--reason', '重复提交')).code).toBe(0);
    expect((await cli('score', '--json')).stdout).not.toBe(saved);

    const unattended = await cli('db', 'restore', copy);
    expect(unattended.code).toBe(2);
    expect(unattended.stderr).toContain('请加 --yes 重新运行');
    const r = await cli('db', 'restore', copy, '--yes');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`已用 ${copy} 恢复数据库 ${db}`);
    expect((await cli('score', '--json')).stdout).toBe(saved);
    // The copy says "backup" in its header; restored, the database in use does not (a later backup --force may not replace it).
    const mark = (file: string): unknown => {
      const c = new Database(file, { readonly: true });
      const id = c.pragma('application_id', { simple: true });
      c.close();
      return id;
    };
    expect(mark(copy)).not.toBe(0);
    expect(mark(db)).toBe(0);

    // The database as it was before the restore is in gongshu-backups, withdrawal and all.
    const before = r.stderr.match(/操作前已自动备份数据库：(\S+before-restore\.db)/u)![1]!;
    const conn = new Database(before, { readonly: true });
    expect(conn.prepare('SELECT COUNT(*) AS n FROM assessments WHERE withdrawn_at IS NOT NULL').get()).toEqual({ n: 1 });
    conn.close();
    const check = json<{ ok: boolean; audit: { entries: number } }>((await cli('db', 'check', '--json')).stdout);
    expect(check.ok).toBe(true);
    const log = new Database(db, { readonly: true });
    const last = log.prepare('SELECT entity, action, detail FROM audit_log ORDER BY id DESC LIMIT 1').get() as { entity: string; action: string; detail: string };
    log.close();
    expect(last).toMatchObject({ entity: 'database', action: 'restore' });
    expect(json<{ from: string; backup: string }>(last.detail)).toMatchObject({ from: copy, backup: before });
    expect(check.audit.entries).toBeGreaterThan(json<{ auditEntries: number }>((await runCli(['db', 'check', copy, '--json'])).stdout).auditEntries);
  });

  it('refuses a damaged, a truncated, a half-written or a tampered backup, and leaves the database as it was', async () => {
    const { dir, db, cli } = copyOfBase();
    const good = path.join(dir, '备份.db');
    expect((await cli('db', 'backup', '-o', good)).code).toBe(0);
    const variant = (name: string, change: (file: string) => void): string => {
      const file = path.join(dir, name);
      fs.copyFileSync(good, file);
      change(file);
      return file;
    };
    const damaged = variant('损坏.db', (f) => {
      const fd = fs.openSync(f, 'r+');
      fs.writeSync(fd, Buffer.alloc(4096, 0xff), 0, 4096, 4096 * 2);
      fs.closeSync(fd);
    });
    const truncated = variant('半截.db', (f) => fs.truncateSync(f, Math.floor(fs.statSync(f).size / 2)));
    const unfinished = variant('没写完.db', (f) => fs.writeFileSync(`${f}-journal`, 'journal of a copy cut off'));
    const edited = variant('改过日志.db', (f) => tamper(f, "UPDATE audit_log SET detail = '{}' WHERE id = 2"));
    const notOurs = path.join(dir, '别的.db');
    const foreign = new Database(notOurs);
    foreign.exec('CREATE TABLE t (x)');
    foreign.close();
    const before = snapshot(dir);

    const cases: [string, RegExp][] = [
      [damaged, /已损坏|未通过检查/u],
      [truncated, /已损坏|未通过检查/u],
      [unfinished, /没有写完（旁边有 .*没写完\.db-journal）/u],
      [edited, /未通过检查，不能用来恢复（当前数据库未做任何修改）：操作日志第 2 条与其校验值不符/u],
      [notOurs, /不是 gongshu 数据库/u],
      [path.join(dir, '没有.db'), /要检查的文件不存在/u],
      [db, /就是当前使用的数据库/u],
    ];
    for (const [file, message] of cases) {
      const r = await cli('db', 'restore', file, '--yes');
      expect(r.code, path.basename(file)).toBe(1);
      expect(r.stderr, path.basename(file)).toMatch(message);
      expect(r.stderr).not.toMatch(/程序内部错误|^\s+at /mu);
    }
    expect(snapshot(dir)).toEqual(before);
    expect(fs.existsSync(path.join(dir, 'gongshu-backups'))).toBe(false);
  });
});

describe('db check', () => {
  it('of a backup is read-only: one cut off with its journal is refused, neither file changes; a sound one passes as it is', async () => {
    const { dir, cli } = copyOfBase();
    const copy = path.join(dir, 'copy.db');
    expect((await cli('db', 'backup', '-o', copy)).code).toBe(0);
    // A real hot journal: a change to the copy, cut off before it committed (the journal holds the old pages).
    const writer = new Database(copy);
    writer.pragma('cache_size = 1');
    writer.exec('BEGIN IMMEDIATE; CREATE TABLE scratch (x); INSERT INTO scratch SELECT zeroblob(1000) FROM applications, applications;');
    expect(fs.existsSync(`${copy}-journal`)).toBe(true);
    const cutOff = snapshot(dir);
    const r = await runCli(['db', 'check', copy]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${copy} 没有写完（旁边有 ${copy}-journal）`);
    expect(snapshot(dir)).toEqual(cutOff);
    writer.exec('ROLLBACK');
    writer.close();

    const sound = snapshot(dir);
    const ok = await runCli(['db', 'check', copy]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stderr).toMatch(/操作日志 \d+ 条，校验链完整/u);
    expect(snapshot(dir)).toEqual(sound);
  });

  it('fails on one audit entry deleted, edited or moved, on the newest deleted, and on a dropped trigger, naming the first broken entry', async () => {
    const cases: [string, string, boolean, RegExp][] = [
      ['deleted', 'DELETE FROM audit_log WHERE id = 3', true, /操作日志第 3–3 条被删除（第 4 条接不上前面的记录）/u],
      ['edited', "UPDATE audit_log SET user = 'someone-else' WHERE id = 3", true, /操作日志第 3 条与其校验值不符/u],
      ['moved', 'UPDATE audit_log SET id = -1 WHERE id = 3; UPDATE audit_log SET id = 3 WHERE id = 4; UPDATE audit_log SET id = 4 WHERE id = -1', true, /操作日志第 3 条接不上第 2 条/u],
      ['newest deleted', 'DELETE FROM audit_log WHERE id = (SELECT MAX(id) FROM audit_log)', true, /操作日志最后的记录被删除/u],
      ['trigger dropped', 'SELECT 1', false, /保护触发器 audit_log_no_update 被删除或改动/u],
    ];
    for (const [what, sql, triggersBack, message] of cases) {
      const { db, cli } = copyOfBase();
      expect((await cli('db', 'check')).code, what).toBe(0);
      tamper(db, sql, triggersBack);
      for (const r of [await cli('db', 'check'), await runCli(['db', 'check', db])]) {
        expect(r.code, what).toBe(1);
        expect(r.stderr, what).toMatch(message);
        expect(r.stderr, what).toContain('未通过检查');
      }
      const report = json<{ ok: boolean; problems: string[] }>((await cli('db', 'check', '--json')).stdout);
      expect(report.ok, what).toBe(false);
    }
  });
});

describe('reading never creates a database', () => {
  it('read-only commands in an empty folder leave it empty', async () => {
    const dir = tempDir();
    const cwd = process.cwd();
    const saved = process.env.GONGSHU_DB;
    delete process.env.GONGSHU_DB;
    process.chdir(dir);
    const codes: Record<string, number> = {};
    try {
      const reads = [
        ['apply', 'list'], ['apply', 'list', '--json'], ['apply', 'show', '1'], ['round', 'show'], ['round', 'show', '--json'],
        ['studios', 'list'], ['studios', 'list', '--json'], ['studios', 'due'], ['score'], ['score', 'show', '1'], ['review', 'list'],
        ['history', '1'], ['db', 'check'], ['db', 'check', '--json'], ['db', 'backup'], ['export', 'review'], ['export', 'results'],
        ['export', 'shortlist'], ['export', 'subsidy'], ['db', 'purge', '--round', '2020', '--yes'],
      ];
      for (const args of reads) {
        const r = await runCli(args);
        codes[args.join(' ')] = r.code;
        expect(r.stderr, args.join(' ')).not.toMatch(/程序内部错误|^\s+at /mu);
        expect(fs.readdirSync(dir), args.join(' ')).toEqual([]);
      }
    } finally {
      process.chdir(cwd);
      if (saved !== undefined) process.env.GONGSHU_DB = saved;
    }
    // Lists say there is nothing; the rest say the database is missing.
    expect(codes).toMatchObject({ 'apply list': 0, 'studios list': 0, 'round show': 1, 'db check': 1, 'export review': 1 });
  });
});

describe('a database others can read', () => {
  it('is pointed out, with the chmod that fixes it, until it is fixed', async () => {
    const { db, cli } = copyOfBase();
    fs.chmodSync(db, 0o644);
    for (const args of [['apply', 'list'], ['studios', 'list', '--json'], ['db', 'check']]) {
      const r = await cli(...args);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stderr, args.join(' ')).toContain(`数据库文件 ${db} 的权限是 644，本机其他用户也能读取其中的身份证号码等个人信息。请运行 chmod 600 "${db}" 只允许本人读写`);
    }
    fs.chmodSync(db, 0o600);
    expect((await cli('apply', 'list')).stderr).not.toContain('chmod');
  });
});
