/**
 * The application (申报表, Attachment 1) as gongshu understands it, independent of any workbook layout.
 * All strings are trimmed as written; dates are `YYYY-MM` strings (never a JS Date across modules).
 */
export interface Unit {
  name: string;
  legalRepresentative: string;
  contact: string;
  phone: string;
  mobile: string;
  fax: string;
  email: string;
  address: string;
  postcode: string;
  profile: string;
}

export interface Lead {
  name: string;
  gender: string; // 男 / 女 / '' (as normalised by the reader)
  ethnicity: string;
  birth: string; // YYYY-MM or '' when missing or unreadable
  politicalStatus: string;
  education: string;
  occupation: string;
  skillLevel: string;
  otherSkills: string;
  title: string;
  idNumber: string;
  yearsInTrade: string;
  phone: string;
  mobile: string;
  workHistory: string;
  achievements: string;
  awards: string;
}

export interface Member {
  name: string;
  gender: string;
  age: number | null;
  education: string;
  occupation: string;
  skillLevel: string;
  specialty: string;
  experience: string;
}

export interface Opinions {
  unit: string;
  expert: string;
  bureau: string;
}

export interface Application {
  studioName: string;
  /** 申报单位 as written on the cover (may differ from unit.name). */
  coverUnit: string;
  unit: Unit;
  lead: Lead;
  members: Member[];
  workPlan: string;
  opinions: Opinions;
}

/** Dotted path of a field, e.g. `lead.idNumber`, `unit.name`, `members.2.name`, `studioName`. */
export type FieldPath = string;

/** Where a field came from: `Sheet!A1` style references, keyed by field path. */
export type CellMap = Record<FieldPath, string>;

/** Facts the reader learnt about how values were stored; rules turn them into findings. */
export interface ReadFacts {
  /** The 身份证号码 cell held a number (digits lost beyond 15 significant). */
  idStoredAsNumber: boolean;
  /** 出生年月 was a year.month number with an ambiguous month (1975.1 = Jan or Oct) that could not be resolved. */
  birthAmbiguous: boolean;
  /** 出生年月 had a value that could not be read as a date (the raw text). */
  birthUnreadable: string | null;
  /** The lead appeared again in the member table (rows dropped). */
  leadRepeatedInMembers: number;
}

export interface ParsedApplication {
  application: Application;
  cells: CellMap;
  facts: ReadFacts;
  /** Worksheet names used (the first is the main form). */
  sheet: string;
}

export function emptyUnit(): Unit {
  return { name: '', legalRepresentative: '', contact: '', phone: '', mobile: '', fax: '', email: '', address: '', postcode: '', profile: '' };
}

export function emptyLead(): Lead {
  return {
    name: '', gender: '', ethnicity: '', birth: '', politicalStatus: '', education: '', occupation: '', skillLevel: '',
    otherSkills: '', title: '', idNumber: '', yearsInTrade: '', phone: '', mobile: '', workHistory: '', achievements: '', awards: '',
  };
}

export function emptyApplication(): Application {
  return {
    studioName: '', coverUnit: '', unit: emptyUnit(), lead: emptyLead(), members: [], workPlan: '',
    opinions: { unit: '', expert: '', bureau: '' },
  };
}

export function emptyFacts(): ReadFacts {
  return { idStoredAsNumber: false, birthAmbiguous: false, birthUnreadable: null, leadRepeatedInMembers: 0 };
}

/**
 * The unit's name, one answer for every screen, list and export: 单位全称 when filled in, else the 申报单位
 * written on the cover.
 */
export function unitNameOf(app: Pick<Application, 'unit' | 'coverUnit'>): string {
  return app.unit.name.trim() || app.coverUnit.trim();
}
