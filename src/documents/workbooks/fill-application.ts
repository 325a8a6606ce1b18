/**
 * Writes an Application into a workbook made by `buildApplicationTemplate`, cell by cell from the layout
 * table. Used to make the sample workbooks and by tests; values are written as plain strings (never
 * formulas) and ages as numbers.
 */
import type ExcelJS from 'exceljs';
import type { Application, FieldPath, Member } from '../../core/application.js';
import { APPLICATION_TEMPLATE_LAYOUT, type ApplicationTemplateLayout } from './application-layout.js';

export interface FieldCell {
  sheet: string;
  /** Top-left (master) cell of the input range, e.g. `B2`. */
  address: string;
}

/** Input cell of every single-value field (`unit.name`, `lead.birth`, `studioName`, `opinions.unit` …). */
export function applicationFieldCells(layout: ApplicationTemplateLayout = APPLICATION_TEMPLATE_LAYOUT): Map<FieldPath, FieldCell> {
  const cells = new Map<FieldPath, FieldCell>();
  for (const sheet of [layout.cover, layout.form]) {
    for (const row of sheet.rows) {
      for (const cell of row.cells) {
        if (cell.kind !== 'input' || !cell.field) continue;
        const firstCol = cell.cols.split(':')[0]!;
        cells.set(cell.field, { sheet: sheet.name, address: `${firstCol}${row.row}` });
      }
    }
  }
  return cells;
}

/** Address of a member cell: `memberCell(0, 'name')` → 申报表!A18. */
export function memberCell(index: number, field: keyof Member, layout: ApplicationTemplateLayout = APPLICATION_TEMPLATE_LAYOUT): FieldCell {
  const table = layout.form.members;
  if (!table) throw new Error('the form layout has no member table');
  const column = table.columns.find((c) => c.field === field);
  if (!column) throw new Error(`no member column for ${field}`);
  return { sheet: layout.form.name, address: `${column.col}${table.firstRow + index}` };
}

/** The string at a dotted path of an application (`lead.idNumber`); '' when absent. */
export function fieldValue(application: Application, path: FieldPath): string {
  let value: unknown = application;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object') return '';
    value = (value as Record<string, unknown>)[key];
  }
  return typeof value === 'string' ? value : '';
}

export function fillApplicationTemplate(
  workbook: ExcelJS.Workbook,
  application: Application,
  layout: ApplicationTemplateLayout = APPLICATION_TEMPLATE_LAYOUT,
): void {
  for (const [path, where] of applicationFieldCells(layout)) {
    const value = fieldValue(application, path);
    sheetOf(workbook, where.sheet).getCell(where.address).value = value === '' ? null : value;
  }
  const capacity = layout.form.members?.rowCount ?? 0;
  if (application.members.length > capacity) {
    throw new RangeError(`the template has ${capacity} member rows, the application has ${application.members.length} members`);
  }
  application.members.forEach((member, index) => {
    for (const field of Object.keys(member) as (keyof Member)[]) {
      const where = memberCell(index, field, layout);
      const value = member[field];
      sheetOf(workbook, where.sheet).getCell(where.address).value = value === '' ? null : value;
    }
  });
}

function sheetOf(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`worksheet ${name} is missing: was the workbook made by buildApplicationTemplate?`);
  return sheet;
}
