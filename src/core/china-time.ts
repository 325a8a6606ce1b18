/**
 * "Today" and every date gongshu shows or compares is the date in China (Asia/Shanghai), whatever time zone
 * the machine is set to: a deadline, a 公示 period or a generation date must not move a day because a
 * laptop was set to UTC. China has kept UTC+8 all year since 1991, so a fixed offset is exact for every
 * instant gongshu handles and needs no time-zone database. Instants are stored as UTC ISO strings; these
 * helpers turn them into China dates and times at the edge.
 */
import { formatDate } from './months.js';

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

function shifted(instant: Date | string): Date {
  const d = typeof instant === 'string' ? new Date(instant) : instant;
  return new Date(d.getTime() + CHINA_OFFSET_MS);
}

/** `YYYY-MM-DD` in China at `instant` (default: now). */
export function chinaDate(instant: Date | string = new Date()): string {
  const d = shifted(instant);
  return formatDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** `YYYY-MM` in China at `instant`. */
export function chinaMonth(instant: Date | string = new Date()): string {
  return chinaDate(instant).slice(0, 7);
}

/** The year in China at `instant` (the default 申报年度). */
export function chinaYear(instant: Date | string = new Date()): number {
  return Number(chinaDate(instant).slice(0, 4));
}

/** `YYYY-MM-DD HH:MM:SS` in China, for showing a stored instant (an audit entry's time) to the clerk. */
export function chinaDateTime(instant: Date | string): string {
  const iso = shifted(instant).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}
