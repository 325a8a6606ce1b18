/** matchForm: a form without a readable ID is never put on a person it cannot be confirmed to be. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchForm, type LeadIdentity } from '../../src/core/identity.js';

const NAME = '单位|张伟';
const person = fc.record({
  idKey: fc.option(fc.constantFrom('A', 'B', 'C'), { nil: null }),
  nameKey: fc.constantFrom(NAME, '单位|李明'),
  birth: fc.constantFrom('', '1975-03', '1980-07'),
  gender: fc.constantFrom('', '男', '女'),
});

describe('matchForm', () => {
  it('puts a form into effect without an ID match only on the one same-named lead of the same birth month and gender', () => {
    fc.assert(
      fc.property(fc.array(person, { maxLength: 5 }), person, (stored, f) => {
        const candidates: LeadIdentity[] = stored.map((p, i) => ({ id: i + 1, keys: { idKey: p.idKey, nameKey: p.nameKey }, birth: p.birth, gender: p.gender, name: '张伟' }));
        const form = { keys: { idKey: f.idKey, nameKey: f.nameKey }, birth: f.birth, gender: f.gender, name: '张伟' };
        const byId = f.idKey === null ? undefined : candidates.find((c) => c.keys.idKey === f.idKey)?.id;
        const match = matchForm(form, byId, candidates);
        if (byId !== undefined) {
          expect(match).toEqual({ kind: 'same', id: byId });
          return;
        }
        const sameName = candidates.filter((c) => c.keys.nameKey === form.keys.nameKey && (c.keys.idKey === null || form.keys.idKey === null));
        if (match.kind === 'same') {
          expect(sameName).toHaveLength(1);
          const only = sameName[0]!;
          expect(only.id).toBe(match.id);
          expect(only.birth !== '' && only.birth === form.birth && only.gender !== '' && only.gender === form.gender).toBe(true);
          expect(only.keys.idKey !== null && form.keys.idKey === null).toBe(false);
        } else if (match.kind === 'new') {
          expect(sameName).toEqual([]);
        } else {
          // held or new with a warning: every same-named lead is named
          expect(match.candidates.map((c) => c.id)).toEqual(sameName.map((c) => c.id));
        }
        // two different readable IDs are never the same person
        if (match.kind === 'same' || match.kind === 'held') {
          const target = candidates.find((c) => c.id === match.id)!;
          expect(target.keys.idKey !== null && form.keys.idKey !== null && target.keys.idKey !== form.keys.idKey).toBe(false);
        }
      }),
      { numRuns: 500 },
    );
  });
});
