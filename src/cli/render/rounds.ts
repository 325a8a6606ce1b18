/** How a round's settings look on screen (`round show`, `round set`, the menu's 选择申报年度). */
import { msg, type MessageKey } from '../../messages/index.js';
import type { RoundView } from '../../services/rounds.js';
import type { Output } from '../../ui/output.js';
import { renderTable } from '../../ui/table.js';

const ROWS: { key: keyof RoundView['effective']; label: MessageKey }[] = [
  { key: 'deadline', label: 'records.round.deadline' },
  { key: 'subsidyYuan', label: 'records.round.subsidy' },
  { key: 'rubric', label: 'records.round.rubric' },
  { key: 'passAt', label: 'records.round.passAt' },
  { key: 'excellentAt', label: 'records.round.excellentAt' },
  { key: 'excellentShare', label: 'records.round.excellentShare' },
  { key: 'reviewMethod', label: 'records.round.reviewMethod' },
  { key: 'minScore', label: 'records.round.minScore' },
  { key: 'quota', label: 'records.round.quota' },
  { key: 'noticeContact', label: 'records.round.noticeContact' },
  { key: 'noticePhone', label: 'records.round.noticePhone' },
  { key: 'bureauName', label: 'records.round.bureauName' },
];

function shown(key: keyof RoundView['effective'], value: unknown): string {
  if (value === null) return msg('records.round.none');
  if (key === 'excellentShare') return `${Math.round(Number(value) * 1000) / 10}%`;
  if (key === 'reviewMethod') return msg(value === 'mean' ? 'lifecycle.review.method.mean' : 'lifecycle.review.method.trimmed');
  return String(value);
}

export function renderRound(out: Output, view: RoundView): void {
  out.print(msg('records.round.title', { year: view.year }));
  out.print(
    renderTable(
      msg('records.round.head').split('|'),
      ROWS.map((r) => [msg(r.label), shown(r.key, view.effective[r.key]), view.defaults.includes(r.key) ? msg('records.round.isDefault') : msg('records.round.isSet')]),
    ),
  );
}

