import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GongshuError } from '../../src/core/errors.js';
import { LATEST_VERSION, MIGRATIONS } from '../../src/store/migrations/index.js';
import { migrate, openStore, resolveDbPath, schemaVersion } from '../../src/store/open.js';
import { appendAudit } from '../../src/store/audit.js';
import { tempDir } from '../helpers/tmp.js';

describe('openStore', () => {
  it('creates the file with mode 0600, a rollback journal and the latest schema', () => {
    const file = path.join(tempDir(), 'g.db');
    const db = openStore(file);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThanOrEqual(5000);
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    db.close();
  });

  it('keeps a copy of the file before migrating an older schema, and migrates in order', () => {
    const dir = tempDir();
    const file = path.join(dir, 'g.db');
    const db = openStore(file);
    db.prepare('INSERT INTO rounds (year, deadline) VALUES (2026, ?)').run('2026-05-22');
    const next = [
      ...MIGRATIONS,
      { version: LATEST_VERSION + 1, description: 'test', sql: 'ALTER TABLE rounds ADD COLUMN note TEXT;' },
      { version: LATEST_VERSION + 2, description: 'test', sql: "UPDATE rounds SET note = 'migrated';" },
    ];
    migrate(db, file, next);
    expect(schemaVersion(db)).toBe(LATEST_VERSION + 2);
    expect(db.prepare('SELECT note FROM rounds').get()).toEqual({ note: 'migrated' });
    db.close();
    const copies = fs.readdirSync(path.join(dir, 'gongshu-backups')).filter((f) => f.endsWith('.db'));
    expect(copies).toHaveLength(1);
    // Kept outside the rolling ten until a db check passes on the migrated state.
    expect(fs.existsSync(path.join(dir, 'gongshu-backups', `${copies[0]!}.keep`))).toBe(true);
    expect(copies[0]).toMatch(new RegExp(`^g-\\d{8}-\\d{6}Z-before-v${LATEST_VERSION + 1}\\.db$`, 'u'));
    expect(fs.statSync(path.join(dir, 'gongshu-backups', copies[0]!)).mode & 0o777).toBe(0o600);
  });

  it('leaves the schema untouched when a migration fails', () => {
    const file = path.join(tempDir(), 'g.db');
    const db = openStore(file);
    const broken = [...MIGRATIONS, { version: LATEST_VERSION + 1, description: 'bad', sql: 'CREATE TABLE t (x); SELECT * FROM missing_table;' }];
    expect(() => migrate(db, file, broken)).toThrow();
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 't'").get()).toBeUndefined();
    db.close();
  });

  it('refuses a database made by a newer gongshu', () => {
    const file = path.join(tempDir(), 'g.db');
    const db = openStore(file);
    db.pragma(`user_version = ${LATEST_VERSION + 1}`);
    db.close();
    expect(() => openStore(file)).toThrowError(/更新版本/u);
  });

  it('says clearly when the folder is missing', () => {
    const file = path.join(tempDir(), 'nope', 'g.db');
    expect(() => openStore(file)).toThrow(GongshuError);
    expect(() => openStore(file)).toThrowError(/文件夹不存在/u);
  });

  it('reports a read-only folder without creating anything', () => {
    if (process.getuid?.() === 0) {
      // root ignores directory permissions; a read-only bind is not available in a unit test
      const file = path.join('/proc', 'g.db');
      expect(() => openStore(file)).toThrowError(GongshuError);
      return;
    }
    const dir = tempDir();
    fs.chmodSync(dir, 0o500);
    expect(() => openStore(path.join(dir, 'g.db'))).toThrowError(/只读|没有权限/u);
  });

  it('says a file that is not a database is damaged', () => {
    const file = path.join(tempDir(), 'g.db');
    fs.writeFileSync(file, 'this is not sqlite'.repeat(100));
    expect(() => openStore(file)).toThrowError(/不是有效的 gongshu 数据库/u);
  });

  it('resolves --db, then GONGSHU_DB, then ./gongshu.db', () => {
    expect(resolveDbPath('x.db', {}, '/w')).toBe('/w/x.db');
    expect(resolveDbPath(undefined, { GONGSHU_DB: '/data/g.db' }, '/w')).toBe('/data/g.db');
    expect(resolveDbPath(undefined, {}, '/w')).toBe('/w/gongshu.db');
  });

  it('keeps the audit log append-only', () => {
    const db = openStore(path.join(tempDir(), 'g.db'));
    appendAudit(db, { user: 'u', command: 'c' }, 'application', 1, 'import');
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/u);
    expect(() => db.prepare("UPDATE audit_log SET user = 'x'").run()).toThrow(/append-only/u);
    db.close();
  });
});
