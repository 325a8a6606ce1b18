import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open.js';
import { allStudios, getStudio, insertFormerStudio, setLeadLeft, STUDIO_COLUMNS } from '../../src/store/studios.js';
import { tempDir } from '../helpers/tmp.js';

describe('allStudios (many studios read as arrays)', () => {
  it('gives each studio exactly as getStudio does, keys in the same order, and leaves the statement as the others read it', () => {
    const db = openStore(path.join(tempDir(), 'g.db'));
    for (let i = 1; i <= 3; i++) {
      insertFormerStudio(db, { name: `工作室${i}`, nameKey: `工作室${i}`, leadName: `人${i}`, leadKey: `人${i}`, unitName: i === 2 ? '' : `单位${i}`, selectionYear: i === 3 ? null : 2020 + i });
    }
    setLeadLeft(db, 2, true);
    db.prepare("UPDATE studios SET plaque = 'GS-2026-001', subsidy_yuan = 50000, lead_gender = '女', lead_female_group = 'cadre' WHERE id = 3").run();
    const sql = `SELECT ${STUDIO_COLUMNS} FROM studios WHERE id IN (?, ?, ?) ORDER BY id`;
    const many = allStudios(db, sql, 1, 2, 3);
    expect(many.map((s) => JSON.stringify(s))).toEqual([1, 2, 3].map((id) => JSON.stringify(getStudio(db, id))));
    expect(many[1]!.leadLeft).toBe(true);
    expect(many[0]!.leadLeft).toBe(false);
    // The same (cached) statement read the ordinary way still gives objects.
    expect(db.prepare(sql).get(1, 2, 3)).toMatchObject({ id: 1, name: '工作室1' });
    // Other columns: read as objects, leadLeft a boolean as always.
    expect(allStudios(db, 'SELECT id, name, lead_left AS leadLeft FROM studios WHERE id = ?', 2)).toEqual([{ id: 2, name: '工作室2', leadLeft: true }]);
    db.close();
  });
});
