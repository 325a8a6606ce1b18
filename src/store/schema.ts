/**
 * The schema gongshu expects at each version, and a file's schema compared with it exactly.
 *
 * The reference is a database gongshu creates itself: an empty in-memory database brought through the
 * migrations up to that version. Every table (with its columns and constraints, as SQLite keeps its CREATE
 * text), index and trigger must be there as created, and nothing else: an extra trigger (one that silences
 * the audit log) is as bad as a missing one. A file whose `user_version` was set back cannot pass either:
 * its tables, indexes or triggers are those of a later version.
 */
import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';
import { msg, type MessageKey } from '../messages/index.js';
import { MIGRATIONS, type Migration } from './migrations/index.js';
import type { Db } from './open.js';

export interface SchemaObject {
  type: string;
  name: string;
  table: string;
  sql: string;
}

export interface SchemaDifference {
  kind: 'missing' | 'extra' | 'changed';
  type: string;
  name: string;
  table: string;
}

/**
 * SQL as SQLite keeps it, compared without layout: whitespace collapsed, none around brackets and commas, and
 * identifier quotes dropped (ALTER TABLE … RENAME writes `"applications"`; how it quotes has varied between
 * SQLite versions, and a database migrated under an older one must not look altered).
 */
function normalSql(sql: string | null | undefined): string {
  return (sql ?? '').replace(/["`]/gu, '').replace(/\s+/gu, ' ').replace(/\s*([(),])\s*/gu, '$1').trim();
}

/**
 * Every table, index, trigger and view of a database, as SQLite keeps them (ANALYZE's statistics aside: the
 * tables sqlite_stat1…4 by their exact names; a pattern would let through anything named like them, `_`
 * being LIKE's wildcard: a trigger `sqlitexstat_q` is as much a difference as any other).
 */
export function schemaObjects(db: Db): SchemaObject[] {
  return (db.prepare("SELECT type, name, tbl_name AS tbl, sql FROM sqlite_master WHERE NOT (type = 'table' AND name IN ('sqlite_stat1', 'sqlite_stat2', 'sqlite_stat3', 'sqlite_stat4')) ORDER BY type, name").all() as { type: string; name: string; tbl: string; sql: string | null }[]).map(
    (r) => ({ type: r.type, name: r.name, table: r.tbl, sql: normalSql(r.sql) }),
  );
}

const references = new WeakMap<readonly Migration[], Map<number, SchemaObject[]>>();

/** The schema of a database gongshu creates at `version` (0: an empty file). */
export function expectedSchema(version: number, migrations: readonly Migration[] = MIGRATIONS): SchemaObject[] {
  let reference = references.get(migrations);
  if (!reference) references.set(migrations, (reference = new Map()));
  const cached = reference.get(version);
  if (cached) return cached;
  const Database = createRequire(import.meta.url)('better-sqlite3') as typeof BetterSqlite3;
  const db = new Database(':memory:');
  try {
    db.pragma('foreign_keys = OFF');
    for (const m of migrations.filter((x) => x.version <= version)) {
      db.exec(m.sql);
      m.run?.(db);
    }
    const objects = schemaObjects(db);
    reference.set(version, objects);
    return objects;
  } finally {
    db.close();
  }
}

/** How a file's schema differs from what gongshu creates at its `user_version`; empty when it is exactly that. */
export function schemaDifferences(db: Db, version: number, migrations: readonly Migration[] = MIGRATIONS): SchemaDifference[] {
  const expected = new Map(expectedSchema(version, migrations).map((o) => [`${o.type}:${o.name}`, o]));
  const actual = new Map(schemaObjects(db).map((o) => [`${o.type}:${o.name}`, o]));
  const out: SchemaDifference[] = [];
  for (const [key, e] of expected) {
    const a = actual.get(key);
    if (!a) out.push({ kind: 'missing', type: e.type, name: e.name, table: e.table });
    else if (a.sql !== e.sql || a.table !== e.table) out.push({ kind: 'changed', type: e.type, name: e.name, table: e.table });
  }
  for (const [key, a] of actual) if (!expected.has(key)) out.push({ kind: 'extra', type: a.type, name: a.name, table: a.table });
  // Tables first, then indexes, triggers, views; SQLite's own indexes of UNIQUE constraints are compared but
  // not named (their table's definition already says what differs).
  const order = ['table', 'index', 'trigger', 'view'];
  const named = out.filter((d) => !d.name.startsWith('sqlite_autoindex_'));
  return (named.length > 0 ? named : out).sort((a, b) => order.indexOf(a.type) - order.indexOf(b.type) || a.name.localeCompare(b.name));
}

/** The first version whose schema has the chained audit log (hash columns, the upkeep table). */
export const CHAINED_VERSION = 5;

/**
 * Whether a file says it is older than the chained log while its schema says it was chained: its
 * `user_version` was set back (to escape the chain check, or to have a migration re-chain a forged entry).
 */
export function chainedButOlder(db: Db, version: number): boolean {
  if (version >= CHAINED_VERSION) return false;
  const auditSql = (db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'audit_log'").get() as { sql: string } | undefined)?.sql ?? '';
  const upkeep = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'upkeep'").get() !== undefined;
  return /\bprev_hash\b|\bhash\b/u.test(auditSql) || upkeep;
}

function differenceText(d: SchemaDifference): string {
  const type = ['table', 'index', 'trigger', 'view'].includes(d.type) ? msg(`recovery.type.${d.type}` as MessageKey) : d.type;
  return msg(`recovery.diff.${d.kind}`, { type, name: d.name, table: d.table });
}

/**
 * What is wrong with a file's schema for its `user_version`, in the clerk's words; null when it is exactly
 * what gongshu creates at that version. A version newer than this gongshu knows is the caller's to refuse.
 */
export function schemaProblem(db: Db, version: number, migrations: readonly Migration[] = MIGRATIONS): string | null {
  return schemaFinding(db, version, migrations).problem;
}

export interface SchemaFinding {
  problem: string | null;
  /** Every table is as gongshu created it (an index or a trigger may differ): its rows can be read and counted. */
  tablesIntact: boolean;
}

export function schemaFinding(db: Db, version: number, migrations: readonly Migration[] = MIGRATIONS): SchemaFinding {
  const latest = migrations[migrations.length - 1]?.version ?? 0;
  if (version > latest) return { problem: null, tablesIntact: false };
  if (chainedButOlder(db, version)) return { problem: msg('recovery.schema.chainedButOlder', { version }), tablesIntact: false };
  const differences = schemaDifferences(db, version, migrations);
  if (differences.length === 0) return { problem: null, tablesIntact: true };
  return {
    problem: msg('recovery.schema.mismatch', { version, problems: differences.slice(0, 6).map(differenceText).join('；') }),
    tablesIntact: differences.every((d) => d.type !== 'table'),
  };
}
