/** Writes an Assessment into gongshu's 考核表 template: sample and test workbooks without typing. */
import type ExcelJS from 'exceljs';
import { FIGURE_KINDS, NO_WORD, YES_WORD } from '../../core/assessment.js';
import type { Assessment, CellValue, FigureKey } from '../../core/assessment.js';
import { InputFileError } from '../../core/errors.js';
import { loadRubric } from '../../core/rubric.js';
import { msg } from '../../messages/index.js';
import type { Rubric } from '../../core/rubric.js';
import { assessmentLayout } from './assessment-layout.js';
import type { BasicInfoField } from './assessment-layout.js';
import { safeText } from '../styles.js';

function put(sheet: ExcelJS.Worksheet, address: string, value: CellValue | boolean | undefined): void {
  if (value === undefined || value === null || value === '') return;
  if (typeof value === 'boolean') sheet.getCell(address).value = value ? YES_WORD : NO_WORD;
  else sheet.getCell(address).value = typeof value === 'string' ? safeText(value) : value;
}

/** Fills the template's inputs from `assessment`; rows and figures not in the template are ignored. */
export function fillAssessmentTemplate(workbook: ExcelJS.Workbook, assessment: Assessment, rubric: Rubric = loadRubric()): ExcelJS.Workbook {
  const layout = assessmentLayout(rubric);
  const sheet = workbook.getWorksheet(layout.sheetName);
  if (!sheet) throw new InputFileError('assessment-template-missing', msg('assessTemplate.notTemplate', { sheet: layout.sheetName }));

  put(sheet, layout.unit.valueCell, assessment.unitName);
  const basic: Record<BasicInfoField, CellValue> = {
    studioName: assessment.studioName,
    selectionYear: assessment.selectionYear,
    leadName: assessment.leadName,
    phone: assessment.phone,
    subsidyDate: assessment.subsidyDate,
    occupationAtSelection: assessment.occupationAtSelection,
    skillLevelAtSelection: assessment.skillLevelAtSelection,
    occupationNow: assessment.occupationNow,
    skillLevelNow: assessment.skillLevelNow,
  };
  for (const [field, value] of Object.entries(basic) as [BasicInfoField, CellValue][]) put(sheet, layout.basicInfo[field].valueCell, value);

  const rows = new Map(assessment.rows.map((r) => [r.itemKey, r]));
  for (const item of layout.items) {
    const row = rows.get(item.itemKey);
    put(sheet, item.selfCell, row?.self);
    put(sheet, item.assessorCell, row?.assessor);
    for (const figure of item.figures) {
      const value = assessment.figures[figure.figure as FigureKey];
      if (value === undefined || value === null) continue;
      put(sheet, figure.valueCell, FIGURE_KINDS[figure.figure] === 'yesNo' ? Boolean(value) : value);
    }
  }
  put(sheet, layout.vetoTriggered.valueCell, assessment.vetoTriggered);
  put(sheet, layout.totalSelfCell, assessment.sheetTotals.self);
  put(sheet, layout.totalAssessorCell, assessment.sheetTotals.assessor);
  put(sheet, layout.filledBy.valueCell, assessment.filledBy);
  put(sheet, layout.filledDate.valueCell, assessment.filledDate);
  return workbook;
}
