/**
 * The menu speaks of its own questions and entries: no message it can show names a command-line option or
 * tells the clerk to type a command. And no stored hint to type a command reaches a document.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { forFace, hasCommandText, withoutCommandHints } from '../../src/messages/command-text.js';
import { allMessages, msg, setFace, type MessageKey } from '../../src/messages/index.js';

/** Messages the menu never shows, each group with its reason. */
const NOT_IN_THE_MENU: RegExp[] = [
  /\.(opt|cmd|arg)\./u, // help of the commands
  /^cli\.(helpAfterError|apply\.override)$/u, // help of the commands
  /^rules\./u, // stored with the finding; the menu shows it through forFace()
  /^purge\./u, // db purge has no menu entry
  /^cli\.check\./u, // check has no menu entry
  /^cli\.set\.nothing$/u, // apply set has no menu entry
  /^workflow\.studios\.nothingToSet$/u, // the menu always asks the date
  /^records\.round\.nothing$/u, // round set: the menu asks for each setting
  /^cli\.demo\./u, // the demo runs the commands, the menu never shows its steps
  /^safety\.json\./u, // --json is the command line's
  /^safety\.restore\.needYes$/u, // the menu asks on its own terminal
  /^recovery\.paper\.(unreadable|withFile)$/u, // --witness is the command line's (db check has no menu entry)
];

afterEach(() => setFace('cli'));

describe('the menu face', () => {
  it('has no message that names an option or a command to type', () => {
    setFace('menu');
    const offending = Object.keys(allMessages())
      .filter((key) => !NOT_IN_THE_MENU.some((re) => re.test(key)))
      .filter((key) => hasCommandText(msg(key as MessageKey)));
    expect(offending).toEqual([]);
  });

  it('switches only the messages that have a menu wording', () => {
    const cliText = msg('workflow.shortlist.nothingToExport', { round: 2026 });
    expect(cliText).toContain('gongshu shortlist confirm');
    setFace('menu');
    expect(msg('workflow.shortlist.nothingToExport', { round: 2026 })).toBe('2026 年度还没有确认的拟认定名单。请先在“生成拟认定名单”中确认名单');
    expect(msg('cli.list.summary', { round: 2026, total: 1, eligible: 1, pending: 0, ineligible: 0 })).toBe('2026 年度共 1 份申报：合格 1，待确认 0，不合格 0');
  });
});

describe('command hints in stored texts', () => {
  it.each([
    ['尚未收到必交材料“身份证”。收到后请用 gongshu apply materials 5 --received id-cards 登记。', '尚未收到必交材料“身份证”。'],
    ['距截止日只有 10 个月，原则上应在 3 年以上。如确需放宽，请用 gongshu apply override 4 retirement-margin --reason 理由 豁免。', '距截止日只有 10 个月，原则上应在 3 年以上。'],
    ['已按女职工（原 50 岁组）计算；如属女干部（原 55 岁组），请执行 gongshu apply set 5 --female-group cadre 后重新审查。', '已按女职工（原 50 岁组）计算。'],
    ['本结果按逐项分值计算（基础满分 80 分）；如需更正，请用 --rubric 指定更正后的评分标准文件。', '本结果按逐项分值计算（基础满分 80 分）。'],
    ['有 1 条未处理的异议，请先处理（gongshu object 2 --resolve --reason "…"）', '有 1 条未处理的异议，请先处理'],
    ['电话 0571-88256383 不对；邮编 310000。', '电话 0571-88256383 不对；邮编 310000。'],
    ['第一行\n收到后请用 gongshu apply materials 5 --received x 登记。', '第一行'],
  ])('%j → %j', (text, expected) => {
    expect(withoutCommandHints(text)).toBe(expected);
    expect(hasCommandText(withoutCommandHints(text))).toBe(false);
  });

  it('keeps them on the command line and drops them in the menu', () => {
    const text = '尚未收到必交材料“身份证”。收到后请用 gongshu apply materials 5 --received id-cards 登记。';
    expect(forFace(text)).toBe(text);
    setFace('menu');
    expect(forFace(text)).toBe('尚未收到必交材料“身份证”。');
  });
});
