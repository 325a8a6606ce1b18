/**
 * Who issues the 公示 notice and who answers objections: data/notice.json (the values of the bureau's own
 * notice), overridden by a round's settings. One function resolves them for the notice and for the 落款 of
 * every exported list.
 */
import { readFileSync } from 'node:fs';

export interface NoticeSettings {
  /** 落款: 杭州市拱墅区人力资源和社会保障局. */
  bureauName: string;
  /** Where objections go: 人才开发科. */
  department: string;
  contactPerson: string;
  contactPhone: string;
}

/** The round settings that override the defaults (a subset of RoundSettings). */
export interface NoticeOverrides {
  noticeContact?: string;
  noticePhone?: string;
  bureauName?: string;
}

let defaults: NoticeSettings | undefined;

export function noticeDefaults(): NoticeSettings {
  if (!defaults) {
    const data = JSON.parse(readFileSync(new URL('../../data/notice.json', import.meta.url), 'utf8')) as NoticeSettings;
    defaults = { bureauName: data.bureauName, department: data.department, contactPerson: data.contactPerson, contactPhone: data.contactPhone };
  }
  return defaults;
}

const given = (v: string | undefined): string | undefined => (v && v.trim() ? v.trim() : undefined);

/** The round's values where it has them, the notice's otherwise. */
export function noticeSettings(settings: NoticeOverrides = {}): NoticeSettings {
  const d = noticeDefaults();
  return {
    bureauName: given(settings.bureauName) ?? d.bureauName,
    department: d.department,
    contactPerson: given(settings.noticeContact) ?? d.contactPerson,
    contactPhone: given(settings.noticePhone) ?? d.contactPhone,
  };
}
