/** A finding's level as the clerk reads it: 错误 / 提醒 / 说明, and 已豁免 for a waived error. */
import type { ChalkInstance } from 'chalk';
import type { Severity } from '../core/finding.js';
import { msg } from '../messages/index.js';

export function severityText(f: { severity: Severity; overridden?: boolean }, color?: ChalkInstance): string {
  if (f.severity === 'error') {
    if (f.overridden) return msg('cli.severity.overridden');
    return color ? color.red(msg('cli.severity.error')) : msg('cli.severity.error');
  }
  if (f.severity === 'warning') return color ? color.yellow(msg('cli.severity.warning')) : msg('cli.severity.warning');
  return msg('cli.severity.info');
}
