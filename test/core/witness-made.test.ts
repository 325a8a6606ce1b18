/**
 * The log's head gongshu confirms against a printed page is its own count and digest, never a personal number:
 * `操作记录校验：138 / 12345678…` is shown as it is (a digest's first eight hex digits are all decimal one time
 * in forty).
 */
import { describe, expect, it } from 'vitest';
import { maskPersonalNumbers } from '../../src/core/personal-numbers.js';
import { msg } from '../../src/messages/index.js';

describe('the witness head on screen', () => {
  it('is not masked when it matches or when the log now holds another digest', () => {
    const ok = maskPersonalNumbers(msg('recovery.paper.ok', { entries: 138, hash: '12345678' }));
    expect(ok).toContain('操作记录校验：138 / 12345678…');
    const changed = maskPersonalNumbers(msg('recovery.paper.changed', { entries: 139, hash: 'abcdef01', actual: '12345678' }));
    expect(changed).toContain('操作日志第 139 条现在的校验值是 12345678…');
  });
});
