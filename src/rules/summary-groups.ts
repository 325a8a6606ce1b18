/**
 * The checks of the 形式审查汇总表, grouped into the few columns a printed page can hold: each rule belongs to
 * one group, and anything else (a rule added later, a problem the reader found in a cell) to 材料及其他.
 */
import { msg, type MessageKey } from '../messages/index.js';

export interface SummaryGroup {
  key: 'team' | 'retirement' | 'name' | 'id' | 'skill' | 'other';
  title: MessageKey;
  codes: readonly string[];
}

export const SUMMARY_GROUPS: readonly SummaryGroup[] = [
  { key: 'team', title: 'rules.group.team', codes: ['team-size', 'member-incomplete'] },
  { key: 'retirement', title: 'rules.group.retirement', codes: ['retirement-margin', 'retirement-in-term', 'birth-ambiguous', 'birth-unreadable'] },
  { key: 'name', title: 'rules.group.name', codes: ['studio-name', 'report-name-mismatch'] },
  { key: 'id', title: 'rules.group.id', codes: ['id-checksum', 'id-birth-mismatch', 'id-stored-as-number', 'id-gender-mismatch', 'duplicate-lead'] },
  { key: 'skill', title: 'rules.group.skill', codes: ['lead-skill-level'] },
  { key: 'other', title: 'rules.group.other', codes: [] },
];

/** The group a finding's code is shown under. */
export function summaryGroupOf(code: string): SummaryGroup {
  return SUMMARY_GROUPS.find((g) => g.codes.includes(code)) ?? SUMMARY_GROUPS[SUMMARY_GROUPS.length - 1]!;
}

/** Column titles and the codes each column covers, for the writer. */
export function summaryColumns(): { title: string; codes: readonly string[]; catchAll: boolean }[] {
  return SUMMARY_GROUPS.map((g) => ({ title: msg(g.title), codes: g.codes, catchAll: g.key === 'other' }));
}
