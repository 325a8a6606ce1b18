/** Ctrl+C during a long import stops between files: what was saved stays, the clerk is told how to go on. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Workspace } from '../../src/services/context.js';
import { importApplications } from '../../src/services/import-applications.js';
import { listApplications } from '../../src/store/applications.js';
import { openStore } from '../../src/store/open.js';
import { makeApplication, makeLead } from '../helpers/application-factory.js';
import { idFor, roundDb } from '../helpers/round.js';
import { tempDir } from '../helpers/tmp.js';
import { writeApplicationWorkbook } from '../helpers/workbooks.js';

async function forms(dir: string, n: number): Promise<string[]> {
  const files: string[] = [];
  for (let i = 0; i < n; i++) {
    const day = String(i + 1).padStart(2, '0');
    const lead = makeLead({ name: `王${'一二三四五六七八九十'[i % 10]}${i}`, birth: '1975-03', idNumber: idFor(`197503${day}`) });
    files.push(await writeApplicationWorkbook(dir, `${day}.xlsx`, makeApplication({ unit: { name: `杭州第${i}机械有限公司` }, studioName: `${lead.name}数控车工技能大师工作室`, lead })));
  }
  return files;
}

describe('Ctrl+C during an import', () => {
  it('keeps the files written before the stop, reports the rest as not imported, and an import run again takes only those', async () => {
    const dir = tempDir();
    const files = await forms(dir, 8);
    const dbFile = path.join(dir, 'g.db');
    const ws: Workspace = { db: openStore(dbFile), dbFile, actor: { user: 't', command: 't' } };
    try {
      let done = 0;
      const results = await importApplications(ws, files, { round: 2026, receivedDate: '2026-05-20', onProgress: (d) => (done = d), stopRequested: () => done >= 2 }); // asked before file 4, when file 3 is announced
      expect(results.map((r) => r.outcome)).toEqual(['imported', 'imported', 'imported', ...Array(5).fill('not-imported')]);
      expect(results.slice(3).every((r) => r.error?.code === 'interrupted')).toBe(true);
      expect(listApplications(ws.db, 2026)).toHaveLength(3);
      expect(ws.db.inTransaction).toBe(false);
      const again = await importApplications(ws, files, { round: 2026, receivedDate: '2026-05-20' });
      expect(again.map((r) => r.outcome)).toEqual([...Array(3).fill('skipped'), ...Array(5).fill('imported')]);
      expect(listApplications(ws.db, 2026)).toHaveLength(8);
    } finally {
      ws.db.close();
    }
  });

  it('apply import on SIGINT prints what was saved and how to continue, exits 1, and the same command finishes the job', async () => {
    const r = roundDb();
    const folder = path.join(r.dir, 'inbox');
    await forms(folder, 6);
    const base = process.listenerCount('SIGINT');
    // The signal arrives as soon as the command listens for it, before the first file is written.
    const timer = setInterval(() => {
      if (process.listenerCount('SIGINT') > base) {
        clearInterval(timer);
        process.emit('SIGINT');
      }
    }, 0);
    const run = await r.cli('apply', 'import', folder, '--received', '2026-05-20');
    clearInterval(timer);
    expect(process.listenerCount('SIGINT')).toBe(base);
    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(run.stderr).toContain('收到 Ctrl+C：正在导入的文件写完后停止');
    expect(run.stdout).toContain('按 Ctrl+C 停止，未导入');
    expect(run.stderr).toMatch(/已按 Ctrl\+C 停止：\d+ 个文件已保存（见上表），\d+ 个未导入。再次运行同一命令即可继续/u);
    const again = await r.cli('apply', 'import', folder, '--received', '2026-05-20');
    expect(again.code, again.stderr).toBe(0);
    expect(await r.json<unknown[]>('apply', 'list')).toHaveLength(6);
  });
});
