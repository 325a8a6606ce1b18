/**
 * Which major group (大类) of the national occupational classification a studio's occupation falls in, for the
 * yearly report: data/rules/occupation-groups.json (exact occupations, then keywords, else 其他). Pure lookup
 * over the data; the data is read once.
 */
import { readFileSync } from 'node:fs';
import { nameKey } from '../core/text.js';

export interface OccupationGroupData {
  groups: { code: string; name: string; short: string }[];
  other: string;
  /** 其他, as the chart labels it. */
  otherShort: string;
  occupations: Record<string, string[]>;
  keywords: { group: string; contains: string[] }[];
}

let cached: OccupationGroupData | null = null;
export function occupationGroupData(): OccupationGroupData {
  cached ??= JSON.parse(readFileSync(new URL('../../data/rules/occupation-groups.json', import.meta.url), 'utf8')) as OccupationGroupData;
  return cached;
}

/** 数控车工（高级） → 数控车工: spaces, bracket width and a bracketed level do not change the occupation. */
function occupationKey(text: string): string {
  return nameKey(text).replace(/\([^)]*\)$/u, '');
}

/** The group's code ('1'…'8'), or null for 其他 (an occupation the table does not know, or none). */
export function occupationGroup(occupation: string, data: OccupationGroupData = occupationGroupData()): string | null {
  const key = occupationKey(occupation);
  if (key === '') return null;
  for (const [group, names] of Object.entries(data.occupations)) if (names.some((n) => occupationKey(n) === key)) return group;
  for (const rule of data.keywords) if (rule.contains.some((word) => key.includes(word))) return rule.group;
  return null;
}

/** The occupation a studio name spells (领衔人 + 职业 + 技能大师工作室), for studios whose occupation was never recorded. */
export function occupationFromName(studioName: string, leadName: string): string {
  const name = nameKey(studioName);
  const lead = nameKey(leadName);
  const rest = lead && name.startsWith(lead) ? name.slice(lead.length) : '';
  return rest.replace(/(技能大师工作室|大师工作室|工作室)$/u, '');
}
