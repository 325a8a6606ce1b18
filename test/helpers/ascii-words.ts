/**
 * Words a clerk would not understand: Latin words in what gongshu prints (rule codes like retirement-in-term,
 * field paths like members.3.skillLevel, option values like id-cards, 6m). Allowed: file names and paths,
 * command-line options and the command's own name (help and hints name them), product names, e-mail
 * addresses, the X of an ID number, and what --json prints (for programs, not for clerks).
 */
const ALLOWED = new Set([
  'gongshu', 'Excel', 'Word', 'WPS', 'LibreOffice', 'PDF', 'ID', 'Ctrl', 'Enter', 'Esc', 'Tab', 'Space', 'COLUMNS', 'NO_COLOR', 'SQLite', 'CI', 'JSON', 'chmod', 'GONGSHU_DB',
  'xlsx', 'xls', 'docx', 'doc', 'csv', 'eml', 'db', 'json', 'pdf', 'zip', 'et', 'wps', 'ods', 'odt', 'pt', 'KB', 'MB', 'GB',
]);

/** A token that is a path, a file name, an option, an e-mail address or a URL, as a whole. */
const WHOLE_TOKEN = /^(?:-{1,2}[a-z][\w-]*(?:=\S*)?|\S*[/\\]\S*|\S*\.(?:xlsx|xls|docx|doc|csv|eml|db|db-journal|db-wal|db-shm|json|pdf|zip|et|wps|ods|odt|bak|log|png|txt|md)|\S+@\S+|https?:\S+)$/iu;

/** Latin words of two letters or more in `text` that a clerk should not meet; empty when all is Chinese. */
export function foreignWords(text: string): string[] {
  const out: string[] = [];
  // A command named in a hint or a usage line (gongshu apply materials), and an option's value that is
  // explained right after it (--group cadre（干部组）), are what the clerk types: allowed.
  text = text.replace(/\bgongshu((?: [a-z][a-z-]*){0,2})/gu, ' ').replace(/--[a-z-]+[ =][A-Za-z][\w-]*（[^）]+）/gu, ' ');
  // Help: a command's line in the list of commands (materials [选项] <编号>   登记…), the values an option
  // takes (（可选：worker、cadre）), and the command a mistyped one may have meant.
  text = text
    .replace(/^\s*\$ gongshu .*/u, ' ')
    .replace(/^\s*[a-z][a-z-]*(?:\|[a-z]+)?((?: \[[^\]]+\]| <[^>]+>)*)(?=\s{2,}|$)/u, ' ')
    .replace(/(?<![\w-])[a-z][a-z-]*（[\u4e00-\u9fff，、 ]+）/gu, ' ')
    .replace(/（可选：[\w、 -]+）/gu, ' ')
    .replace(/您是不是要输入 [a-z][a-z-]*/gu, ' ');
  // The integrity check names the database's own tables and triggers, for whoever repairs the file.
  text = text.replace(/(?:表|触发器|索引) ?[a-z][a-z_]*|（[a-z_]+ 上）/gu, ' ');
  // A studio's number (GS-2026-001) and the audit log's check value (28 / 397cab59…) are gongshu's own.
  text = text.replace(/\bGS-\d{4}-\d{3}\b/gu, ' ').replace(/\b[0-9a-f]{8,}…?/gu, ' ');
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
