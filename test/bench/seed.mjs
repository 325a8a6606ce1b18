/**
 * Writes assessments straight into a database with gongshu's own store functions (from dist/), as
 * `assess import` would store them: 10,000 workbooks would take minutes to generate and import, and the
 * scoring benchmark is about scoring. Each is a sample assessment with its own studio and lead.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export async function seedAssessments(root, gen, dbFile, round, total, from) {
  const load = (rel) => import(pathToFileURL(path.join(root, 'dist', rel)).href);
  const { openStore } = await load('store/open.js');
  const { nameKey } = await load('core/text.js');
  const { insertAssessment, insertAssessmentVersion } = await load('store/assessments.js');
  const { insertFormerStudio } = await load('store/studios.js');
  const db = openStore(dbFile);
  const actor = { user: 'bench', command: 'bench seed' };
  try {
    db.transaction(() => {
      for (let i = from; i < total; i++) {
        const a = gen.assessment(i);
        const studioId = insertFormerStudio(db, {
          name: a.studioName,
          nameKey: nameKey(a.studioName),
          leadName: a.leadName,
          leadKey: nameKey(a.leadName),
          unitName: a.unitName ?? '',
          selectionYear: a.selectionYear,
        });
        const id = insertAssessment(db, studioId, round);
        const sha256 = i.toString(16).padStart(64, '0');
        insertAssessmentVersion(db, id, { file: `考核表-${i + 1}.xlsx`, sha256, sheet: '', assessment: a, problems: [] }, actor);
      }
    })();
  } finally {
    db.close();
  }
}
