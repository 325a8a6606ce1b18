import { describe, expect, it } from 'vitest';
import { checkIdNumber, idBirthMonth, idCheckChar, idGender } from '../../src/core/id-number.js';

const TODAY = { today: '2026-05-22' };

describe('the check character (ISO 7064 MOD 11-2)', () => {
  it('matches the examples of GB 11643-1999', () => {
    expect(idCheckChar('11010519491231002')).toBe('X');
    expect(idCheckChar('44052418800101001')).toBe('4');
  });
  it('needs 17 digits', () => {
    expect(() => idCheckChar('1101051949123100')).toThrow(RangeError);
  });
});

describe('checkIdNumber', () => {
  it('accepts the standard examples and reads birth, gender and region', () => {
    const a = checkIdNumber('11010519491231002X', TODAY);
    expect(a).toEqual({
      valid: true, normalized: '11010519491231002X', birth: '1949-12-31', gender: '女', region: '110105',
      converted15: false, problems: [],
    });
    const b = checkIdNumber('440524188001010014', TODAY);
    expect(b.valid).toBe(true);
    expect(b.birth).toBe('1880-01-01');
    expect(b.gender).toBe('男');
  });

  it('accepts a lower-case x, full-width digits and spaces, and normalises them', () => {
    expect(checkIdNumber('11010519491231002x', TODAY).normalized).toBe('11010519491231002X');
    expect(checkIdNumber(' 110105 19491231 002Ｘ ', TODAY).normalized).toBe('11010519491231002X');
    expect(checkIdNumber('３３０１０５１９７５０６１５００１０', TODAY).valid).toBe(true);
  });

  it('rejects a wrong check character', () => {
    const r = checkIdNumber('110105194912310021', TODAY);
    expect(r.valid).toBe(false);
    expect(r.normalized).toBe('');
    expect(r.problems).toEqual(['checksum']);
  });

  it('rejects a right check character on an impossible date (19810231)', () => {
    // 330104 19810231 001 has the check character 2 by the weights; February 31 does not exist.
    const r = checkIdNumber('330104198102310012', TODAY);
    expect(r.valid).toBe(false);
    expect(r.problems).toEqual(['birth-date']);
    expect(r.birth).toBe('');
  });

  it('rejects a birth date after today', () => {
    // 330105 20260601 001 + 9: a correct check character, born after the reference day.
    const r = checkIdNumber('330105202606010019', TODAY);
    expect(r.problems).toEqual(['birth-date']);
    expect(checkIdNumber('330105202606010019', { today: '2026-06-01' }).valid).toBe(true);
  });

  it('rejects a birth year before 1800 (the bound sits below the standard\'s own 1880 example)', () => {
    // 330105 17991231 001 + 7: a correct check character.
    expect(checkIdNumber('330105179912310017', TODAY).problems).toEqual(['birth-date']);
  });

  it('reports length and characters', () => {
    expect(checkIdNumber('3301051975061500', TODAY).problems).toEqual(['length']);
    expect(checkIdNumber('33010519750615001A', TODAY).problems).toEqual(['characters']);
    expect(checkIdNumber('3301051975X6150010', TODAY).problems).toEqual(['characters']);
    expect(checkIdNumber('3.30105197506E+17', TODAY).problems).toEqual(['characters', 'length']);
    expect(checkIdNumber('', TODAY).problems).toEqual(['empty']);
  });

  it('converts a 15-digit number (insert 19, add the check character)', () => {
    // 15-digit form of 330105197506150010: 330105 750615 001.
    const r = checkIdNumber('330105750615001', TODAY);
    expect(r).toMatchObject({ valid: true, converted15: true, normalized: '330105197506150010', birth: '1975-06-15', gender: '男' });
    expect(checkIdNumber('330105750631001', TODAY).problems).toEqual(['birth-date']);
  });

  it('never judges the region prefix', () => {
    // 330103 (下城, merged into 拱墅 in 2021) and an unassigned code are both fine.
    for (const region of ['330103', '990000', '000000']) {
      const first17 = `${region}19750615001`;
      expect(checkIdNumber(first17 + idCheckChar(first17), TODAY).valid).toBe(true);
    }
  });

  it('gives the region even when the number is invalid', () => {
    expect(checkIdNumber('330105197506150011', TODAY).region).toBe('330105');
  });
});

describe('helpers on a normalised number', () => {
  it('reads the birth month and gender (17th digit odd = 男)', () => {
    expect(idBirthMonth('330105197506150010')).toBe('1975-06');
    expect(idGender('330105197506150010')).toBe('男');
    expect(idGender('330105197506150029')).toBe('女');
  });
});
