/** Assessments built in code for the scoring tests. */
import { emptyAssessment } from '../../src/core/assessment.js';
import type { Assessment, CellValue } from '../../src/core/assessment.js';

/** The maximum of every item of the seed rubric: base 80 + bonus 10. */
export const FULL_MARKS: Record<string, number> = {
  site: 10, equipment: 5, funds: 10, rules: 5,
  'tech-reform': 5, 'tech-results': 10,
  'exchange-events': 5, 'social-service': 5, 'school-enterprise': 5,
  apprentices: 10, 'high-skill': 10,
  'bonus-technicians': 5, 'bonus-patents': 3, 'bonus-media': 2,
};

export const ZEROES: Record<string, number> = Object.fromEntries(Object.keys(FULL_MARKS).map((k) => [k, 0]));

/** Every item with the given assessor score (self score equal unless `self` says otherwise), cells G11… */
export function assessmentWith(
  assessor: Record<string, CellValue>,
  extra: Partial<Assessment> & { self?: Record<string, CellValue> } = {},
): Assessment {
  const { self, ...rest } = extra;
  const base = emptyAssessment();
  base.studioName = '张三数控车工技能大师工作室';
  base.leadName = '张三';
  base.rows = Object.keys(FULL_MARKS)
    .filter((key) => key in assessor)
    .map((key, i) => ({
      itemKey: key,
      self: self && key in self ? self[key]! : assessor[key]!,
      assessor: assessor[key]!,
      selfCell: `考核表!F${11 + i}`,
      assessorCell: `考核表!G${11 + i}`,
    }));
  return { ...base, ...rest };
}
