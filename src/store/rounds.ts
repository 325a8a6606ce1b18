/** 申报年度: each round has a deadline (the reference date of the retirement rule) and settings. */
import { defaultDeadline } from '../rules/context.js';
import type { Db } from './open.js';

export interface RoundSettings {
  subsidyYuan?: number;
  passAt?: number;
  excellentAt?: number;
  excellentShare?: number;
  /** The rubric of the round, kept in the database (`round set --rubric FILE`): file is the name it came from. */
  rubric?: { file: string; content: unknown };
  /** Older databases: a rubric file named by path, read each time. */
  rubricFile?: string;
  /** How expert scores are combined; default 'trimmed' (falls back to the mean below 5 scores). */
  reviewMethod?: 'mean' | 'trimmed';
  /** Remembered from `gongshu shortlist --min-score / --quota` for `shortlist confirm`. */
  minScore?: number;
  quota?: number;
  /** The 公示 notice's contact person and telephone, and the issuing bureau (落款); defaults in data/notice.json. */
  noticeContact?: string;
  noticePhone?: string;
  bureauName?: string;
}

export interface Round {
  year: number;
  deadline: string;
  settings: RoundSettings;
  /** Whether the round has a row of its own (a deadline or a setting was saved), or is only implied by applications. */
  stored?: boolean;
}

export { defaultDeadline };

export function getRound(db: Db, year: number): Round {
  const row = db.prepare('SELECT year, deadline, settings FROM rounds WHERE year = ?').get(year) as
    | { year: number; deadline: string; settings: string }
    | undefined;
  if (!row) return { year, deadline: defaultDeadline(year), settings: {}, stored: false };
  return { year: row.year, deadline: row.deadline, settings: JSON.parse(row.settings) as RoundSettings, stored: true };
}

export function saveRound(db: Db, round: Round): void {
  db.prepare(
    `INSERT INTO rounds (year, deadline, settings) VALUES (?, ?, ?)
     ON CONFLICT(year) DO UPDATE SET deadline = excluded.deadline, settings = excluded.settings`,
  ).run(round.year, round.deadline, JSON.stringify(round.settings));
}

export function listRounds(db: Db): Round[] {
  const years = db
    .prepare('SELECT year FROM rounds UNION SELECT DISTINCT round FROM applications ORDER BY 1')
    .all() as { year: number }[];
  return years.map((r) => getRound(db, r.year));
}
