/**
 * Which studio of the register an assessment form (考核表) is about. A studio is identified by its plaque,
 * never by the way a unit happens to spell its name: the plaque number decides when the form has one; then
 * the studio name with the lead; then the lead and the unit (the name misspelt); then a name that differs
 * by a character or two from a studio with the same lead or unit. Anything but an exact match is linked with a warning naming both spellings, and a
 * form that matches nothing is not guessed at.
 */
import { nameKey } from './text.js';

export interface RegisterStudio {
  id: number;
  name: string;
  plaque: string | null;
  leadName: string;
  unitName: string;
}

export interface FormStudio {
  plaque?: string;
  studioName: string;
  leadName: string;
  unitName?: string;
}

export type StudioMatch<S extends RegisterStudio> =
  | { kind: 'exact'; studio: S; by: 'plaque' | 'name' }
  | { kind: 'near'; studio: S; by: 'lead-unit' | 'close-name' }
  | { kind: 'ambiguous'; candidates: S[] }
  | { kind: 'none'; closest: S[] };

/** Edit distance (insertions, deletions, substitutions), on code points. */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[y.length]!;
}

/** How far two studio names may be apart and still be taken for the same studio: two characters, and at most a fifth of the name. */
function closeEnough(distance: number, length: number): boolean {
  return distance > 0 && distance <= Math.min(2, Math.floor(length / 5));
}

const CLOSEST_SHOWN = 3;

/**
 * A plaque number compared as letters and digits only: GS-2019-001, GS2019001, “GS 2019－001” and gs-2019-001
 * are one plaque, however a clerk or a unit wrote it.
 */
export function plaqueKey(plaque: string | null | undefined): string {
  return nameKey(plaque ?? '').toUpperCase().replace(/[^A-Z0-9]/gu, '');
}

export function matchStudio<S extends RegisterStudio>(form: FormStudio, register: readonly S[]): StudioMatch<S> {
  const plaque = plaqueKey(form.plaque);
  if (plaque) {
    const byPlaque = register.find((s) => plaqueKey(s.plaque) === plaque);
    if (byPlaque) return { kind: 'exact', studio: byPlaque, by: 'plaque' };
  }
  const name = nameKey(form.studioName);
  const lead = nameKey(form.leadName);
  const unit = nameKey(form.unitName ?? '');
  const sameUnit = (s: S): boolean => unit !== '' && nameKey(s.unitName) === unit;
  const pick = (found: S[], match: (studio: S) => StudioMatch<S>): StudioMatch<S> | undefined => {
    if (found.length === 0) return undefined;
    // The same name and lead in two units (two people called 王伟, both 电工): the unit tells them apart.
    const inUnit = found.length > 1 ? found.filter(sameUnit) : found;
    return inUnit.length === 1 ? match(inUnit[0]!) : { kind: 'ambiguous', candidates: found };
  };

  const exact = pick(
    register.filter((s) => nameKey(s.name) === name && nameKey(s.leadName) === lead),
    (studio) => ({ kind: 'exact', studio, by: 'name' }),
  );
  if (exact) return exact;
  const byLead = pick(
    register.filter((s) => lead !== '' && nameKey(s.leadName) === lead && sameUnit(s)),
    (studio) => ({ kind: 'near', studio, by: 'lead-unit' }),
  );
  if (byLead) return byLead;

  const distances = register.map((s) => ({ s, d: editDistance(nameKey(s.name), name) })).sort((a, b) => a.d - b.d || a.s.id - b.s.id);
  // A name a character or two off is a typo only when the lead or the unit confirms it: 米志强钳工 and
  // 明国强钳工 are two characters apart and two different studios.
  const close = distances.filter((x) => closeEnough(x.d, Math.max([...name].length, [...nameKey(x.s.name)].length)) && (nameKey(x.s.leadName) === lead || sameUnit(x.s)));
  if (close.length > 0 && (close.length === 1 || close[0]!.d < close[1]!.d)) return { kind: 'near', studio: close[0]!.s, by: 'close-name' };
  if (close.length > 1) return { kind: 'ambiguous', candidates: close.filter((x) => x.d === close[0]!.d).map((x) => x.s) };
  return { kind: 'none', closest: distances.slice(0, CLOSEST_SHOWN).map((x) => x.s) };
}
