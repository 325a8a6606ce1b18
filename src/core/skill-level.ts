/**
 * Skill levels as people write them on the form (职业资格等级): "高级技师", "国家职业资格二级（技师）",
 * "职业技能等级 ３级", … → one canonical level. Synonyms and ranks are data (data/rules/skill-levels.json).
 */
import { readFileSync } from 'node:fs';
import { removeSpaces, toHalfWidth } from './text.js';

export type SkillLevel =
  | 'chief-technician'
  | 'special-technician'
  | 'senior-technician'
  | 'technician'
  | 'advanced-worker'
  | 'intermediate-worker'
  | 'junior-worker';

export interface SkillLevelInfo {
  key: SkillLevel;
  rank: number;
  zh: string;
  en: string;
  synonyms: string[];
}

interface SkillLevelData {
  levels: SkillLevelInfo[];
  notSkillLevels: string[];
}

const DATA = JSON.parse(readFileSync(new URL('../../data/rules/skill-levels.json', import.meta.url), 'utf8')) as SkillLevelData;

/** All levels, highest first. */
export const SKILL_LEVELS: readonly SkillLevelInfo[] = [...DATA.levels].sort((a, b) => b.rank - a.rank);

const BY_KEY = new Map<SkillLevel, SkillLevelInfo>(SKILL_LEVELS.map((l) => [l.key, l]));

/** Longest first, so "高级技师" is found before the "技师" inside it. */
const SYNONYMS: readonly { text: string; level: SkillLevel }[] = DATA.levels
  .flatMap((l) => l.synonyms.map((text) => ({ text: normalise(text), level: l.key })))
  .sort((a, b) => b.text.length - a.text.length);

const TITLES: readonly string[] = DATA.notSkillLevels.map(normalise).sort((a, b) => b.length - a.length);

const CHINESE_DIGITS = ['', '一', '二', '三', '四', '五'];

function normalise(text: string): string {
  return removeSpaces(toHalfWidth(text)).replace(/([1-5])级/gu, (_, d: string) => `${CHINESE_DIGITS[Number(d)]}级`);
}

/**
 * The level written in `text`, or null when none is recognised. Titles such as 高工 (高级工程师) are
 * removed first. When several levels are written, the highest counts.
 */
export function recogniseSkillLevel(text: string): SkillLevel | null {
  let s = normalise(text);
  // A separator keeps the text around a removed title from joining into a new word.
  for (const title of TITLES) s = s.split(title).join('|');
  let best: SkillLevelInfo | null = null;
  let i = 0;
  while (i < s.length) {
    const hit = SYNONYMS.find((syn) => s.startsWith(syn.text, i));
    if (!hit) {
      i += 1;
      continue;
    }
    const info = BY_KEY.get(hit.level)!;
    if (!best || info.rank > best.rank) best = info;
    i += hit.text.length;
  }
  return best ? best.key : null;
}

export function skillLevelInfo(level: SkillLevel): SkillLevelInfo {
  const info = BY_KEY.get(level);
  if (!info) throw new RangeError(`unknown skill level: ${level}`);
  return info;
}

/** Chinese display name, e.g. 技师（二级）. */
export function skillLevelName(level: SkillLevel): string {
  return skillLevelInfo(level).zh;
}

export function skillLevelRank(level: SkillLevel): number {
  return skillLevelInfo(level).rank;
}

/** `isAtLeast('senior-technician', 'technician')` → true: "技师 or higher" as a comparison. */
export function isAtLeast(level: SkillLevel | null, minimum: SkillLevel): boolean {
  return level !== null && skillLevelRank(level) >= skillLevelRank(minimum);
}
