import { describe, expect, it } from 'vitest';
import { noticeDefaults, noticeSettings } from '../../src/rules/notice-data.js';

describe('the notice settings', () => {
  it('default to the values of the bureau\'s notice', () => {
    expect(noticeDefaults()).toEqual({ bureauName: '杭州市拱墅区人力资源和社会保障局', department: '人才开发科', contactPerson: '杨慧雯', contactPhone: '88256383' });
    expect(noticeSettings()).toEqual(noticeDefaults());
  });

  it('take a round\'s own values, ignoring blank ones', () => {
    expect(noticeSettings({ noticeContact: '王芳', noticePhone: '0571-88888888', bureauName: '  ' })).toEqual({
      bureauName: '杭州市拱墅区人力资源和社会保障局', department: '人才开发科', contactPerson: '王芳', contactPhone: '0571-88888888',
    });
  });
});
