/** Texts shared by several rules and by the `check` commands, all from the catalogue. */
import { cleanIdText, type IdCheck, type IdProblem } from '../core/id-number.js';
import type { RetirementAge } from '../core/retirement.js';
import { msg } from '../messages/index.js';

/** 60岁2个月 / 63岁. */
export function formatAge(age: RetirementAge): string {
  return age.months === 0 ? msg('rules.age.years', { years: age.years }) : msg('rules.age.years-months', { years: age.years, months: age.months });
}

export function genderText(gender: string): string {
  if (gender === '男') return msg('rules.gender.male');
  if (gender === '女') return msg('rules.gender.female');
  return gender;
}

/** One problem of an ID number in words; `raw` is the number as entered. */
export function idProblemText(problem: IdProblem, raw: string): string {
  const text = cleanIdText(raw);
  switch (problem) {
    case 'empty':
      return msg('rules.id.problem.empty');
    case 'length':
      return msg('rules.id.problem.length', { length: [...text].length });
    case 'characters':
      return msg('rules.id.problem.characters');
    case 'checksum':
      return msg('rules.id.problem.checksum');
    case 'birth-date':
      return msg('rules.id.problem.birth-date', { digits: text.length === 15 ? `19${text.slice(6, 12)}` : text.slice(6, 14) });
  }
}

export function idProblemsText(check: IdCheck, raw: string): string {
  return check.problems.map((p) => idProblemText(p, raw)).join(msg('rules.separator'));
}

/** The `messages` of `gongshu check id`: what is wrong, or what the number says. */
export function idCheckMessages(check: IdCheck, raw: string): string[] {
  if (!check.valid) return check.problems.map((p) => msg('rules.id.invalid', { problem: idProblemText(p, raw) }));
  const out: string[] = [];
  if (check.converted15) out.push(msg('rules.id.converted15', { normalized: check.normalized }));
  out.push(msg('rules.id.valid', { birth: check.birth, gender: genderText(check.gender), region: check.region }));
  return out;
}
