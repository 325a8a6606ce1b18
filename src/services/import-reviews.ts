/**
 * Expert review sheet (评审打分表) import. Rows are matched to applications by 编号 and checked against
 * the 工作室名称 printed next to it, so a sheet made from another database or another round cannot
 * put scores on the wrong applicant. An eligible application that gets scores moves to 已评审.
 */
import type { Finding } from '../core/finding.js';
import { aggregateReview, type ExpertReview } from '../core/review.js';
import { nameKey } from '../core/text.js';
import { msg } from '../messages/index.js';
import { countBySeverity, importBatch, sameContentReason, type FileResult, type ImportKind } from './import-batch.js';
import { getApplication } from '../store/applications.js';
import { appendAudit } from '../store/audit.js';
import { deleteReview, findReviewFile, insertReviewFile, reviewsUnderKey, saveReview, type ReviewEntry } from '../store/reviews.js';
import { canMove, move } from '../store/status.js';
import type { Workspace } from './context.js';
import { LISTED_STATUSES } from './shortlist.js';


/** Scores the aggregate will not count, reported at import so the clerk can have them corrected at once. */
function scoreProblems(reviews: readonly ExpertReview[]): Finding[] {
  return aggregateReview(reviews).findings.filter((f) => f.code === 'review-score-not-number' || f.code === 'review-score-out-of-range');
}

const sameReview = (a: ReviewEntry, b: ReviewEntry): boolean =>
  JSON.stringify(a.score) === JSON.stringify(b.score) && a.recommend === b.recommend && a.recused === b.recused;

/**
 * A sheet imported without the experts' names is stored under 专家1, 专家2… and the clerk is told to fill in
 * the names and import it again. A named column whose every review is exactly what one earlier file stored
 * under that column's 专家N (the same applications, scores, opinions, recusals) is that sheet again: its
 * 专家N reviews are replaced, not counted a second time beside the named ones. Anything less than an exact
 * match (another group's sheet, a changed score) is left as it is.
 */
function replaceUnnamed(
  ws: Workspace,
  round: number,
  experts: readonly { header: string; name: string; key: string }[],
  saved: ReadonlyMap<string, Map<number, ReviewEntry>>,
): Finding[] {
  const notes: Finding[] = [];
  for (const e of experts) {
    const placeholder = nameKey(e.header);
    const mine = saved.get(e.key);
    if (!e.name || placeholder === e.key || !mine || mine.size === 0) continue;
    const byFile = new Map<number, { file: string; reviews: Map<number, ReviewEntry> }>();
    for (const r of reviewsUnderKey(ws.db, round, placeholder)) {
      const group = byFile.get(r.fileId) ?? { file: r.file, reviews: new Map<number, ReviewEntry>() };
      group.reviews.set(r.applicationId, r.entry);
      byFile.set(r.fileId, group);
    }
    for (const group of byFile.values()) {
      const same = group.reviews.size === mine.size && [...mine].every(([app, entry]) => {
        const before = group.reviews.get(app);
        return before !== undefined && sameReview(before, entry);
      });
      if (!same) continue;
      for (const app of group.reviews.keys()) {
        deleteReview(ws.db, app, placeholder);
        appendAudit(ws.db, ws.actor, 'application', app, 'review-unnamed-replaced', { header: e.header, expert: e.name, file: group.file });
      }
      notes.push({ code: 'review-unnamed-replaced', severity: 'warning', message: msg('workflow.review.unnamedReplaced', { header: e.header, name: e.name, file: group.file, count: group.reviews.size }) });
      break;
    }
  }
  return notes;
}

function reviewKind(ws: Workspace, round: number): ImportKind<'review'> {
  return {
    name: 'review',
    parseArg: undefined,
    alreadyImported(db, round, sha256) {
      const found = findReviewFile(db, round, sha256);
      return found && { id: found.id, version: 1, reason: sameContentReason(found, msg('cli.import.sameAs.review')) };
    },
    write(db, file, source, sheet, problems): FileResult {
      const notes: Finding[] = [...problems];
      const fileId = insertReviewFile(db, round, file, source.sha256, ws.actor);
      let applications = 0;
      const saved = new Map<string, Map<number, ReviewEntry>>();
      for (const row of sheet.rows) {
        const app = getApplication(db, row.applicationId);
        if (!app || app.round !== round) {
          notes.push({ code: 'review-unknown-application', severity: 'error', message: msg('workflow.review.unknownApplication', { id: row.applicationId, round }), cell: row.cell });
          continue;
        }
        const storedName = app.current.parsed.application.studioName;
        if (row.studioName !== '' && nameKey(row.studioName) !== nameKey(storedName)) {
          notes.push({ code: 'review-name-mismatch', severity: 'error', message: msg('workflow.review.nameMismatch', { id: app.id, sheet: row.studioName, stored: storedName }), cell: row.cell });
          continue;
        }
        if (row.reviews.length === 0) continue;
        notes.push(...scoreProblems(row.reviews));
        const writes = row.reviews.map((r) => saveReview(db, app.id, r, fileId));
        for (const r of row.reviews) saved.set(r.key, (saved.get(r.key) ?? new Map<number, ReviewEntry>()).set(app.id, r));
        applications++;
        appendAudit(db, ws.actor, 'application', app.id, 'review-import', {
          file,
          experts: row.reviews.map((r) => r.expert),
          changed: writes.filter((w) => w !== 'same').length,
        });
        if (canMove(db, 'application', app.id, 'review')) move(db, ws.actor, 'application', app.id, 'review', { file });
        else if (app.status !== 'reviewed') {
          const settled = LISTED_STATUSES.has(app.status);
          notes.push({
            code: settled ? 'review-after-shortlist' : 'review-not-eligible',
            severity: 'warning',
            message: msg(settled ? 'workflow.review.afterShortlist' : 'workflow.review.notEligible', { id: app.id }),
            cell: row.cell,
          });
        }
      }
      notes.push(...replaceUnnamed(ws, round, sheet.experts, saved));
      return {
        file,
        outcome: 'imported',
        id: fileId,
        title: msg('workflow.review.fileTitle', { applications, experts: sheet.experts.length }),
        ...countBySeverity(notes),
        problems: notes,
      };
    },
  };
}

/** `review import`: expert scores, each sheet one transaction. */
export function importReviews(
  ws: Workspace,
  files: readonly string[],
  run: { round: number; onProgress?: (done: number, total: number, file: string) => void; stopRequested?: () => boolean },
): Promise<FileResult[]> {
  return importBatch(ws.db, files, reviewKind(ws, run.round), {
    round: run.round,
    actor: ws.actor,
    dbFile: ws.dbFile,
    ...(run.onProgress ? { onProgress: run.onProgress } : {}),
    ...(run.stopRequested ? { stopRequested: run.stopRequested } : {}),
  });
}
