/** Dates are China dates: the helpers give the Asia/Shanghai date whatever zone the process runs in. */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { chinaDate, chinaDateTime, chinaMonth, chinaYear } from '../../src/core/china-time.js';

const HELPER = fileURLToPath(new URL('../../dist/core/china-time.js', import.meta.url));

/** Runs the built helper in a child process whose clock zone is `tz`. */
function inZone(tz: string, expression: string): string {
  const script = `import(${JSON.stringify(HELPER)}).then((m) => process.stdout.write(String(${expression})))`;
  return execFileSync(process.execPath, ['-e', script], { env: { ...process.env, TZ: tz }, encoding: 'utf8' });
}

describe('China dates', () => {
  it('turns an instant into the date and time in China', () => {
    // 2026-05-21 20:30 UTC is already 2026-05-22 04:30 in Hangzhou.
    expect(chinaDate('2026-05-21T20:30:00Z')).toBe('2026-05-22');
    expect(chinaDateTime('2026-05-21T20:30:05.123Z')).toBe('2026-05-22 04:30:05');
    expect(chinaMonth('2026-05-31T16:00:00Z')).toBe('2026-06');
    expect(chinaYear('2026-12-31T16:00:00Z')).toBe(2027);
    expect(chinaYear('2026-12-31T15:59:59Z')).toBe(2026);
  });

  it('gives the same answer in a process set to another time zone', () => {
    for (const tz of ['UTC', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Asia/Shanghai']) {
      expect(inZone(tz, "m.chinaDate(new Date('2026-05-21T20:30:00Z'))")).toBe('2026-05-22');
      expect(inZone(tz, "m.chinaDateTime('2026-09-30T16:00:00Z')")).toBe('2026-10-01 00:00:00');
      expect(inZone(tz, "m.chinaYear(new Date('2026-12-31T17:00:00Z'))")).toBe('2027');
    }
    // The zone really is different in the child: its own local hour is not China's.
    expect(inZone('America/Los_Angeles', "new Date('2026-05-21T20:30:00Z').getHours()")).toBe('13');
  });
});
