import { describe, expect, it } from 'vitest';
import {
  allowedMoves, APPLICATION_EVENTS, APPLICATION_STATUSES, APPLICATION_TRANSITIONS, eventLabel, isFinal, statusLabel,
  STUDIO_EVENTS, STUDIO_STATUSES, STUDIO_TRANSITIONS, transition, undoTarget, type LifecycleKind,
} from '../../src/core/lifecycle.js';
import { hasMessage } from '../../src/messages/index.js';

const STATUS_NAMES: Record<string, string> = {
  submitted: '已提交', eligible: '形式审查合格', ineligible: '形式审查不合格', reviewed: '已评审', shortlisted: '拟认定',
  publicized: '公示中', certified: '已认定', rejected: '未通过', withdrawn: '已撤回',
  valid: '有效', 'assessed-pass': '考核合格', 'assessed-fail': '考核不合格', 'not-assessed': '不参加考核', renewed: '已续建',
  expired: '已到期', revoked: '已撤销', decertified: '已撤销认定', merged: '已合并',
};

describe('status and event names', () => {
  it('shows every status under its official Chinese name', () => {
    for (const s of [...APPLICATION_STATUSES, ...STUDIO_STATUSES]) expect(statusLabel(s)).toBe(STATUS_NAMES[s]);
  });
  it('has a catalogue entry for every event', () => {
    for (const e of [...APPLICATION_EVENTS, ...STUDIO_EVENTS]) expect(hasMessage(`lifecycle.event.${e}`), e).toBe(true);
    expect(eventLabel('certify')).toBe('认定');
  });
});

describe('application transitions', () => {
  // The expected table, written out by hand from the issue, so an accidental edit of the data shows up.
  const expected: [string, string, string][] = [
    ['submitted', 'check-pass', 'eligible'],
    ['submitted', 'check-fail', 'ineligible'],
    ['submitted', 'withdraw', 'withdrawn'],
    ['eligible', 'review', 'reviewed'],
    ['eligible', 'check-fail', 'ineligible'],
    ['eligible', 'withdraw', 'withdrawn'],
    ['ineligible', 'check-pass', 'eligible'],
    ['ineligible', 'withdraw', 'withdrawn'],
    ['reviewed', 'shortlist', 'shortlisted'],
    ['reviewed', 'reject', 'rejected'],
    ['reviewed', 'withdraw', 'withdrawn'],
    ['shortlisted', 'publicize', 'publicized'],
    ['shortlisted', 'unshortlist', 'reviewed'],
    ['shortlisted', 'reject', 'rejected'],
    ['shortlisted', 'withdraw', 'withdrawn'],
    ['publicized', 'certify', 'certified'],
    ['publicized', 'reject', 'rejected'],
    ['publicized', 'withdraw', 'withdrawn'],
    // A form changed after expert review is held; accepting it goes back to the eligibility check.
    ['reviewed', 'accept-version', 'submitted'],
    ['shortlisted', 'accept-version', 'submitted'],
    ['publicized', 'accept-version', 'submitted'],
  ];

  it('holds exactly the moves of the issue', () => {
    expect(APPLICATION_TRANSITIONS.map((t) => [t.from, t.event, t.to]).sort()).toEqual([...expected].sort());
  });

  it.each(expected)('%s --%s--> %s', (from, event, to) => {
    expect(transition('application', from, event, 1)).toEqual({ ok: true, to });
  });

  it('walks a round end to end to 已认定', () => {
    let status = 'submitted';
    for (const event of ['check-pass', 'review', 'shortlist', 'publicize', 'certify']) {
      const r = transition('application', status, event);
      if (!r.ok) throw new Error(r.message);
      status = r.to;
    }
    expect(status).toBe('certified');
    expect(isFinal('application', 'certified')).toBe(true);
  });

  it('lets an application be withdrawn from every state before 已认定, and never after', () => {
    for (const s of APPLICATION_STATUSES) {
      const before = !['certified', 'rejected', 'withdrawn'].includes(s);
      expect(transition('application', s, 'withdraw').ok, s).toBe(before);
    }
  });

  it('rejects (未通过) only after the committee has seen the application', () => {
    const allowed = APPLICATION_STATUSES.filter((s) => transition('application', s, 'reject').ok);
    expect(allowed).toEqual(['reviewed', 'shortlisted', 'publicized']);
  });

  it('allows a re-check only until the application is reviewed', () => {
    expect(transition('application', 'eligible', 'check-fail').ok).toBe(true);
    expect(transition('application', 'ineligible', 'check-pass').ok).toBe(true);
    expect(transition('application', 'reviewed', 'check-fail').ok).toBe(false);
  });
});

describe('studio transitions', () => {
  const expected: [string, string, string][] = [];
  for (const from of ['valid', 'renewed']) {
    expected.push([from, 'assess-pass', 'assessed-pass'], [from, 'assess-fail', 'assessed-fail'], [from, 'not-assess', 'not-assessed'],
      [from, 'expire', 'expired'], [from, 'revoke', 'revoked'], [from, 'merge', 'merged']);
  }
  expected.push(
    ['valid', 'decertify', 'decertified'],
    ['assessed-pass', 'renew', 'renewed'], ['assessed-pass', 'expire', 'expired'], ['assessed-pass', 'revoke', 'revoked'], ['assessed-pass', 'merge', 'merged'],
    ['assessed-fail', 'expire', 'expired'], ['assessed-fail', 'revoke', 'revoked'], ['assessed-fail', 'merge', 'merged'],
    ['not-assessed', 'expire', 'expired'], ['not-assessed', 'revoke', 'revoked'], ['not-assessed', 'merge', 'merged'],
  );

  it('holds exactly the expected moves', () => {
    expect(STUDIO_TRANSITIONS.map((t) => [t.from, t.event, t.to]).sort()).toEqual([...expected].sort());
  });

  it.each(expected)('%s --%s--> %s', (from, event, to) => {
    expect(transition('studio', from, event, 7)).toEqual({ ok: true, to });
  });

  it('renews only after a passing assessment', () => {
    expect(STUDIO_STATUSES.filter((s) => transition('studio', s, 'renew').ok)).toEqual(['assessed-pass']);
  });

  it('treats 已到期, 已撤销, 已撤销认定 and 已合并 as final', () => {
    expect(allowedMoves('studio', 'expired')).toEqual([]);
    expect(allowedMoves('studio', 'revoked')).toEqual([]);
    expect(allowedMoves('studio', 'decertified')).toEqual([]);
    expect(allowedMoves('studio', 'merged')).toEqual([]);
  });

  it('undoes a certification only of a studio still in its first, unassessed term', () => {
    expect(STUDIO_STATUSES.filter((s) => transition('studio', s, 'decertify').ok)).toEqual(['valid']);
  });
});

describe('refusals', () => {
  const kinds: [LifecycleKind, readonly string[], readonly string[], readonly { from: string; event: string }[]][] = [
    ['application', APPLICATION_STATUSES, APPLICATION_EVENTS, APPLICATION_TRANSITIONS],
    ['studio', STUDIO_STATUSES, STUDIO_EVENTS, STUDIO_TRANSITIONS],
  ];

  it.each(kinds)('refuses every %s move that is not in the table, naming the status and the event', (kind, statuses, events, table) => {
    let refused = 0;
    for (const from of statuses) {
      for (const event of events) {
        if (table.some((t) => t.from === from && t.event === event)) continue;
        const r = transition(kind, from, event, 3);
        expect(r.ok, `${from} ${event}`).toBe(false);
        if (r.ok) continue;
        refused++;
        expect(r.message).toContain(`“${statusLabel(from as never)}”`);
        expect(r.message).toContain(`“${eventLabel(event as never)}”`);
        expect(r.message).toContain('#3');
        expect(r.message).not.toMatch(/\{\w+\}/u);
      }
    }
    expect(refused).toBe(statuses.length * events.length - table.length);
  });

  it('lists what is allowed from the current status', () => {
    const r = transition('application', 'submitted', 'certify', 3);
    expect(r).toEqual({
      ok: false,
      message: '申报 #3 当前状态为“已提交”，不能直接“认定”；此状态下可以：形式审查合格、形式审查不合格、撤回',
    });
  });

  it('says a final status has no way out and points to undo', () => {
    const r = transition('application', 'withdrawn', 'review', 4);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/^申报 #4 当前状态为“已撤回”，已是最终状态.*--undo/u);
  });

  it('answers a repeated step plainly', () => {
    const r = transition('studio', 'renewed', 'renew', 9);
    expect(r).toEqual({ ok: false, message: '工作室 #9 当前状态已是“已续建”，不能再次“续建”' });
  });

  it('refuses unknown statuses and events without throwing', () => {
    const a = transition('application', 'lost', 'review');
    expect(a.ok).toBe(false);
    if (!a.ok) expect(a.message).toContain('“lost”');
    const b = transition('application', 'submitted', 'renew');
    expect(b.ok).toBe(false);
    if (!b.ok) expect(b.message).toContain('“renew”');
  });
});

describe('undo', () => {
  it('restores the status before the change', () => {
    expect(undoTarget('application', { from: 'publicized', to: 'certified' }, 'certified')).toEqual({ ok: true, to: 'publicized' });
    expect(undoTarget('studio', { from: 'assessed-pass', to: 'renewed' }, 'renewed')).toEqual({ ok: true, to: 'assessed-pass' });
  });

  it('refuses when the record no longer stands where the change left it', () => {
    const r = undoTarget('application', { from: 'eligible', to: 'reviewed' }, 'shortlisted', 5);
    expect(r).toEqual({ ok: false, message: '申报 #5 当前状态为“拟认定”，与要撤销的记录（“形式审查合格”→“已评审”）不符，不能撤销' });
  });

  it('refuses entries with unknown statuses', () => {
    expect(undoTarget('studio', { from: 'submitted', to: 'valid' }, 'valid').ok).toBe(false);
  });
});

describe('the lifecycle catalogue', () => {
  const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/gu)].map((m) => m[1]!).sort();
  it('has both languages with the same placeholders', async () => {
    const { lifecycleMessages } = await import('../../src/messages/lifecycle.js');
    for (const [key, entry] of Object.entries(lifecycleMessages)) {
      expect(key.startsWith('lifecycle.'), key).toBe(true);
      expect(entry.zh, key).not.toBe('');
      expect(entry.en, key).not.toBe('');
      expect(placeholders(entry.en), key).toEqual(placeholders(entry.zh));
    }
  });
});
