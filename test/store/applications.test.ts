/** The list of a round reads its five fields from the index of migration 6, and reads them right. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { unitNameOf } from '../../src/core/application.js';
import { LIST_SUMMARY_SQL, listApplications, listApplicationSummaries } from '../../src/store/applications.js';
import { openStore } from '../../src/store/open.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/tmp.js';

const SAMPLES = path.resolve('data/samples/applications');

describe('listApplicationSummaries', () => {
  it('reads the studio, unit, lead and occupation of the form in effect from the covering index, as the forms say', async () => {
    const db = path.join(tempDir(), 'g.db');
    const r = await runCli(['--db', db, '--round', '2026', 'apply', 'import', SAMPLES, '--received', '2026-05-20']);
    expect(r.code, r.stderr).toBe(0);
    const store = openStore(db);
    const plan = (store.prepare(`EXPLAIN QUERY PLAN ${LIST_SUMMARY_SQL}`).all(2026) as { detail: string }[]).map((p) => p.detail);
    expect(plan).toContainEqual(expect.stringContaining('COVERING INDEX application_versions_list'));
    const summaries = listApplicationSummaries(store, 2026);
    const forms = listApplications(store, 2026);
    expect(summaries.length).toBeGreaterThan(5);
    expect(summaries.map((s) => [s.id, s.studioName, s.unitName, s.leadName, s.leadOccupation])).toEqual(
      forms.map((f) => {
        const a = f.current.parsed.application;
        return [f.id, a.studioName, unitNameOf(a), a.lead.name, a.lead.occupation];
      }),
    );
    store.close();
  });
});
