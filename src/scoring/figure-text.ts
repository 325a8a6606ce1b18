/** Catalogue keys for each figure: its template label and the phrase stating its value. */
import type { CountFigure, FigureKey, YesNoFigure } from '../core/assessment.js';
import { msg } from '../messages/index.js';
import type { MessageKey } from '../messages/index.js';

const LABELS: Record<FigureKey, MessageKey> = {
  apprenticesPerYear: 'figure.apprenticesPerYear.label',
  apprenticeRoster: 'figure.apprenticeRoster.label',
  highSkillPerYear: 'figure.highSkillPerYear.label',
  highSkillRoster: 'figure.highSkillRoster.label',
  technicians: 'figure.technicians.label',
  seniorTechnicians: 'figure.seniorTechnicians.label',
  patents: 'figure.patents.label',
  awards: 'figure.awards.label',
  mediaReports: 'figure.mediaReports.label',
  site: 'figure.site.label',
  plaque: 'figure.plaque.label',
  honoursBoard: 'figure.honoursBoard.label',
  equipmentOk: 'figure.equipmentOk.label',
  rulesEstablished: 'figure.rulesEstablished.label',
  rulesPosted: 'figure.rulesPosted.label',
  accounts: 'figure.accounts.label',
};

const COUNTS: Record<CountFigure, MessageKey> = {
  apprenticesPerYear: 'figure.apprenticesPerYear.count',
  highSkillPerYear: 'figure.highSkillPerYear.count',
  technicians: 'figure.technicians.count',
  seniorTechnicians: 'figure.seniorTechnicians.count',
  patents: 'figure.patents.count',
  awards: 'figure.awards.count',
  mediaReports: 'figure.mediaReports.count',
};

const YES_NO: Record<YesNoFigure, [MessageKey, MessageKey]> = {
  apprenticeRoster: ['figure.apprenticeRoster.yes', 'figure.apprenticeRoster.no'],
  highSkillRoster: ['figure.highSkillRoster.yes', 'figure.highSkillRoster.no'],
  site: ['figure.site.yes', 'figure.site.no'],
  plaque: ['figure.plaque.yes', 'figure.plaque.no'],
  honoursBoard: ['figure.honoursBoard.yes', 'figure.honoursBoard.no'],
  equipmentOk: ['figure.equipmentOk.yes', 'figure.equipmentOk.no'],
  rulesEstablished: ['figure.rulesEstablished.yes', 'figure.rulesEstablished.no'],
  rulesPosted: ['figure.rulesPosted.yes', 'figure.rulesPosted.no'],
  accounts: ['figure.accounts.yes', 'figure.accounts.no'],
};

/** The label a template or reader uses for the figure, e.g. 每年带徒人数. */
export function figureLabel(figure: FigureKey): string {
  return msg(LABELS[figure]);
}

/** "每年带徒 6 人". */
export function countPhrase(figure: CountFigure, n: number): string {
  return msg(COUNTS[figure], { n });
}

/** "有花名册" / "无花名册". */
export function yesNoPhrase(figure: YesNoFigure, value: boolean): string {
  return msg(YES_NO[figure][value ? 0 : 1]);
}
