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
import { purgeRound } from '../../src/store/purge.js';
import { createOutput } from '../../src/ui/output.js';
import { idAsStoredNumber, SAMPLE_SPECS } from '../fixtures/make-samples.js';
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

/**
 * A whole past round through the real commands, every place personal data reaches: applications with an
 * override, a shortlist change and an objection whose reasons quote numbers in clerks' spellings, expert
 * reviews, certified and paid studios, assessed studios with the lead's birth month on file. After the
 * purge, the file's bytes hold none of it; counts, grades, plaques, payments and the audit chain stay.
 */
describe('gongshu db purge of a round that went all the way', () => {
  const ROUND = '2025';
  const REASONS = {
    override: '专家委员会同意，已电话 138-1234-5678 核实',
    shortlist: '评审委员会决定，联系人 139 0000 1111',
    objection: '来信人身份证 330105 19750615 0010',
    resolution: '经核实不属实，已回电 ＋８６ １３７１１１１２２２２',
  };
  const EXPERTS = ['王明', '李华', '张强', '赵敏', '陈刚'];
  const BIRTH = '1963-04';

  async function fullRound(dir: string) {
    const db = path.join(dir, 'g.db');
    const cli = async (...args: string[]) => {
      const r = await runCli(['--db', db, '--round', ROUND, ...args]);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      return r;
    };
    await cli('apply', 'import', path.join(SAMPLES, 'applications'), '--received', `${ROUND}-05-20`);
    await cli('apply', 'override', '5', 'retirement-margin', '--reason', REASONS.override);
    await cli('review', 'import', path.join(SAMPLES, 'reviews'));
    await cli('shortlist', 'remove', '9', '--reason', REASONS.shortlist);
    await cli('shortlist', '--min-score', '75');
    await cli('shortlist', 'confirm');
    await cli('publicize', '--from', `${ROUND}-06-02`);
    await cli('object', '2', '--reason', REASONS.objection);
    await cli('object', '2', '--resolve', '--reason', REASONS.resolution);
    await cli('certify', '--date', `${ROUND}-06-20`);
    await cli('subsidy', 'paid', `GS-${ROUND}-001`, '--date', `${ROUND}-07-15`);
    await cli('assess', 'import', path.join(SAMPLES, 'assessments'), '--new-studios');
    await cli('assess', 'set', '1', '--lead-birth', BIRTH, '--lead-gender', '男');
    await cli('score', 'confirm');
    return { db, cli };
  }

  /** Every personal value of the round as it was typed, so as it sits in the file (an ID typed as a number: what Excel kept of it). */
  const typed = (): string[] => [
    ...SAMPLE_SPECS.flatMap((s) => {
      const a = s.application;
      const id = s.problem === 'id-stored-as-number' ? idAsStoredNumber(a.lead.idNumber) : a.lead.idNumber;
      return [id, a.lead.mobile, a.lead.phone, a.unit.mobile, a.unit.phone, a.unit.contact, a.unit.email, ...a.members.map((m) => m.name)];
    }),
    ...Object.values(REASONS),
  ].filter((v) => v && v.length >= 2);
  /** The numbers of the reasons as digits only, in case any copy of them was normalised on the way in. */
  const NORMALISED = ['13812345678', '13900001111', '13711112222', '330105197506150010'];
  const personal = (): string[] => [...typed(), ...NORMALISED];

  it('leaves none of its personal data in the file, keeps counts, grades, plaques, payments and the audit chain', async () => {
    const dir = tempDir();
    const { db, cli } = await fullRound(dir);
    const before = bytesOf(db);
    // Sanity: the round really put every one of its people and reasons in the file.
    expect(typed().filter((v) => !before.includes(Buffer.from(v, 'utf8')))).toEqual([]);
    const present = personal().filter((v) => before.includes(Buffer.from(v, 'utf8')));
    const studiosBefore = json<{ plaque: string | null; status: string; subsidyPaidOn: string | null; leadIdNumber: string }[]>((await cli('studios', 'list', '--json')).stdout);
    expect(studiosBefore.filter((s) => s.leadIdNumber).length).toBe(4);
    const scoresBefore = json<{ id: number; total: number; grade: string }[]>((await cli('score', '--json')).stdout);

    const r = await cli('db', 'purge', '--yes');
    expect(r.stderr).toContain('以及 5 个工作室登记的领衔人身份证号码、出生年月和性别');

    const after = bytesOf(db);
    expect(present.filter((v) => after.includes(Buffer.from(v, 'utf8')))).toEqual([]);
    expect(after.includes(Buffer.from(BIRTH))).toBe(false);
    const conn = new Database(db, { readonly: true });
    // The experts' names are gone from the scores and the sheets' names; the audit log, which records
    // which sheet was imported and whose marks it held, keeps them (names, never numbers).
    const reviewText = JSON.stringify([conn.prepare('SELECT expert, expert_key FROM reviews').all(), conn.prepare('SELECT file FROM review_files').all()]);
    expect(EXPERTS.filter((e) => reviewText.includes(e))).toEqual([]);
    expect(conn.pragma('freelist_count', { simple: true })).toBe(0);
    expect(conn.prepare('SELECT COUNT(*) AS n FROM upkeep').get()).toEqual({ n: 0 });
    expect(conn.prepare("SELECT COUNT(*) AS n FROM studios WHERE lead_id_number <> '' OR lead_birth IS NOT NULL OR lead_gender IS NOT NULL").get()).toEqual({ n: 0 });
    conn.close();

    // What the bureau must still show.
    const studiosAfter = json<typeof studiosBefore>((await cli('studios', 'list', '--json')).stdout);
    expect(studiosAfter.map((s) => [s.plaque, s.status, s.subsidyPaidOn])).toEqual(studiosBefore.map((s) => [s.plaque, s.status, s.subsidyPaidOn]));
    expect(json<typeof scoresBefore>((await cli('score', '--json')).stdout).map((s) => [s.id, s.total, s.grade])).toEqual(scoresBefore.map((s) => [s.id, s.total, s.grade]));
    const check = await cli('db', 'check');
    expect(check.stderr).toMatch(/操作日志 \d+ 条，校验链完整/u);
    const again = await cli('db', 'purge', '--yes');
    expect(again.stderr).toContain(`${ROUND} 年度没有可清除的个人信息`);
  }, 120_000);

  it('finishes a VACUUM that was cut off: on the next start, and on the next purge', async () => {
    const dir = tempDir();
    const { db } = await fullRound(dir);
    // The state a kill during VACUUM leaves (VACUUM is atomic: the purge is committed, the file not yet rewritten).
    const store = openStore(db);
    store.transaction(() => {
      purgeRound(store, Number(ROUND), { user: 'test', command: 'gongshu db purge' }, '（已清除）');
      store.prepare("INSERT INTO upkeep (task, since) VALUES ('vacuum', datetime('now'))").run();
    }).immediate();
    expect(store.pragma('freelist_count', { simple: true })).toBeGreaterThan(0);
    store.close();
    // Zeroed by secure_delete already, before any VACUUM.
    expect(personal().filter((v) => v.length >= 8 && bytesOf(db).includes(Buffer.from(v, 'utf8')))).toEqual([]);

    expect((await runCli(['--db', db, '--round', ROUND, 'apply', 'list'])).code).toBe(0);
    const next = new Database(db);
    expect(next.pragma('freelist_count', { simple: true })).toBe(0);
    expect(next.prepare('SELECT COUNT(*) AS n FROM upkeep').get()).toEqual({ n: 0 });
    // Free pages from elsewhere, no mark: the next purge, with nothing left to clear, still rewrites the file.
    next.exec("CREATE TABLE scratch (x); INSERT INTO scratch SELECT zeroblob(4000) FROM (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200) SELECT i FROM n); DROP TABLE scratch;");
    expect(next.pragma('freelist_count', { simple: true })).toBeGreaterThan(0);
    next.close();
    const purge = await runCli(['--db', db, '--round', ROUND, 'db', 'purge', '--yes']);
    expect(purge.stderr).toContain('没有可清除的个人信息');
    expect(purge.stderr).toContain('现已整理完毕');
    const last = new Database(db, { readonly: true });
    expect(last.pragma('freelist_count', { simple: true })).toBe(0);
    last.close();
  }, 120_000);
});

describe('gongshu db purge and the register of studios', () => {
  it("forgets a lead's birth month and gender with the studio's last round, not before", async () => {
    const db = path.join(tempDir(), 'g.db');
    const cli = async (round: string, ...args: string[]) => {
      const r = await runCli(['--db', db, '--round', round, ...args]);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      return r;
    };
    const lead = () => {
      const conn = new Database(db, { readonly: true });
      const rows = conn.prepare('SELECT name, lead_birth AS birth, lead_gender AS gender FROM studios ORDER BY id').all() as { name: string; birth: string | null; gender: string | null }[];
      conn.close();
      return new Map(rows.map((s) => [s.name, [s.birth, s.gender]]));
    };
    // The sample studios were selected in 2023: assessed in 2024, and one of them again in 2025.
    const [FIRST, NEXT] = ['2024', '2025'];
    const AGAIN = '钱卫东汽车维修工技能大师工作室';
    const ONCE = '蒋海波电工技能大师工作室';
    await cli(FIRST, 'assess', 'import', path.join(SAMPLES, 'assessments'), '--new-studios');
    const ids = json<{ id: number; studioName: string }[]>((await cli(FIRST, 'score', '--json')).stdout);
    const idOf = (name: string) => String(ids.find((a) => a.studioName === name)!.id);
    await cli(FIRST, 'assess', 'set', idOf(AGAIN), '--lead-birth', '1966-02', '--lead-gender', '男');
    await cli(FIRST, 'assess', 'set', idOf(ONCE), '--lead-birth', '1968-09', '--lead-gender', '男');
    // One of the two studios is assessed again the next year: its reminders still need the lead's birth month.
    await cli(NEXT, 'assess', 'import', path.join(SAMPLES, 'assessments', `考核表-${AGAIN}.xlsx`));

    expect((await cli(FIRST, 'db', 'purge', '--yes')).stderr).toContain('以及 1 个工作室登记的领衔人身份证号码、出生年月和性别');
    expect(lead().get(AGAIN)).toEqual(['1966-02', '男']);
    expect(lead().get(ONCE)).toEqual([null, null]);

    expect((await cli(NEXT, 'db', 'purge', '--yes')).stderr).toContain('以及 1 个工作室登记的领衔人身份证号码、出生年月和性别');
    expect(lead().get(AGAIN)).toEqual([null, null]);
  });
});
