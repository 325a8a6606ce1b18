/**
 * When two application forms are the same application (a corrected resubmission, a re-saved file), and
 * so a new version of it rather than a second application. The lead's ID number decides, in its
 * normalised 18-character form (spaces, case, full-width digits and 15-digit numbers do not matter);
 * without a readable ID, the unit's name and the lead's name do.
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

/**
 * Whether a stored application with `stored` keys is the application a form with `form` keys belongs to:
 * the same readable ID; or, when either side has no readable ID, the same unit and lead name. Two
 * different readable IDs are two people, whatever their names.
 */
export function sameApplication(stored: ApplicationKeys, form: ApplicationKeys): boolean {
  if (stored.idKey !== null && form.idKey !== null) return stored.idKey === form.idKey;
  return stored.nameKey === form.nameKey && form.nameKey !== '|';
}
