/**
 * Questions more than one menu action asks: a year, a date, where to save, which workbooks, which
 * application. Validation goes through the commands' own parsers, so a prompt rejects exactly what
 * the command would reject, with the same message.
 */
import fs from 'node:fs';
import path from 'node:path';
import { UsageError, isGongshuError } from '../../core/errors.js';
import { maskPersonalNumbers } from '../../core/personal-numbers.js';
import type { YearHint } from '../../core/date-input.js';
import { resolveOutputFile, targetExists, type OutputKind, type OutputTarget } from '../../documents/output-file.js';
import { collectWorkbookFiles } from '../../intake/sources/files.js';
import { msg } from '../../messages/index.js';
import type { ApplicationJson } from '../../services/application-view.js';
import { countText, eligibilityText } from '../render/applications.js';
import { echoDate, readDate, type DateLabel } from '../dates.js';
import type { Item } from './prompts.js';
import type { MenuSession } from './session.js';

/** Turns a parser of the commands into a prompt validator showing the parser's own message. */
export function validatorOf(parse: (value: string) => unknown): (value: string) => string | true {
  return (value) => {
    try {
      parse(value);
      return true;
    } catch (e) {
      if (isGongshuError(e)) return e.message;
      throw e;
    }
  };
}

/**
 * A path as typed, pasted or dragged into a terminal: surrounding blanks and quotes removed, and
 * (outside Windows, where `\` separates folders) the backslash that escapes a space.
 */
export function cleanPath(value: string, platform: NodeJS.Platform = process.platform): string {
  let v = value.trim();
  const quoted = v.length >= 2 && ((v.startsWith("'") && v.endsWith("'")) || (v.startsWith('"') && v.endsWith('"')));
  if (quoted) v = v.slice(1, -1);
  else if (platform !== 'win32') v = v.replace(/\\(.)/gu, '$1');
  return v;
}

/** A reason the clerk must give (logged with the change). */
export async function askReason(s: MenuSession, message: string, missing: string = msg('menu.reasonMissing')): Promise<string> {
  return (await s.prompts.input({ message, validate: (v) => (v.trim() ? true : missing) })).trim();
}

/** Asks before a change; 否 (the default) leaves everything as it was and says so. */
export async function confirmed(s: MenuSession, message: string): Promise<boolean> {
  if (await s.prompts.confirm({ message, default: false })) return true;
  s.out.note(msg('menu.cancelled'));
  return false;
}

/**
 * A date in any spelling clerks use; one written otherwise than YYYY-MM-DD is echoed as understood.
 * `year` is the year a date typed without one (5月20日) is taken in: the round's year for every date of a
 * round (the menu's current round may be another year than today's). `check` may refuse a readable date
 * (a UsageError whose message is shown under the question).
 */
export async function askDate(s: MenuSession, message: string, label: DateLabel, fallback: string, year: YearHint | undefined, check?: (date: string) => void): Promise<string> {
  const valid = (v: string): void => {
    const date = readDate(v || fallback, undefined, year).value;
    check?.(date);
  };
  const answer = await s.prompts.input({ message, default: fallback, validate: validatorOf(valid) });
  const typed = readDate(answer || fallback, undefined, year);
  echoDate(s.out, label, typed);
  return typed.value;
}

/**
 * Where to save: the default name in the current folder, a folder (the default name inside it), or a
 * file (given without an extension, it gets the default name's, e.g. .xlsx). The answer is checked as the
 * command checks -o: never the database or its journal, not in gongshu-backups, not a special file, and
 * an existing file only if it is gongshu's earlier file of the same kind, which the clerk is asked to replace.
 */
export async function askOutputFile(s: MenuSession, defaultName: string, kind: OutputKind): Promise<OutputTarget> {
  const target = (answer: string): OutputTarget => {
    let name = cleanPath(answer) || defaultName;
    const full = path.resolve(s.cwd, name);
    if (fs.existsSync(full) && fs.statSync(full).isDirectory()) name = path.join(name, defaultName);
    else if (path.extname(name) === '') name = `${name}${path.extname(defaultName)}`;
    // force: an existing file passes if it may be replaced at all; whether to replace it is asked below
    return resolveOutputFile(name, defaultName, true, { kind, database: s.dbPath, cwd: s.cwd });
  };
  for (;;) {
    const answer = await s.prompts.input({ message: msg('menu.save.where'), default: defaultName, validate: validatorOf(target) });
    const chosen = target(answer);
    if (!targetExists(chosen)) return chosen;
    if (await s.prompts.confirm({ message: msg('menu.save.overwrite', { file: chosen.file }), default: false })) return chosen;
  }
}

/** Which workbooks to import: a folder (all of it or some files), or one file. Undefined when there is nothing. */
export async function askWorkbooks(s: MenuSession, what: string): Promise<string[] | undefined> {
  const given = (answer: string): string => {
    const v = cleanPath(answer);
    if (!v) throw new UsageError('path-empty', msg('menu.path.empty'));
    return v;
  };
  // The folder last used for this kind only: 考核表 are not looked for where the 申报表 were.
  const last = s.lastFolders.get(what);
  const answer = await s.prompts.input({
    message: msg('menu.path.where', { what }),
    ...(last ? { default: last } : {}),
    validate: validatorOf((v) => collectWorkbookFiles([given(v || last || '')], s.cwd)),
  });
  const chosen = path.resolve(s.cwd, given(answer || last || ''));
  if (!fs.statSync(chosen).isDirectory()) return [chosen];
  s.lastFolders.set(what, chosen);
  const files = collectWorkbookFiles([chosen], s.cwd);
  if (files.length === 0) {
    s.out.warn(msg('cli.import.noFiles'));
    return undefined;
  }
  const how = await s.prompts.select<'all' | 'some'>({
    message: msg('menu.files.found', { folder: chosen, count: files.length }),
    choices: [
      { name: msg('menu.files.all', { count: files.length }), value: 'all' },
      { name: msg('menu.files.some'), value: 'some' },
    ],
  });
  if (how === 'all') return files;
  return s.prompts.checkbox({
    message: msg('menu.files.pick'),
    choices: files.map((f) => ({ name: path.relative(chosen, f), value: f })),
    validate: (picked) => (picked.length > 0 ? true : msg('menu.files.none')),
  });
}

export const BACK = 0;

/** A list filtered as the clerk types; ids are positive, BACK (0) leaves (first in the full list, last among matches). */
export function filtered<T extends { id: number }>(rows: readonly T[], text: (row: T) => string, name: (row: T) => string, description?: (row: T) => string) {
  return (term: string): Item<number>[] => {
    const t = term.trim().replace(/^#/u, '').toLowerCase();
    const hits = rows.filter((r) => !t || String(r.id) === t || text(r).toLowerCase().includes(t));
    const back: Item<number> = { name: msg('menu.back'), value: BACK };
    const choices = hits.map((r) => ({ name: name(r), value: r.id, short: `#${r.id}`, ...(description ? { description: description(r) } : {}) }));
    if (!t) return [back, ...choices];
    // Once the clerk has typed, the first match is highlighted, so Enter opens it.
    return hits.length ? [...choices, back] : [{ note: msg('menu.view.noMatch', { term: term.trim() }) }, back];
  };
}

export function pickApplication(s: MenuSession, apps: readonly ApplicationJson[], message: string): Promise<number> {
  return s.prompts.search({
    message,
    source: filtered(
      apps,
      (a) => [a.studioName, a.unitName, a.lead.name, a.lead.occupation].join(' '),
      (a) => msg('menu.view.choice', { id: a.id, studio: a.studioName, unit: a.unitName, eligibility: eligibilityText(a.eligibility), counts: countText(a.findings) }),
      (a) => maskPersonalNumbers([a.lead.name, a.lead.occupation, a.lead.skillLevel].filter(Boolean).join(' · ')),
    ),
  });
}
