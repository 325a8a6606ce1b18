/**
 * Expert review sheet (评审打分表) import. Rows are matched to applications by 编号 and checked against
 * the 工作室名称 printed next to it, so a sheet made from another database or another round cannot
 * put scores on the wrong applicant. An eligible application that gets scores moves to 已评审.
 */
import type { Finding } from '../core/finding.js';
import { aggregateReview, type ExpertReview } from '../core/review.js';
import { nameKey } from '../core/text.js';
import { msg } from '../messages/index.js';
import { countBySeverity, importBatch, type FileResult, type ImportKind } from './import-batch.js';
import { getApplication } from '../store/applications.js';
import { appendAudit } from '../store/audit.js';
import { findReviewFile, insertReviewFile, saveReview } from '../store/reviews.js';
import { canMove, move } from '../store/status.js';
import type { Workspace } from './context.js';
import { LISTED_STATUSES } from './shortlist.js';


/** Scores the aggregate will not count, reported at import so the clerk can have them corrected at once. */
function scoreProblems(reviews: readonly ExpertReview[]): Finding[] {
  return aggregateReview(reviews).findings.filter((f) => f.code === 'review-score-not-number' || f.code === 'review-score-out-of-range');
}

function reviewKind(ws: Workspace, round: number): ImportKind<'review'> {
  return {
    name: 'review',
    parseArg: undefined,
    alreadyImported(db, round, sha256) {
      const id = findReviewFile(db, round, sha256);
      return id === undefined ? undefined : { id, version: 1 };
    },
    write(db, file, source, sheet, problems): FileResult {
      const notes: Finding[] = [...problems];
      const fileId = insertReviewFile(db, round, file, source.sha256, ws.actor);
      let applications = 0;
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
