/**
 * The audit log's hash chain: appendAudit is its only writer; every entry is hashed with the one before,
 * old entries get their chain from migration 5, masked as appendAudit masks today.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { appendAudit, auditHash, verifyAuditLog, type ChainedFields } from '../../src/store/audit.js';
import { MIGRATIONS } from '../../src/store/migrations/index.js';
import { migrate, openStore } from '../../src/store/open.js';
import { tempDir } from '../helpers/tmp.js';

const ACTOR = { user: 'clerk', command: 'gongshu test' };

function rows(db: Database.Database): (ChainedFields & { hash: string })[] {
  return db.prepare('SELECT * FROM audit_log ORDER BY id').all() as (ChainedFields & { hash: string })[];
}

describe('the audit chain', () => {
  it('links every entry to the one before, masks every text, and verifies', () => {
    const db = openStore(path.join(tempDir(), 'g.db'));
    appendAudit(db, ACTOR, 'application', 1, 'import', { file: '申报表-138 1234 5678.xlsx', sha256: 'ab13812345678cdef' });
    appendAudit(db, { user: 'clerk', command: 'gongshu apply override' }, 'application', 1, 'override', { reason: '已电话 １３８１２３４５６７８ 核实', phone: 13812345678 });
    const [first, second] = rows(db);
    expect(first!.prev_hash).toBe('');
    expect(second!.prev_hash).toBe(first!.hash);
    expect(second!.hash).toBe(auditHash(second!));
    expect(first!.detail).toBe(JSON.stringify({ file: '申报表-138****5678.xlsx', sha256: 'ab13812345678cdef' }));
    expect(JSON.parse(second!.detail)).toEqual({ reason: '已电话 138****5678 核实', phone: '138****5678' });
    expect(verifyAuditLog(db)).toEqual({ entries: 2 });
    db.close();
  });

  it('gives an older database a verifiable chain in migration 5, masking what older versions left unmasked', () => {
    const file = path.join(tempDir(), 'old.db');
    const raw = new Database(file);
    migrate(raw, file, MIGRATIONS.slice(0, 4));
    const insert = raw.prepare('INSERT INTO audit_log (at, user, command, entity, entity_id, action, detail) VALUES (?, ?, ?, ?, ?, ?, ?)');
    insert.run('2025-05-20T01:00:00.000Z', 'clerk', 'gongshu apply import', 'application', 1, 'import', JSON.stringify({ file: '申报表-138 1234 5678.xlsx' }));
    insert.run('2025-05-21T01:00:00.000Z', 'clerk', 'gongshu assess set', 'studio', 1, 'set', JSON.stringify({ leadBirth: '1963-04', leadGender: '男' }));
    raw.close();

    const db = openStore(file);
    const chained = rows(db);
    expect(chained.map((r) => r.id)).toEqual([1, 2]);
    expect(JSON.parse(chained[0]!.detail)).toEqual({ file: '申报表-138****5678.xlsx' });
    expect(JSON.parse(chained[1]!.detail)).toEqual({ leadBirth: 'changed', leadGender: 'changed' });
    expect(verifyAuditLog(db)).toEqual({ entries: 2 });
    appendAudit(db, ACTOR, 'round', 2026, 'set', {});
    expect(verifyAuditLog(db)).toEqual({ entries: 3 });
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/u);
    db.close();
  });

  it('names the first broken place: an edited, a deleted, a moved or a newest-deleted entry, a dropped trigger', () => {
    const make = () => {
      const db = openStore(path.join(tempDir(), 'g.db'));
      for (let i = 1; i <= 5; i++) appendAudit(db, ACTOR, 'application', i, 'import', { n: i });
      db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
      return db;
    };
    const restoreTriggers = (db: Database.Database): void =>
      void db.exec(`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
               CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;`);

    const edited = make();
    edited.prepare(`UPDATE audit_log SET detail = '{"n":33}' WHERE id = 3`).run();
    restoreTriggers(edited);
    expect(verifyAuditLog(edited).broken).toEqual({ kind: 'edited', id: 3 });

    const deleted = make();
    deleted.prepare('DELETE FROM audit_log WHERE id = 2').run();
    restoreTriggers(deleted);
    expect(verifyAuditLog(deleted).broken).toEqual({ kind: 'unlinked', id: 3, previous: 1 });

    const moved = make();
    moved.prepare('UPDATE audit_log SET id = 9 WHERE id = 2').run();
    restoreTriggers(moved);
    expect(verifyAuditLog(moved).broken).toEqual({ kind: 'unlinked', id: 3, previous: 1 });

    const firstGone = make();
    firstGone.prepare('DELETE FROM audit_log WHERE id = 1').run();
    restoreTriggers(firstGone);
    expect(verifyAuditLog(firstGone).broken).toEqual({ kind: 'unlinked', id: 2, previous: null });

    const truncated = make();
    truncated.prepare('DELETE FROM audit_log WHERE id = 5').run();
    restoreTriggers(truncated);
    expect(verifyAuditLog(truncated).broken).toEqual({ kind: 'truncated', last: 4, seq: 5 });
    // The next entry follows the newest one left: the gap to the high-water mark stays visible.
    appendAudit(truncated, ACTOR, 'round', 2026, 'set', {});
    expect(verifyAuditLog(truncated).broken).toEqual({ kind: 'unlinked', id: 6, previous: 4 });

    const untriggered = make();
    expect(verifyAuditLog(untriggered).broken).toEqual({ kind: 'trigger', name: 'audit_log_no_update' });
    for (const db of [edited, deleted, moved, firstGone, truncated, untriggered]) db.close();
  });
});
