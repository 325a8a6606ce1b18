/** A finding's level as the clerk reads it: 错误 / 提醒 / 说明, 已豁免 for a waived error, 已确认 for an acknowledged warning. */
import type { ChalkInstance } from 'chalk';
import type { Severity } from '../core/finding.js';
import { msg } from '../messages/index.js';

export function severityText(f: { severity: Severity; overridden?: boolean }, color?: ChalkInstance): string {
  if (f.severity === 'error') {
    if (f.overridden) return msg('cli.severity.overridden');
    return color ? color.red(msg('cli.severity.error')) : msg('cli.severity.error');
  }
  if (f.severity === 'warning') {
    if (f.overridden) return msg('records.severity.acknowledged');
    return color ? color.yellow(msg('cli.severity.warning')) : msg('cli.severity.warning');
  }
  return msg('cli.severity.info');
}
