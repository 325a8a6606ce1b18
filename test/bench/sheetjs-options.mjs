/**
 * The SheetJS read options of the bare baseline (bare-sheetjs.mjs): the ones gongshu's adapter passes
 * (READ_OPTIONS in src/intake/adapters/sheetjs.ts), written out here so that the baseline loads nothing of
 * gongshu. run.mjs checks the two are equal before it measures anything.
 *
 * dense grid; number formats (dates are told by them); styles (hidden rows and columns are only read with
 * them) and stubs; no date conversion, no HTML or formatted text, no VBA, no throwing on oddities.
 */
export const SHEETJS_OPTIONS = Object.freeze({
  dense: true,
  cellNF: true,
  cellStyles: true,
  sheetStubs: true,
  cellDates: false,
  cellHTML: false,
  cellText: false,
  bookVBA: false,
  WTF: false,
});
