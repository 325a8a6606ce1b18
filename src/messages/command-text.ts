/**
 * Some stored texts carry a hint how to act on the command line (a finding's "收到后请用 gongshu apply
 * materials 5 --received id-cards 登记", the rubric note's "请用 --rubric 指定…"). Such hints belong on the
 * clerk's screen, never in a document a leader signs or the public reads, nor in the menu, where the clerk
 * types no command. The findings are stored with their hints (a database written by an older gongshu has
 * them too), so the hints are taken out where the text is shown, clause by clause.
 */
import { getFace } from './index.js';

/** `gongshu apply …`, or a long option such as `--reason`. */
const COMMAND = /gongshu\s+[a-z]|(?:^|[^\w-])--[a-z]/u;

export function hasCommandText(text: string): boolean {
  return COMMAND.test(text);
}

function withoutHintClauses(sentence: string): string {
  const end = /[。！？.]$/u.exec(sentence)?.[0] ?? '';
  const body = end ? sentence.slice(0, -1) : sentence;
  const kept = body.split('；').filter((clause) => !COMMAND.test(clause));
  if (kept.length === 0) return '';
  return kept.join('；') + end;
}

/** The text without the sentences, clauses and brackets that tell the clerk to type a command. */
export function withoutCommandHints(text: string): string {
  if (!COMMAND.test(text)) return text;
  return text
    .split('\n')
    .map((line) => {
      const unbracketed = line.replace(/（[^（）]*）|\([^()]*\)/gu, (group) => (COMMAND.test(group) ? '' : group));
      const sentences = unbracketed.match(/[^。！？]+[。！？]?/gu) ?? [];
      return sentences.map(withoutHintClauses).join('').trim();
    })
    .filter((line, i, lines) => line !== '' || lines.length === 1)
    .join('\n');
}

/** A stored text as the current face shows it: in the menu, without command-line hints. */
export function forFace(text: string): string {
  return getFace() === 'menu' ? withoutCommandHints(text) : text;
}
