/**
 * Masking that cannot be dodged: an ID or mobile number spelt every way a clerk or a unit types it (spaces,
 * dashes, dots, full-width digits, +86 / 0086, invisible characters between the digits) is fed in through
 * file names, unit names, a lead's mobile and every typed reason, and a round is taken through to paid
 * plaques. No screen, no menu picker, no export that is not --full and no audit entry shows it whole.
 */
import { answer, ctrlC, enter, pick, shown, startMenu } from '../cli/interactive/harness.js';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { makeIdNumber } from '../fixtures/make-samples.js';
import { runCli } from '../helpers/run-cli.js';
import fc from 'fast-check';
import { normalisedDigits } from '../../src/core/personal-numbers.js';
import { FULL_NUMBER, idSpellings, mobileSpellings, spelledArb, undodged } from '../helpers/spellings.js';
import { tempDir } from '../helpers/tmp.js';
import { cellTexts } from '../helpers/workbooks.js';
import { paragraphs, unzip } from '../helpers/docx-text.js';

const SAMPLES = fileURLToPath(new URL('../../data/samples/', import.meta.url));
const MOBILE = '13857106218';
const ID = makeIdNumber('330105', '1976-03-08', 71);
/** An ID whose check character is X: written with ×, ✕, Cyrillic Х, Greek Χ … */
const ID_X = '33010519841021191X';
/**
 * The list's spellings first (the file names take the first ten), then the red team's and generated ones:
 * every digit form, X-like character and separator run the recogniser reads by principle.
 */
const SPELLINGS = [
  ...mobileSpellings(MOBILE),
  ...idSpellings(ID),
  ...['×', '✕', 'Х', 'Χ'].map((x) => `${ID_X.slice(0, 17)}${x}`),
  `${MOBILE.slice(0, 3)}/${MOBILE.slice(3, 7)}/${MOBILE.slice(7)}`,
  `(${MOBILE.slice(0, 3)})${MOBILE.slice(3, 7)}-${MOBILE.slice(7)}`,
  `0${MOBILE}`,
  `${MOBILE.slice(0, 3)} -  - ${MOBILE.slice(3)}`,
  ...fc.sample(spelledArb(MOBILE, ['', '+86 ', '（0086）', '0']), { numRuns: 6, seed: 20 }),
  ...fc.sample(spelledArb(ID_X), { numRuns: 4, seed: 20 }),
];
/** The applications the sample review sheets take through to plaques. */
const CERTIFIED = [1, 2, 3, 8];

/** Lines of `text` that hold a whole ID or mobile number once every spelling trick is undone. */
function leaks(text: string): string[] {
  const whole = normalisedDigits(text);
  return [
    ...text.split('\n').filter((line) => FULL_NUMBER.test(undodged(line))),
    // After the recogniser's own normalisation (digit forms, X-like characters, separators of any kind and
    // length, line breaks) none of the planted numbers is there.
    ...[MOBILE, ID, ID_X].filter((n) => whole.includes(n)),
  ];
}

describe('every spelling of a personal number', () => {
  it('is masked on every screen, in the menu, in every export and in the audit log', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'g.db');
    const outputs: [string, string][] = [];
    const cli = async (...args: string[]) => {
      const r = await runCli(['--db', db, '--round', '2026', ...args]);
      outputs.push([args.join(' '), r.stdout + r.stderr]);
      expect(r.stderr, args.join(' ')).not.toMatch(/程序内部错误|^\s+at /mu);
      return r;
    };
    const ok = async (...args: string[]) => {
      const r = await cli(...args);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      return r;
    };
    const spelt = (i: number): string => SPELLINGS[i % SPELLINGS.length]!;

    // File names: each sample form under a name carrying a number.
    const inbox = path.join(dir, '收件箱');
    fs.mkdirSync(inbox);
    fs.readdirSync(path.join(SAMPLES, 'applications')).sort().forEach((f, i) => {
      fs.copyFileSync(path.join(SAMPLES, 'applications', f), path.join(inbox, f.replace('.xlsx', `-${spelt(i)}.xlsx`)));
    });
    await ok('apply', 'import', inbox, '--received', '2026-05-20');
    // Unit names (on every list and public export): every spelling, spread over the applications that get plaques.
    const listed = JSON.parse((await runCli(['--db', db, '--round', '2026', 'apply', 'list', '--json'])).stdout) as { id: number; unit: { name: string } }[];
    for (const [k, id] of CERTIFIED.entries()) {
      const mine = SPELLINGS.filter((_, i) => i % CERTIFIED.length === k);
      const unit = `${listed.find((a) => a.id === id)!.unit.name}（联系 ${mine.join('，')}）`;
      await ok('apply', 'set', String(id), `单位全称=${unit}`, `领衔人手机=${mine[0]}`, '--reason', `单位来电 ${mine[1]} 更正`);
    }
    // Every typed reason.
    await ok('apply', 'override', '5', 'retirement-margin', '--reason', `已电话 ${SPELLINGS.join('、')} 核实`);
    await ok('review', 'import', path.join(SAMPLES, 'reviews'));
    await ok('shortlist', 'remove', '9', '--reason', `评审委员会决定，联系人 ${spelt(2)}，身份证${ID_X.slice(0, 17)}× 核对`);
    await ok('shortlist', '--min-score', '75');
    await ok('shortlist', 'confirm');
    await ok('publicize', '--from', '2026-06-02');
    await ok('object', '2', '--reason', `来信人 ${spelt(13)}，电话 ${spelt(6)}`);
    await ok('object', '2', '--resolve', '--reason', `经核实不属实，已回电 ${spelt(9)}`);
    await ok('certify', '--date', '2026-06-20');
    await ok('subsidy', 'paid', 'GS-2026-001', '--date', '2026-07-15');

    // Sanity: the numbers are stored as typed, so masking is what keeps them off every screen.
    const conn = new Database(db, { readonly: true });
    const stored = (conn.prepare('SELECT data FROM application_versions').all() as { data: string }[]).map((r) => JSON.parse(r.data) as unknown);
    const audit = conn.prepare('SELECT user, command, detail FROM audit_log').all() as Record<string, string>[];
    conn.close();
    const storedText = JSON.stringify(stored);
    for (const s of SPELLINGS) expect(storedText, JSON.stringify(s)).toContain(JSON.stringify(s).slice(1, -1));

    // Every screen.
    for (const args of [['apply', 'list'], ['apply', 'validate'], ['review', 'list'], ['studios', 'list'], ['studios', 'due', '--date', '2029-05-01'], ['round', 'show'], ['db', 'check']]) await ok(...args);
    for (let id = 1; id <= 10; id++) await ok('apply', 'show', String(id), '--history');
    for (const id of ['1', '2', '5', '9']) await ok('history', id);
    await ok('history', 'GS-2026-001', '--studio');
    // Every export that is not --full.
    const exports: string[] = [];
    for (const [what, ...extra] of [['review'], ['shortlist'], ['shortlist', '--internal'], ['subsidy']]) {
      const file = path.join(dir, `${what}${extra.join('')}.xlsx`);
      await ok('export', what!, ...extra, '-o', file);
      exports.push(file);
    }
    const noticeFile = path.join(dir, 'notice.docx');
    await ok('export', 'notice', '-o', noticeFile);
    const notice = paragraphs(unzip(fs.readFileSync(noticeFile)).get('word/document.xml')!.toString('utf8')).join('\n');

    // The menu: the list of applications with their units, one application, a waiver's reason, an application's log.
    const screens: string[] = [];
    const run = await startMenu({ dir, db });
    await pick('查看申报与问题');
    screens.push(shown());
    await pick('#1 ');
    await pick('返回主菜单');
    await pick('操作记录与撤销');
    await pick('一份申报');
    screens.push(shown());
    await pick('#2 ');
    screens.push(shown());
    await enter(); // do not undo
    await pick('形式审查');
    await pick('撤销一项豁免');
    screens.push(shown());
    await pick('#5 ');
    screens.push(shown());
    await answer('');
    screens.push(shown());
    ctrlC();
    expect(await run.done).toBe(0);
    outputs.push(['menu', run.printed()], ...screens.map((s): [string, string] => ['menu screen', s]));

    const everything = outputs.map(([, text]) => text).join('\n');
    // The masked forms are there: the screens did show the units, reasons and numbers, just not whole.
    expect(everything).toContain('138****6218');
    expect(everything).toContain(`${ID.slice(0, 6)}********${ID.slice(-4)}`);
    for (const [args, text] of outputs) expect(leaks(text), `gongshu ${args}`).toEqual([]);
    expect(notice).toContain('138****6218');
    expect(leaks(notice), 'export notice').toEqual([]);
    for (const file of exports) {
      const cells = await cellTexts(file);
      expect(cells.join('\n'), path.basename(file)).toContain('138****6218');
      expect(cells.filter((c) => leaks(c).length > 0), path.basename(file)).toEqual([]);
    }
    const auditText = audit.map((e) => Object.values(e).join(' ').replace(/[0-9a-f]{64}/gu, '')).join('\n');
    expect(auditText).toContain('138****6218');
    expect(leaks(auditText)).toEqual([]);
  }, 120_000);
});
