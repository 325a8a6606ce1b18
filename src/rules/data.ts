/** The rule tables under data/rules/, read once. */
import { readFileSync } from 'node:fs';
import type { SkillLevel } from '../core/skill-level.js';

export interface Thresholds {
  minMembers: number;
  minMonthsBeforeRetirement: number;
  maxProfileChars: number;
  minimumLeadSkillLevel: SkillLevel;
  /** `MM-DD` of the round year. */
  defaultDeadline: string;
  /** Length of the 公示 period when the clerk gives no end date. */
  noticeWorkingDays: number;
  /** The one-off subsidy of a certified studio, unless the round's settings say otherwise. */
  subsidyYuan: number;
}

export interface RequiredField {
  /** Paths of which at least one must be filled; the finding points at the first. */
  fields: string[];
  zh: string;
  en: string;
}

export interface PhoneField {
  field: string;
  zh: string;
  en: string;
}

export interface FieldTables {
  required: RequiredField[];
  phones: PhoneField[];
}

export interface Material {
  key: string;
  zh: string;
  en: string;
  required: boolean;
  synonyms: string[];
}

function readJson<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../../data/rules/${name}`, import.meta.url), 'utf8')) as T;
}

let thresholds: Thresholds | undefined;
let fields: FieldTables | undefined;
let materials: Material[] | undefined;

export function ruleThresholds(): Thresholds {
  return (thresholds ??= readJson<Thresholds>('thresholds.json'));
}

export function fieldTables(): FieldTables {
  return (fields ??= readJson<FieldTables>('fields.json'));
}

export function materialTable(): readonly Material[] {
  return (materials ??= readJson<{ materials: Material[] }>('materials.json').materials);
}
