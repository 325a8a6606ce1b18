import { describe, expect, it } from 'vitest';
import { countCharacters, introTooLong } from '../../src/rules/intro-too-long.js';
import { invalidEmail, isValidEmail } from '../../src/rules/invalid-email.js';
import { invalidPhone, isValidPhoneField, isValidPhoneNumber } from '../../src/rules/invalid-phone.js';
import { invalidPostcode, isValidPostcode } from '../../src/rules/invalid-postcode.js';
import { makeContext } from '../helpers/application-factory.js';

describe('intro-too-long (单位简介 1000字以内)', () => {
  it('passes 1000 characters and warns at 1001', () => {
    expect(introTooLong.check(makeContext({ unit: { profile: '字'.repeat(1000) } }))).toEqual([]);
    const findings = introTooLong.check(makeContext({ unit: { profile: '字'.repeat(1001) } }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'intro-too-long', severity: 'warning', field: 'unit.profile', cell: '申报表!C8' });
    expect(findings[0]!.message).toContain('共 1001 字');
  });

  it('counts code points, not UTF-16 units, and ignores line breaks', () => {
    expect(countCharacters('𠀀'.repeat(600))).toBe(600);
    expect(introTooLong.check(makeContext({ unit: { profile: '𠀀'.repeat(1000) } }))).toEqual([]);
    expect(countCharacters('一二\r\n三')).toBe(3);
  });
});

describe('invalid-email', () => {
  it.each(['546282213@QQ.COM', 'hr@jinggong.example.com', 'a.b+c@x-y.cn'])('%s is valid', (email) => {
    expect(isValidEmail(email)).toBe(true);
  });
  it.each(['abc', 'a@b', 'a@@b.com', 'a b@c.com', 'a..b@c.com', '@c.com'])('%s is not', (email) => {
    expect(isValidEmail(email)).toBe(false);
  });

  it('warns with the address as written', () => {
    const findings = invalidEmail.check(makeContext({ unit: { email: 'hr#jinggong.com' } }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'invalid-email', severity: 'warning', field: 'unit.email', cell: '申报表!F6' });
  });

  it('suggests the half-width address for a full-width ＠', () => {
    const [finding] = invalidEmail.check(makeContext({ unit: { email: '546282213＠qq.com' } }));
    expect(finding?.message).toContain('应为“546282213@qq.com”');
  });

  it('passes a valid or empty address', () => {
    expect(invalidEmail.check(makeContext())).toEqual([]);
    expect(invalidEmail.check(makeContext({ unit: { email: '' } }))).toEqual([]);
  });
});

describe('invalid-phone (11-digit mobile, or fixed line with area code)', () => {
  it.each([
    '0571-88256383', '057188256383', '(0571)88256383', '（0571）88256383', '0571 88256383', '010-62345678',
    '13812345678', '138 1234 5678', '138-1234-5678', '+86 13812345678', '0571-88256383-801', '0571-88256383转801',
  ])('%s is valid', (phone) => {
    expect(isValidPhoneNumber(phone)).toBe(true);
  });

  it.each(['88256383', '1381234567', '138123456789', '12345', 'abc', '0571-0825638', '571-88256383'])('%s is not', (phone) => {
    expect(isValidPhoneNumber(phone)).toBe(false);
  });

  it('checks every number of a cell that holds several', () => {
    expect(isValidPhoneField('0571-88256383/13812345678')).toBe(true);
    expect(isValidPhoneField('0571-88256383、88256384')).toBe(false);
  });

  it('warns about a number without area code, at its cell', () => {
    const findings = invalidPhone.check(makeContext({ unit: { phone: '88256383' } }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'invalid-phone', severity: 'warning', field: 'unit.phone', cell: '申报表!E5' });
    expect(findings[0]!.message).toContain('单位固定电话“88256383”');
  });

  it('masks the lead\'s own numbers in the message', () => {
    const [finding] = invalidPhone.check(makeContext({ lead: { mobile: '1391234567' } }));
    expect(finding?.field).toBe('lead.mobile');
    expect(finding?.message).not.toContain('1391234567');
  });

  it('passes valid and empty numbers (fax "/" included)', () => {
    expect(invalidPhone.check(makeContext())).toEqual([]);
    expect(invalidPhone.check(makeContext({ unit: { fax: '/', phone: '' } }))).toEqual([]);
  });
});

describe('invalid-postcode', () => {
  it('accepts 6 digits, full-width too', () => {
    expect(isValidPostcode('310011')).toBe(true);
    expect(isValidPostcode('３１００１１')).toBe(true);
    expect(isValidPostcode('31001')).toBe(false);
    expect(isValidPostcode('3100111')).toBe(false);
  });

  it('warns at the postcode cell', () => {
    expect(invalidPostcode.check(makeContext())).toEqual([]);
    const findings = invalidPostcode.check(makeContext({ unit: { postcode: '31001' } }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'invalid-postcode', severity: 'warning', field: 'unit.postcode', cell: '申报表!G7' });
  });
});
