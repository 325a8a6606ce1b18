import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GongshuError } from '../../src/core/errors.js';
import { auditFor } from '../../src/store/audit.js';
import { autoBackup, KEEP_BACKUPS, listBackups } from '../../src/store/backup.js';
import { openStore } from '../../src/store/open.js';
import { lastUndoable, move, undoLastMove } from '../../src/store/status.js';
import { tempDir } from '../helpers/tmp.js';

const actor = { user: 'clerk', command: 'gongshu test' };

function storeWithApplication() {
  const file = path.join(tempDir(), 'g.db');
  const db = openStore(file);
  db.prepare("INSERT INTO applications (round, lead_name_key, created_at) VALUES (2026, 'u|l', '2026-05-01')").run();
  return { db, file };
}

const status = (db: ReturnType<typeof openStore>): string => (db.prepare('SELECT status FROM applications WHERE id = 1').get() as { status: string }).status;

describe('status moves', () => {
  it('records each allowed move with user, command and reason, and refuses the others without writing', () => {
    const { db } = storeWithApplication();
    move(db, actor, 'application', 1, 'check-pass');
    move(db, actor, 'application', 1, 'withdraw', { reason: '来函撤回' });
    expect(status(db)).toBe('withdrawn');
    const before = auditFor(db, 'application', 1).length;
    expect(() => move(db, actor, 'application', 1, 'review')).toThrow(GongshuError);
    expect(() => move(db, actor, 'application', 1, 'review')).toThrow(/已是最终状态/u);
    expect(auditFor(db, 'application', 1)).toHaveLength(before);
    expect(auditFor(db, 'application', 1).map((e) => [e.user, e.command, e.detail])).toEqual([
      ['clerk', 'gongshu test', { event: 'check-pass', from: 'submitted', to: 'eligible' }],
      ['clerk', 'gongshu test', { event: 'withdraw', from: 'eligible', to: 'withdrawn', reason: '来函撤回' }],
    ]);
    db.close();
  });

  it('undoes steps one after another, newest first, logging each undo', () => {
    const { db } = storeWithApplication();
    move(db, actor, 'application', 1, 'check-pass');
    move(db, actor, 'application', 1, 'review');
    move(db, actor, 'application', 1, 'shortlist');
    expect(undoLastMove(db, actor, 'application', 1, '误操作').to).toBe('reviewed');
    expect(undoLastMove(db, actor, 'application', 1, '误操作').to).toBe('eligible');
    move(db, actor, 'application', 1, 'review');
    expect(lastUndoable(auditFor(db, 'application', 1))!.detail.event).toBe('review');
    expect(undoLastMove(db, actor, 'application', 1, 'x').to).toBe('eligible');
    expect(undoLastMove(db, actor, 'application', 1, 'x').to).toBe('submitted');
    expect(() => undoLastMove(db, actor, 'application', 1, 'x')).toThrow(/没有可以撤销的状态变更/u);
    expect(auditFor(db, 'application', 1).filter((e) => e.action === 'status-undo')).toHaveLength(4);
    db.close();
  });

  it('refuses an undo when the record was changed behind the log', () => {
    const { db } = storeWithApplication();
    move(db, actor, 'application', 1, 'check-pass');
    db.prepare("UPDATE applications SET status = 'ineligible' WHERE id = 1").run();
    expect(() => undoLastMove(db, actor, 'application', 1, 'x')).toThrow(/不符，不能撤销/u);
    db.close();
  });
});

describe('automatic backups', () => {
  it('keeps a consistent copy per bulk change, mode 0600, and only the newest ten', () => {
    const { db, file } = storeWithApplication();
    const start = Date.UTC(2026, 5, 1, 9, 0, 0);
    for (let i = 0; i < KEEP_BACKUPS + 3; i++) autoBackup(db, file, 'certify', new Date(start + i * 1000));
    const copies = listBackups(file);
    expect(copies).toHaveLength(KEEP_BACKUPS);
    expect(path.basename(copies[0]!)).toBe('g-20260601-090003Z-certify.db');
    expect(fs.statSync(copies[0]!).mode & 0o777).toBe(0o600);
    const copy = openStore(copies[9]!);
    expect(copy.prepare('SELECT COUNT(*) AS n FROM applications').get()).toEqual({ n: 1 });
    copy.close();
    db.close();
  });
});
