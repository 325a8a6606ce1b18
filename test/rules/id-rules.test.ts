import { describe, expect, it } from 'vitest';
import { idChecksum } from '../../src/rules/id-checksum.js';
import { idBirthMismatch } from '../../src/rules/id-birth-mismatch.js';
import { idStoredAsNumber } from '../../src/rules/id-stored-as-number.js';
import { idGenderMismatch } from '../../src/rules/id-gender-mismatch.js';
import { LEAD_ID, makeContext } from '../helpers/application-factory.js';

describe('id-checksum (GB 11643-1999)', () => {
  it('passes a valid number', () => {
    expect(idChecksum.check(makeContext())).toEqual([]);
  });

  it('accepts a lower-case x', () => {
    expect(idChecksum.check(makeContext({ lead: { idNumber: '11010519491231002x', birth: '1949-12', gender: '女' } }))).toEqual([]);
  });

  it('fails a wrong check character, with the number masked', () => {
    const findings = idChecksum.check(makeContext({ lead: { idNumber: '330105197506150011' } }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'id-checksum', severity: 'error', field: 'lead.idNumber', cell: '申报表!E13' });
    expect(findings[0]!.message).toContain('330105********0011');
    expect(findings[0]!.message).not.toContain('330105197506150011');
    expect(findings[0]!.message).toContain('校验码');
  });

  it('fails an impossible birth date even with the right check character', () => {
    const [finding] = idChecksum.check(makeContext({ lead: { idNumber: '330104198102310012' } }));
    expect(finding?.severity).toBe('error');
    expect(finding?.message).toContain('19810231');
  });

  it('fails a wrong length', () => {
    expect(idChecksum.check(makeContext({ lead: { idNumber: '33010519750615' } }))[0]?.message).toContain('实际为 14 位');
  });

  it('warns about a 15-digit number under the same code', () => {
    const findings = idChecksum.check(makeContext({ lead: { idNumber: '330105750615001' } }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'id-checksum', severity: 'warning' });
    expect(findings[0]!.message).toContain('15 位');
  });

  it('leaves a number stored as a number to id-stored-as-number', () => {
    expect(idChecksum.check(makeContext({ lead: { idNumber: '330105197506150000' }, facts: { idStoredAsNumber: true } }))).toEqual([]);
  });

  it('leaves an empty number to missing-field', () => {
    expect(idChecksum.check(makeContext({ lead: { idNumber: '' } }))).toEqual([]);
  });
});

describe('id-birth-mismatch', () => {
  it('passes when the year-month agree', () => {
    expect(idBirthMismatch.check(makeContext())).toEqual([]);
  });

  it('fails when 出生年月 differs from the ID', () => {
    const findings = idBirthMismatch.check(makeContext({ lead: { birth: '1975-07' } }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'id-birth-mismatch', severity: 'error', field: 'lead.birth' });
    expect(findings[0]!.message).toContain('1975-06');
    expect(findings[0]!.message).toContain('1975-07');
  });

  it('compares a converted 15-digit number', () => {
    expect(idBirthMismatch.check(makeContext({ lead: { idNumber: '330105750615001', birth: '1976-06' } }))).toHaveLength(1);
  });

  it('does not pile on an invalid number', () => {
    expect(idBirthMismatch.check(makeContext({ lead: { idNumber: '330105197506150011', birth: '1980-01' } }))).toEqual([]);
  });
});

describe('id-stored-as-number', () => {
  it('passes when the reader found text', () => {
    expect(idStoredAsNumber.check(makeContext())).toEqual([]);
  });

  it('fails when the cell held a number, asking for text', () => {
    const findings = idStoredAsNumber.check(makeContext({ facts: { idStoredAsNumber: true } }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'id-stored-as-number', severity: 'error', field: 'lead.idNumber', cell: '申报表!E13' });
    expect(findings[0]!.message).toContain('15 位有效数字');
    expect(findings[0]!.message).toContain('文本');
  });
});

describe('id-gender-mismatch (17th digit odd = 男)', () => {
  it('passes when they agree', () => {
    expect(idGenderMismatch.check(makeContext())).toEqual([]);
    expect(idGenderMismatch.check(makeContext({ lead: { gender: '女', idNumber: '330105197506150029' } }))).toEqual([]);
  });

  it('fails a man with a woman\'s number', () => {
    const findings = idGenderMismatch.check(makeContext({ lead: { idNumber: '330105197506150029' } }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'id-gender-mismatch', severity: 'error', field: 'lead.gender' });
    expect(findings[0]!.message).toContain('性别为女');
  });

  it('fails a woman with a man\'s number', () => {
    expect(idGenderMismatch.check(makeContext({ lead: { gender: '女', idNumber: LEAD_ID } }))).toHaveLength(1);
  });

  it('skips an unknown gender', () => {
    expect(idGenderMismatch.check(makeContext({ lead: { gender: '' } }))).toEqual([]);
  });
});
