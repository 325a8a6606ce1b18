/**
 * The document properties every workbook and Word document gongshu writes carries (docProps/core.xml and
 * docProps/app.xml, shown by Excel, WPS and Word under 属性): the document's own title, the issuing bureau as
 * author, last editor and company, and gongshu's kind mark in the keywords (`gongshu:export-review`), which is
 * what `--force` checks before replacing an earlier file (output-file.ts). Set here once, so no writer leaves
 * the libraries' placeholders ("Unknown", "Un-named") or an empty title.
 */
import type ExcelJS from 'exceljs';

export interface DocumentProperties {
  /** The document's title: its heading, or the name it is saved under without the extension. */
  title: string;
  /** Who issues it: the round's bureau (杭州市拱墅区人力资源和社会保障局 unless the round names another). */
  bureau: string;
  /** The kind mark (kindMarker in output-file.ts); absent for the committed template, which no --force replaces. */
  keywords?: string;
}

/** The mark's prefix: a file whose keywords are `gongshu:<kind>` is gongshu's own file of that kind. */
export const KIND_MARK_PREFIX = 'gongshu:';

export function setWorkbookProperties(workbook: ExcelJS.Workbook, p: DocumentProperties): void {
  workbook.title = p.title;
  workbook.creator = p.bureau;
  workbook.lastModifiedBy = p.bureau;
  workbook.company = p.bureau;
  if (p.keywords) workbook.keywords = p.keywords;
}

/** The options of docx's Document for these properties (the company goes into app.xml: docxAppPart). */
export function docxCoreOptions(p: DocumentProperties): { title: string; creator: string; lastModifiedBy: string; keywords?: string } {
  return { title: p.title, creator: p.bureau, lastModifiedBy: p.bureau, ...(p.keywords ? { keywords: p.keywords } : {}) };
}

const escapeXml = (s: string): string => s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;');

/** docProps/app.xml naming the company, as an override for docx's Packer (which writes an empty one). */
export function docxAppPart(p: DocumentProperties): { path: string; data: string } {
  return {
    path: 'docProps/app.xml',
    data:
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
      `<Application>gongshu</Application><Company>${escapeXml(p.bureau)}</Company></Properties>`,
  };
}
