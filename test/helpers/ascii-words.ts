/**
 * Words a clerk would not understand: Latin words in what gongshu prints (rule codes like retirement-in-term,
 * field paths like members.3.skillLevel, option values like id-cards, 6m). Allowed: file names and paths,
 * command-line options and gongshu's command names (help and hints name them), the words of ALLOWED, e-mail
 * addresses, and what the clerk typed (test/helpers/screens.ts). What --json prints is for programs and is
 * not scanned (runCli scans only stderr then).
 */
import type { Command } from 'commander';
import { buildProgram } from '../../src/cli/program.js';

/** Latin words a clerk meets and knows, each for a reason. Keep this list short: fix the product instead. */
const ALLOWED = new Set([
  // The program's own name, as typed (gongshu apply import …) and as named in messages.
  'gongshu',
  // Products the clerk works with, named as their makers name them (打开 Excel/WPS, PDF 扫描件, SQLite 数据库).
  'Excel', 'Word', 'WPS', 'PDF', 'SQLite', 'JSON',
  // Keys on the keyboard, as printed on them (Ctrl+C 退出, Enter 确认, Esc 返回).
  'Ctrl', 'Enter', 'Esc',
  // A command the clerk is told to run to protect the database file (chmod 600), and the variable naming it.
  'chmod', 'GONGSHU_DB',
  // File types, named by their extension when a type is refused or offered (.xlsx, .et, .ods …).
  'xlsx', 'xls', 'docx', 'doc', 'eml', 'db', 'json', 'pdf', 'zip', 'et', 'wps', 'ods', 'odt',
  // File sizes (超过 50 MB), and GB also as the national standard's prefix (GB 11643 身份证号码).
  'KB', 'MB', 'GB',
]);

/** gongshu's command names (a help list's lines start with them). */
const COMMANDS = new Set<string>();
(function collect(command: Command): void {
  for (const c of command.commands) {
    COMMANDS.add(c.name());
    collect(c);
  }
})(buildProgram());
COMMANDS.add('help');

/** A token that is a path, a file name, an option, an e-mail address or a URL, as a whole. */
const WHOLE_TOKEN = /^(?:-{1,2}[a-z][\w-]*(?:=\S*)?|\S*[/\\]\S*|\S*\.(?:xlsx|xls|docx|doc|csv|eml|db|db-journal|db-wal|db-shm|json|pdf|zip|et|wps|ods|odt|bak|log|png|txt|md)|\S+@\S+|https?:\S+)$/iu;

/** Latin words of two letters or more in `text` that a clerk should not meet; empty when all is Chinese. */
export function foreignWords(text: string): string[] {
  const out: string[] = [];
  // A command named in a hint or a usage line (gongshu apply materials), and an option's value that is
  // explained right after it (--group cadre（干部组）), are what the clerk types: allowed.
  // Help's examples are whole command lines, as typed.
  text = text.replace(/^\s*\$ gongshu .*/u, ' ');
  text = text.replace(/\bgongshu((?: [a-z][a-z-]*){0,2})/gu, ' ').replace(/--[a-z-]+[ =][A-Za-z][\w-]*（[^）]+）/gu, ' ');
  // Help: a command's line in the list of commands (materials [选项] <编号>   登记…), the values an option
  // takes (（可选：worker、cadre）), and the command a mistyped one may have meant.
  text = text
    .replace(/^\s*([a-z][a-z-]*)(?:\|[a-z]+)?((?: \[[^\]]+\]| <[^>]+>)*)(?=\s{2,}|$)/u, (line, name: string) => (COMMANDS.has(name) ? ' ' : line))
    .replace(/(?<![\w-])[a-z][a-z-]*（[\u4e00-\u9fff，、 \d]+(?:）|$)/gu, ' ')
    .replace(/（可选：[\w、 -]+）/gu, ' ')
    .replace(/您是不是要输入 [a-z][a-z-]*/gu, ' ');
  // The integrity check names the database's tables, triggers, indexes and views (its own, or ones that do
  // not belong there) as the file holds them, for whoever repairs the file.
  text = text.replace(/(?:表|触发器|索引|视图) ?[A-Za-z][\w]*|（[A-Za-z][\w]* 上）/gu, ' ');
  // A studio's number (GS-2026-001, or GS2019001 as an old register wrote it) and the audit log's check
  // value (28 / 397cab59…) are gongshu's own.
  text = text.replace(/\bGS-?\d{4}-?\d{3}\b/gu, ' ').replace(/\b[0-9a-f]{8,}…?/gu, ' ');
  // Tokens split at whitespace and at Chinese text and punctuation, so a path inside a sentence stays whole.
  for (const token of text.split(/[\s\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’（）《》「」【】│┌┐└┘├┤┬┴┼─═║╔╗╚╝]+/u)) {
    if (!token || WHOLE_TOKEN.test(token.replace(/^[([{'"`]+|[)\]}'"`,;:.!?]+$/gu, ''))) continue;
    // A period written the program's way: 6m, 12m, 90d.
    for (const m of token.matchAll(/(?<![\w.-])\d+[mdy](?![\w])/gu)) out.push(m[0]);
    for (const m of token.matchAll(/(?<!\d)[A-Za-z][A-Za-z_]*(?:-[A-Za-z_]+)*/gu)) {
      const word = m[0];
      if (word.length < 2 || ALLOWED.has(word)) continue;
      out.push(word);
    }
  }
  return out;
}
