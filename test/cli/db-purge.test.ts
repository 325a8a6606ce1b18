/**
 * `gongshu db purge --round YEAR`: a past round's personal data is gone from the database file itself,
 * the counts, verdicts, scores and the audit log stay, other rounds are untouched; it asks first, refuses
 * to run unattended without --yes, and is logged.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { makeDbPurge, terminalConfirmer, type Confirmer } from '../../src/cli/db.js';
import { createContext, type CliContext } from '../../src/cli/context.js';
import { openStore } from '../../src/store/open.js';
import { createOutput } from '../../src/ui/output.js';
import { SAMPLE_SPECS } from '../fixtures/make-samples.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/tmp.js';

const SAMPLES = fileURLToPath(new URL('../../data/samples/', import.meta.url));
const PAST = '2020';
const OTHER = '2021';

/** Everything personal the samples hold, as it would appear in the file's bytes. */
const PERSONAL = SAMPLE_SPECS.flatMap((s) => [
  s.application.lead.idNumber,
  s.application.lead.mobile,
  s.application.unit.mobile,
  s.application.lead.workHistory.split('\n')[0]!,
  ...s.application.members.map((m) => m.experience),
]).filter((v) => v.length >= 8);

async function setup() {
  const dir = tempDir();
  const db = path.join(dir, 'g.db');
  for (const round of [PAST, OTHER]) {
    expect((await runCli(['--db', db, '--round', round, 'apply', 'import', path.join(SAMPLES, 'applications'), '--received', `${round}-05-20`])).code).toBe(0);
    expect((await runCli(['--db', db, '--round', round, 'assess', 'import', path.join(SAMPLES, 'assessments'), '--new-studios'])).code).toBe(0);
  }
  return { dir, db };
}

const json = <T>(text: string): T => JSON.parse(text) as T;

function bytesOf(db: string): Buffer {
  return fs.readFileSync(db);
}

function occurrences(bytes: Buffer, value: string): number {
  return bytes.toString('latin1').split(Buffer.from(value).toString('latin1')).length - 1;
}

function personalIn(bytes: Buffer): string[] {
  return PERSONAL.filter((v) => bytes.includes(Buffer.from(v, 'utf8')));
}

interface ListedApp {
  id: number;
  studioName: string;
  unit: { name: string };
  lead: { idNumber: string; mobile: string; birth: string };
  members: unknown[];
  eligibility: string;
}

describe('gongshu db purge', () => {
  it('deletes the personal data of one past round, keeps its counts, verdicts and scores, and leaves other rounds alone', async () => {
    const { db } = await setup();
    const listBefore = json<ListedApp[]>((await runCli(['--db', db, '--round', PAST, 'apply', 'list', '--json'])).stdout);
    const scoresBefore = json<{ id: number; total: number; grade: string }[]>((await runCli(['--db', db, '--round', PAST, 'score', '--json'])).stdout);
    // (The sample whose ID was typed as a number holds only what Excel kept of it.)
    const before = bytesOf(db);
    const present = personalIn(before);
    expect(present.length).toBeGreaterThanOrEqual(PERSONAL.length - 1);

    const r = await runCli(['--db', db, '--round', PAST, 'db', 'purge', '--yes']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`将清除 ${PAST} 年度 10 份申报（10 个版本）和 4 份考核表（4 个版本）中的个人信息`);
    expect(r.stderr).toMatch(/已清除 2020 年度 10 份申报和 4 份考核表中的个人信息（已记入操作日志）。保留的统计：申报 10 份（合格 \d+、待确认 \d+、不合格 \d+）/u);

    // What is left of the round: the same applications with the same verdicts, the public names, no person.
    const listAfter = json<ListedApp[]>((await runCli(['--db', db, '--round', PAST, 'apply', 'list', '--json'])).stdout);
    expect(listAfter.map((a) => [a.id, a.studioName, a.unit.name, a.eligibility])).toEqual(listBefore.map((a) => [a.id, a.studioName, a.unit.name, a.eligibility]));
    for (const a of listAfter) {
      expect(a.lead).toMatchObject({ idNumber: '', mobile: '', birth: '' });
      expect(a.members).toEqual([]);
    }
    const scoresAfter = json<{ id: number; total: number; grade: string; leadName: string }[]>((await runCli(['--db', db, '--round', PAST, 'score', '--json'])).stdout);
    expect(scoresAfter.map((s) => [s.id, s.total, s.grade])).toEqual(scoresBefore.map((s) => [s.id, s.total, s.grade]));

    // Checking the round again does not turn the emptied forms into missing-field errors.
    expect((await runCli(['--db', db, '--round', PAST, 'apply', 'validate'])).code).toBe(0);
    const validated = json<ListedApp[]>((await runCli(['--db', db, '--round', PAST, 'apply', 'list', '--json'])).stdout);
    expect(validated.map((a) => a.eligibility)).toEqual(listBefore.map((a) => a.eligibility));

    // Not in the file any more, not even in free pages: only the other round's copies remain.
    const conn = new Database(db, { readonly: true });
    const otherRound = (conn.prepare('SELECT v.data FROM application_versions v JOIN applications a ON a.id = v.application_id WHERE a.round = ?').all(Number(OTHER)) as { data: string }[]).map((x) => x.data).join('');
    const purgedRound = (conn.prepare("SELECT v.data, v.problems, a.findings, COALESCE(a.lead_id_key, '') || a.lead_name_key AS keys FROM application_versions v JOIN applications a ON a.id = v.application_id WHERE a.round = ?").all(Number(PAST)) as Record<string, string>[]).map((x) => Object.values(x).join('')).join('');
    const audit = conn.prepare("SELECT user, command, detail FROM audit_log WHERE entity = 'round' AND action = 'purge'").all() as { command: string; detail: string }[];
    const importsLogged = (conn.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'import'").get() as { n: number }).n;
    conn.close();
    for (const v of present) {
      expect(purgedRound, v).not.toContain(v);
      expect(otherRound, v).toContain(v);
    }
    // No stray copy in free pages either: the file holds each ID number no more often than the live rows do
    // (2021's data, and its lead's ID key twice: the table and its index; fewer when a row's text is split
    // across overflow pages).
    const live = new Database(db, { readonly: true });
    const liveText = [
      ...(live.prepare('SELECT data, problems, file FROM application_versions UNION ALL SELECT data, problems, file FROM assessment_versions').all() as Record<string, string>[]).flatMap(Object.values),
      ...(live.prepare("SELECT findings, COALESCE(lead_id_key, '') AS id_key, COALESCE(lead_id_key, '') AS indexed FROM applications").all() as Record<string, string>[]).flatMap(Object.values),
      ...(live.prepare('SELECT detail FROM audit_log').all() as Record<string, string>[]).flatMap(Object.values),
    ].join('\n');
    live.close();
    for (const v of present.filter((p) => /^\d{17}[\dX]$/u.test(p))) {
      expect(occurrences(bytesOf(db), v), v).toBeLessThanOrEqual(occurrences(Buffer.from(liveText), v));
      expect(occurrences(bytesOf(db), v), v).toBeLessThan(occurrences(before, v));
    }
    expect(audit).toHaveLength(1);
    expect(audit[0]!.command).toBe('gongshu db purge');
    expect(json<Record<string, unknown>>(audit[0]!.detail)).toMatchObject({ round: Number(PAST), applications: 10, versions: 10, assessments: 4, assessmentVersions: 4, counts: { applications: 10 } });
    expect(importsLogged).toBe(28);

    const again = await runCli(['--db', db, '--round', PAST, 'db', 'purge', '--yes']);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('2020 年度没有可清除的个人信息');
  });

  it('refuses to run unattended without --yes, without a round, or on a round not yet over', async () => {
    const { db } = await setup();
    const before = bytesOf(db);
    const unattended = await runCli(['--db', db, '--round', PAST, 'db', 'purge']);
    expect(unattended.code).toBe(2);
    expect(unattended.stderr).toContain('当前不是交互式终端，无法询问。确认无误后请加 --yes 重新运行：gongshu db purge --round 2020 --yes');
    const noRound = await runCli(['--db', db, 'db', 'purge', '--yes']);
    expect(noRound.code).toBe(2);
    expect(noRound.stderr).toContain('请用 --round 指定要清除个人信息的年度');
    const thisYear = String(new Date().getFullYear());
    const current = await runCli(['--db', db, '--round', thisYear, 'db', 'purge', '--yes']);
    expect(current.code).toBe(1);
    expect(current.stderr).toContain(`${thisYear} 年度尚未结束`);
    expect(bytesOf(db).equals(before)).toBe(true);
    expect(terminalConfirmer.interactive()).toBe(false);
  });

  it('asks on a terminal: no keeps everything, yes purges; and it names the backups that still hold the data', async () => {
    const { dir, db } = await setup();
    fs.writeFileSync(path.join(dir, 'g.db.before-v3-2026-01-01.bak'), 'copy');
    const asked: string[] = [];
    const confirmer = (answer: boolean): Confirmer => ({ interactive: () => true, confirm: async (m) => (asked.push(m), answer) });
    const context = (): { ctx: CliContext; err: string[] } => {
      const err: string[] = [];
      const out = createOutput({ stdout: { write: () => true }, stderr: { write: (s: string) => err.push(s) }, env: { NO_COLOR: '1' } });
      const ctx = createContext({ db, round: PAST }, { command: 'db purge', out });
      return { ctx, err };
    };
    const before = bytesOf(db);
    const no = context();
    expect(await makeDbPurge(confirmer(false))(no.ctx, [], {})).toBe(0);
    expect(asked).toEqual(['确定清除 2020 年度的个人信息吗？']);
    expect(no.err.join('')).toContain('已取消，未做任何修改');
    expect(personalIn(bytesOf(db))).toEqual(personalIn(before));

    const yes = context();
    expect(await makeDbPurge(confirmer(true))(yes.ctx, [], {})).toBe(0);
    expect(yes.err.join('')).toContain('已清除 2020 年度');
    expect(yes.err.join('')).toContain('以下备份文件中仍有这些个人信息');
    expect(yes.err.join('')).toContain('g.db.before-v3-2026-01-01.bak');
  });
});
