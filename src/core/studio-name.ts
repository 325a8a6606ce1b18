/**
 * The studio name the notice prescribes: 领衔人名字 + 职业（工种）名称 + 技能大师工作室.
 */
import { nameKey, trimText } from './text.js';

export const STUDIO_SUFFIX = '技能大师工作室';

/** The name as it should be written: the lead's name and the occupation exactly as in the lead section. */
export function expectedStudioName(leadName: string, occupation: string): string {
  return `${trimText(leadName)}${trimText(occupation)}${STUDIO_SUFFIX}`;
}

/** Same name once spaces and the width of parentheses are ignored (数控车工（中级） = 数控车工(中级)). */
export function studioNameMatches(actual: string, expected: string): boolean {
  return nameKey(actual) === nameKey(expected);
}
