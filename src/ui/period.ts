/** A 公示 period as the clerk reads it: its dates and working days, the days it skipped and the make-up days. */
import { skippedRuns, type WorkingPeriod } from '../core/work-calendar.js';
import { msg } from '../messages/index.js';

export function periodLines(period: WorkingPeriod): string[] {
  // A count through days whose holidays are not known would state what is not known: only the dates then.
  const lines = [msg(period.unchecked.length > 0 ? 'calendar.periodUncounted' : 'calendar.period', { from: period.from, to: period.to, days: period.workingDays })];
  if (period.skipped.length > 0) {
    const runs = skippedRuns(period.skipped).map((r) => {
      const run = r.from === r.to ? msg('calendar.run.one', { from: r.from }) : msg('calendar.run.range', { from: r.from, to: r.to });
      return r.holidays.length > 0 ? msg('calendar.run.holiday', { run, names: r.holidays.join('、') }) : msg('calendar.run.weekend', { run });
    });
    lines.push(msg('calendar.skipped', { runs: runs.join(msg('calendar.run.separator')) }));
  }
  if (period.madeUp.length > 0) {
    lines.push(msg('calendar.madeUp', { days: period.madeUp.map((d) => msg('calendar.madeUpDay', { date: d.date, name: d.name })).join('、') }));
  }
  if (period.unchecked.length > 0) lines.push(msg('calendar.unchecked', { years: period.unchecked.join('、') }));
  return lines;
}
