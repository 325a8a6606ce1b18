/**
 * When two application forms are the same application (a corrected resubmission, a re-saved file), and
 * so a new version of it rather than a second application. The lead's ID number decides, in its
 * normalised 18-character form (spaces, case, full-width digits and 15-digit numbers do not matter);
 * without a readable ID, the unit's name and the lead's name only when they point at one person whose birth
 * month and gender agree (see matchForm).
 */
import { unitNameOf, type ParsedApplication } from './application.js';
import { checkIdNumber } from './id-number.js';
import { nameKey } from './text.js';

export interface ApplicationKeys {
  /** The lead's ID number in its 18-character form; null when the form has no readable ID. */
  idKey: string | null;
  /** Unit and lead name, compared without spaces or bracket width: `单位|姓名`. */
  nameKey: string;
}

/** An ID number in its 18-character form (`check id`'s answer), or null when it is not a valid one. */
export function normalizedId(text: string): string | null {
  const check = checkIdNumber(text);
  return check.valid ? check.normalized : null;
}

/** The normalised ID of a form's lead, or null when it cannot be trusted (missing, invalid, stored as a number). */
export function leadIdKey(parsed: Pick<ParsedApplication, 'application' | 'facts'>): string | null {
  return parsed.facts.idStoredAsNumber ? null : normalizedId(parsed.application.lead.idNumber);
}

export function applicationKeys(parsed: Pick<ParsedApplication, 'application' | 'facts'>): ApplicationKeys {
  const app = parsed.application;
  return { idKey: leadIdKey(parsed), nameKey: `${nameKey(unitNameOf(app))}|${nameKey(app.lead.name)}` };
}

/** A lead as the matching compares people: the readable ID, and the birth month and gender written on the form. */
export interface LeadIdentity {
  id: number;
  keys: ApplicationKeys;
  /** `YYYY-MM`, '' when missing or unreadable. */
  birth: string;
  gender: string;
  name: string;
}

export type FormMatch =
  /** No application of the round is this person: a new application. */
  | { kind: 'new' }
  /** The form belongs to `id` (the same readable ID, or the one same-named lead of the unit, born the same month, same gender). */
  | { kind: 'same'; id: number }
  /**
   * It may belong to `id`, but the person cannot be confirmed (the form's ID is not readable where the
   * application's is, or birth or gender differ, or the unit has several leads of that name): the form is
   * stored as a held version of `id` that only `apply accept-version` puts into effect.
   */
  | { kind: 'held'; id: number; candidates: LeadIdentity[] }
  /** Several same-named leads of the unit and none (or more than one) agrees: a new application, with a warning naming them. */
  | { kind: 'new-uncertain'; candidates: LeadIdentity[] };

function agrees(a: LeadIdentity, b: Pick<LeadIdentity, 'birth' | 'gender'>): boolean {
  return a.birth !== '' && a.birth === b.birth && a.gender !== '' && a.gender === b.gender;
}

/**
 * Which application of the round a form belongs to. Identity is never guessed across people:
 * - the same readable ID decides (`byId`: the applications with it, the one to use first);
 * - two different readable IDs are two people, whatever their names;
 * - without a readable ID on one side, the form goes with an application of the unit whose lead has that
 *   name only when exactly one has, and birth month and gender agree, and the form does not lose an ID the
 *   application had (a mistyped digit makes an ID unreadable: the form is then held, never put into effect);
 * - any other same-named lead: held on the one that agrees (when exactly one does), otherwise a new
 *   application; either way with a warning that names every candidate.
 */
export function matchForm(form: Omit<LeadIdentity, 'id'>, byId: number | undefined, sameName: readonly LeadIdentity[]): FormMatch {
  if (byId !== undefined) return { kind: 'same', id: byId };
  const candidates = sameName.filter((c) => c.keys.nameKey === form.keys.nameKey && form.keys.nameKey !== '|' && (c.keys.idKey === null || form.keys.idKey === null));
  if (candidates.length === 0) return { kind: 'new' };
  const agreeing = candidates.filter((c) => agrees(c, form));
  if (candidates.length === 1) {
    const only = candidates[0]!;
    if (agreeing.length === 1 && !(only.keys.idKey !== null && form.keys.idKey === null)) return { kind: 'same', id: only.id };
    return { kind: 'held', id: only.id, candidates };
  }
  if (agreeing.length === 1) return { kind: 'held', id: agreeing[0]!.id, candidates };
  return { kind: 'new-uncertain', candidates };
}

export type LeadField = 'name' | 'birth' | 'gender';

/**
 * What differs between the lead a form names and the lead of the application its ID number points at:
 * the name (without spaces or width), and the birth month and gender where both are written. Anything
 * here means the ID may be someone else's (copied from another form), so the form is not put into effect.
 */
export function leadDifferences(form: Pick<LeadIdentity, 'name' | 'birth' | 'gender'>, stored: Pick<LeadIdentity, 'name' | 'birth' | 'gender'>): LeadField[] {
  const out: LeadField[] = [];
  if (nameKey(form.name) !== nameKey(stored.name)) out.push('name');
  if (form.birth !== '' && stored.birth !== '' && form.birth !== stored.birth) out.push('birth');
  if (form.gender !== '' && stored.gender !== '' && form.gender !== stored.gender) out.push('gender');
  return out;
}
