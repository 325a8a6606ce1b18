/** Expert review scores (专家评审), one row per application and expert; a later sheet replaces an expert's row. */
import type { ExpertReview } from '../core/review.js';
import { nowIso, type Actor } from './audit.js';
import type { Db } from './open.js';

export function findReviewFile(db: Db, round: number, sha256: string): { id: number; file: string; importedAt: string } | undefined {
  return db.prepare('SELECT id, file, imported_at AS importedAt FROM review_files WHERE round = ? AND sha256 = ?').get(round, sha256) as { id: number; file: string; importedAt: string } | undefined;
}

export function insertReviewFile(db: Db, round: number, file: string, sha256: string, actor: Actor): number {
  const info = db
    .prepare('INSERT INTO review_files (round, file, sha256, imported_at, imported_by) VALUES (?, ?, ?, ?, ?)')
    .run(round, file, sha256, nowIso(), actor.user);
  return Number(info.lastInsertRowid);
}

export interface ReviewEntry extends ExpertReview {
  key: string;
}

export type ReviewWrite = 'new' | 'replaced' | 'same';

interface ReviewRow {
  application_id: number;
  expert: string;
  expert_key: string;
  score: string | null;
  recommend: 'yes' | 'no' | null;
  recused: number;
  cell: string | null;
}

function toEntry(r: ReviewRow): ReviewEntry {
  return {
    expert: r.expert,
    key: r.expert_key,
    score: r.score === null ? null : (JSON.parse(r.score) as number | string),
    recommend: r.recommend,
    recused: r.recused === 1,
    ...(r.cell ? { cell: r.cell } : {}),
  };
}

/** Stores one expert's review of one application; says whether it was new, changed or the same. */
export function saveReview(db: Db, applicationId: number, entry: ReviewEntry, reviewFileId: number): ReviewWrite {
  const before = db.prepare('SELECT * FROM reviews WHERE application_id = ? AND expert_key = ?').get(applicationId, entry.key) as ReviewRow | undefined;
  const score = entry.score === null ? null : JSON.stringify(entry.score);
  const same =
    before !== undefined && before.score === score && before.recommend === entry.recommend && (before.recused === 1) === entry.recused && before.expert === entry.expert;
  db.prepare(
    `INSERT INTO reviews (application_id, expert, expert_key, score, recommend, recused, cell, review_file_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (application_id, expert_key) DO UPDATE SET expert = excluded.expert, score = excluded.score,
       recommend = excluded.recommend, recused = excluded.recused, cell = excluded.cell, review_file_id = excluded.review_file_id`,
  ).run(applicationId, entry.expert, entry.key, score, entry.recommend, entry.recused ? 1 : 0, entry.cell ?? null, reviewFileId);
  return before === undefined ? 'new' : same ? 'same' : 'replaced';
}

/** Every stored review of a round, by application id. */
export function reviewsOfRound(db: Db, round: number): Map<number, ReviewEntry[]> {
  const rows = db
    .prepare(
      `SELECT r.* FROM reviews r JOIN applications a ON a.id = r.application_id
       WHERE a.round = ? ORDER BY r.application_id, r.id`,
    )
    .all(round) as ReviewRow[];
  const out = new Map<number, ReviewEntry[]>();
  for (const r of rows) {
    const list = out.get(r.application_id) ?? [];
    list.push(toEntry(r));
    out.set(r.application_id, list);
  }
  return out;
}

/** Reviews of a round stored under one expert key, each with the review file it came from. */
export function reviewsUnderKey(db: Db, round: number, key: string): { applicationId: number; fileId: number; file: string; entry: ReviewEntry }[] {
  const rows = db
    .prepare(
      `SELECT r.*, f.file AS file_name FROM reviews r JOIN applications a ON a.id = r.application_id
       JOIN review_files f ON f.id = r.review_file_id
       WHERE a.round = ? AND r.expert_key = ? ORDER BY r.application_id`,
    )
    .all(round, key) as (ReviewRow & { review_file_id: number; file_name: string })[];
  return rows.map((r) => ({ applicationId: r.application_id, fileId: r.review_file_id, file: r.file_name, entry: toEntry(r) }));
}

/** Removes one expert's review of one application (a placeholder replaced by the same review under a name). */
export function deleteReview(db: Db, applicationId: number, key: string): void {
  db.prepare('DELETE FROM reviews WHERE application_id = ? AND expert_key = ?').run(applicationId, key);
}
