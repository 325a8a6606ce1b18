/**
 * Words a clerk would not understand: Latin words in what gongshu prints (rule codes like retirement-in-term,
 * field paths like members.3.skillLevel, option values like id-cards, 6m). Allowed: file names and paths,
 * command-line options and the command's own name (help and hints name them), product names, e-mail
 * addresses, the X of an ID number, and what --json prints (for programs, not for clerks).
 */
const ALLOWED = new Set([
  'gongshu', 'Excel', 'Word', 'WPS', 'LibreOffice', 'PDF', 'ID', 'Ctrl', 'Enter', 'Esc', 'Tab', 'Space', 'COLUMNS', 'NO_COLOR', 'SQLite', 'CI',
  'xlsx', 'xls', 'docx', 'doc', 'csv', 'eml', 'db', 'json', 'pdf', 'zip', 'et', 'wps', 'ods', 'odt', 'pt', 'KB', 'MB', 'GB',
]);

/** A token that is a path, a file name, an option, an e-mail address or a URL, as a whole. */
const WHOLE_TOKEN = /^(?:-{1,2}[a-z][\w-]*(?:=\S*)?|\S*[/\\]\S*|\S+\.(?:xlsx|xls|docx|doc|csv|eml|db|json|pdf|zip|et|wps|ods|odt|bak|log|png|txt|md)|\S+@\S+|https?:\S+)$/iu;

/** Latin words of two letters or more in `text` that a clerk should not meet; empty when all is Chinese. */
export function foreignWords(text: string): string[] {
  const out: string[] = [];
  // A command named in a hint or a usage line (gongshu apply materials), and an option's value that is
  // explained right after it (--group cadre（干部组）), are what the clerk types: allowed.
  text = text.replace(/\bgongshu((?: [a-z][a-z-]*){0,2})/gu, ' ').replace(/--[a-z-]+[ =][A-Za-z][\w-]*（[^）]+）/gu, ' ');
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
