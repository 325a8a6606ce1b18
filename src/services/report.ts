/**
 * 《YYYY年度拱墅区技能大师工作室工作情况》: the year's figures for the leadership, read from the records
 * through the services the lists use — the studio register as `studios list` reads it, the year's 考核 as
 * `score` scores it, each studio's log as `history` reads it — so the report never counts anything a second way.
 * No personal numbers: studios by name and plaque only.
 */
import { chinaDate } from '../core/china-time.js';
import { activeAtYearEnd, certifiedYear, REPORT_GRADES, RUNNING, standingChanges, type NamedStudio, type ReportGrade, type StatusEntry, type YearReport } from '../core/report.js';
import { occupationFromName, occupationGroup, occupationGroupData } from '../rules/occupation-groups.js';
import { historyOf } from './history.js';
import { scoreRound } from './assessments.js';
import { studios, type StudioRow } from './studios.js';
import type { Workspace } from './context.js';

export { REPORT_GRADES, type NamedStudio, type ReportGrade, type YearReport } from '../core/report.js';

function named(s: StudioRow): NamedStudio {
  return { name: s.name, plaque: s.plaque };
}

function statusEntries(ws: Workspace, s: StudioRow): StatusEntry[] {
  return historyOf(ws, { kind: 'studio', id: s.id, title: '' }).map((e) => ({ id: e.id, date: chinaDate(e.at), action: e.action, detail: e.detail }));
}

/** The figures of `year` (its 考核 is the round of that year). */
export function yearReport(ws: Workspace, year: number): YearReport {
  const register = studios(ws);
  const changes = new Map(register.map((s) => [s.id, standingChanges(statusEntries(ws, s))]));
  const endedOn = (s: StudioRow): string | null => {
    if (RUNNING.has(s.status)) return null;
    const last = changes.get(s.id)!.at(-1);
    return last && last.detail.to === s.status ? last.date : null;
  };
  const active = register.filter((s) => activeAtYearEnd({ ...s, endedOn: endedOn(s) }, year));

  const perYear = new Map<number, number>();
  let unknownYear = 0;
  for (const s of register) {
    const y = certifiedYear(s);
    if (y === null) unknownYear++;
    else if (y <= year) perYear.set(y, (perYear.get(y) ?? 0) + 1);
  }
  const years = [...perYear.keys()];
  const certifiedPerYear = years.length === 0 ? [] : Array.from({ length: year - Math.min(...years) + 1 }, (_, i) => Math.min(...years) + i).map((y) => ({ year: y, count: perYear.get(y) ?? 0 }));

  const data = occupationGroupData();
  const groups = [...data.groups.map((g) => ({ code: g.code as string | null, name: g.name, short: g.short })), { code: null, name: data.other, short: data.otherShort }];
  const byGroup = groups.map((g) => ({ ...g, count: 0, studios: [] as NamedStudio[] }));
  for (const s of active) {
    const code = occupationGroup(s.occupation || occupationFromName(s.name, s.leadName), data);
    const bucket = byGroup.find((g) => g.code === code)!;
    bucket.count++;
    bucket.studios.push(named(s));
  }

  const { scored } = scoreRound(ws, year);
  const counts = Object.fromEntries(REPORT_GRADES.map((g) => [g, 0])) as Record<ReportGrade, number>;
  const names = Object.fromEntries(REPORT_GRADES.map((g) => [g, [] as NamedStudio[]])) as Record<ReportGrade, NamedStudio[]>;
  let incomplete = 0;
  for (const s of scored) {
    const grade = s.result.grade;
    if (grade === 'incomplete') incomplete++;
    else {
      counts[grade]++;
      names[grade].push(named(s.stored.studio));
    }
  }

  const paid = register.filter((s) => s.subsidyPaidOn !== null && s.subsidyYuan !== null && s.subsidyPaidOn <= `${year}-12-31`);
  const paidInYear = paid.filter((s) => s.subsidyPaidOn!.startsWith(`${year}-`));
  const sum = (rows: StudioRow[]): number => rows.reduce((n, s) => n + s.subsidyYuan!, 0);

  const inYear = (event: string): (NamedStudio & { date: string })[] =>
    register.flatMap((s) => changes.get(s.id)!.filter((c) => c.detail.event === event && c.date.startsWith(`${year}-`)).map((c) => ({ ...named(s), date: c.date })));

  return {
    year,
    inRegister: register.filter((s) => (certifiedYear(s) ?? year) <= year).length,
    active: active.map(named),
    certifiedPerYear,
    certifiedYearUnknown: unknownYear,
    byGroup,
    assessment: { counts, names, incomplete, total: scored.length },
    subsidy: { inYear: { count: paidInYear.length, yuan: sum(paidInYear) }, total: { count: paid.length, yuan: sum(paid) } },
    renewals: inYear('renew').sort((a, b) => a.date.localeCompare(b.date)),
    revocations: inYear('revoke').sort((a, b) => a.date.localeCompare(b.date)),
    generatedOn: chinaDate(),
  };
}
