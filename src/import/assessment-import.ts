/**
 * Assessment (考核表) import. An assessment is linked to its studio by studio name and lead name; a
 * studio certified before gongshu was used is created from the form's basic info, with a warning.
 */
import type { Finding } from '../core/finding.js';
import type { Rubric } from '../core/rubric.js';
import { nameKey } from '../core/text.js';
import { msg } from '../messages/index.js';
import { scoreAssessment, type ScoreSettings } from '../scoring/index.js';
import { settingsFor } from '../services/scoring.js';
import {
  findAssessmentId,
  findAssessmentVersionBySha,
  findStudio,
  insertAssessment,
  insertAssessmentVersion,
  insertStudio,
} from '../store/assessments.js';
import { appendAudit } from '../store/audit.js';
import type { Db } from '../store/open.js';
import { countBySeverity, importBatch, type BatchOptions, type FileResult, type ImportKind } from './batch.js';

function assessmentKind(rubric: Rubric, options: BatchOptions): ImportKind<'assessment'> {
  let settings: ScoreSettings | undefined;
  return {
    name: 'assessment',
    parseArg: rubric,
    alreadyImported(db, round, sha256) {
      const found = findAssessmentVersionBySha(db, round, sha256);
      return found && { id: found.assessmentId, version: found.version };
    },
    write(db, file, source, assessment, problems): FileResult {
      const notes: Finding[] = [...problems];
      const nameK = nameKey(assessment.studioName);
      const leadK = nameKey(assessment.leadName);
      let studio = findStudio(db, nameK, leadK);
      if (!studio) {
        const studioId = insertStudio(db, {
          name: assessment.studioName,
          nameKey: nameK,
          leadName: assessment.leadName,
          leadKey: leadK,
          unitName: assessment.unitName ?? '',
          selectionYear: assessment.selectionYear,
          createdFrom: 'assessment',
        });
        appendAudit(db, options.actor, 'studio', studioId, 'create-from-assessment', { file });
        notes.push({
          code: 'studio-created-from-assessment',
          severity: 'warning',
          message: msg('cli.assess.studioCreated', { name: assessment.studioName, lead: assessment.leadName }),
          field: 'studioName',
          cell: assessment.cells?.studioName,
        });
        studio = { id: studioId } as NonNullable<typeof studio>;
      }
      const found = findAssessmentId(db, studio.id, options.round);
      const id = found ?? insertAssessment(db, studio.id, options.round);
      const version = insertAssessmentVersion(db, id, { file, sha256: source.sha256, sheet: '', assessment, problems: notes }, options.actor);
      appendAudit(db, options.actor, 'assessment', id, found ? 'new-version' : 'import', { file, sha256: source.sha256, version });
      // Scores like 八分, -2 or 12 of 10 are said at once, with their cell, as `gongshu score` will say them;
      // they are computed again when scoring, so only the reader's notes are stored.
      const scored = scoreAssessment(assessment, rubric, (settings ??= settingsFor(db, options.round, rubric)), {});
      const shown = [...notes, ...scored.findings.filter((f) => f.severity !== 'info')];
      return { file, outcome: found ? 'new-version' : 'imported', id, version, title: assessment.studioName, ...countBySeverity(shown), problems: shown };
    },
  };
}

export function importAssessmentFiles(db: Db, files: readonly string[], rubric: Rubric, options: BatchOptions): Promise<FileResult[]> {
  return importBatch(db, files, assessmentKind(rubric, options), options);
}
