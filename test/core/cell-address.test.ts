import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellRef, columnLetter, columnNumber, parseCellRef } from '../../src/core/cell-address.js';

describe('A1 addresses', () => {
  it('columnNumber undoes columnLetter, and parseCellRef undoes cellRef, for every cell of a sheet', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_048_576 }), fc.integer({ min: 1, max: 16_384 }), (row, col) => {
        expect(columnNumber(columnLetter(col))).toBe(col);
        expect(parseCellRef(cellRef(row, col))).toEqual({ row, col });
      }),
    );
  });

  it.each(['', 'A', '7', 'a1', '$A$1', 'A01', 'A0', 'XFE1', 'A1048577', 'AAAA1', 'A1:B2', 'A 1'])('%j is not an address as Excel writes one', (ref) => {
    expect(parseCellRef(ref)).toBeNull();
  });
});
