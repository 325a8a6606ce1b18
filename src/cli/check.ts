/** `gongshu check …`: answers at the counter — is this ID number valid, when does this person retire. */
import { checkIdNumber } from '../core/id-number.js';
import { formatAge, idCheckMessages } from '../rules/format.js';
import { chinaDate } from '../core/china-time.js';
import { monthIndex } from '../core/months.js';
import { groupFor, retirementFor, type FemaleGroup } from '../core/retirement.js';
import { msg, type MessageKey } from '../messages/index.js';
import type { CliContext } from './context.js';
import { parseGender } from './parse.js';
import { dateOption, monthOption } from './dates.js';

export async function checkId(ctx: CliContext, [raw]: string[]): Promise<number> {
  const check = checkIdNumber(raw ?? '');
  const messages = idCheckMessages(check, raw ?? '');
  if (ctx.json) {
    ctx.out.printJson({ valid: check.valid, normalized: check.normalized, birth: check.birth, gender: check.gender, region: check.region, messages });
  } else {
    // The clerk typed the number in: the converted 18-digit form is the answer they asked for.
    for (const line of messages) (check.valid ? ctx.out.showTyped : ctx.out.error)(line);
  }
  return check.valid ? 0 : 1;
}

export async function checkRetirement(ctx: CliContext, _args: string[], opts: Record<string, unknown>): Promise<void> {
  const birth = monthOption(ctx.out, String(opts.birth ?? ''), '--birth', 'birth')!;
  const gender = parseGender(String(opts.gender ?? ''));
  const femaleGroup = opts.group === undefined ? null : (String(opts.group) as FemaleGroup);
  const asOf = dateOption(ctx.out, opts.asOf, '--as-of', 'asOf', ctx.round) ?? chinaDate();
  const group = groupFor(gender, femaleGroup);
  const r = retirementFor(birth, group);
  const monthsRemaining = monthIndex(r.month) - monthIndex(asOf);
  if (ctx.json) {
    ctx.out.printJson({ retirementAge: r.age, retirementMonth: r.month, monthsRemaining, group });
    return;
  }
  // Never "还有 -4 个月": a month already past is said as such.
  const key: MessageKey = monthsRemaining > 0 ? 'cli.check.retirement' : monthsRemaining < 0 ? 'cli.check.retired' : 'cli.check.retiresThisMonth';
  ctx.out.print(
    msg(key, {
      birth,
      gender,
      group: msg(`cli.check.group.${group}` as MessageKey),
      age: formatAge(r.age),
      month: r.month,
      asOf,
      remaining: monthsRemaining,
      past: -monthsRemaining,
    }),
  );
  if (gender === '女' && femaleGroup === null) ctx.out.note(msg('cli.check.femaleGroupAssumed'));
}
