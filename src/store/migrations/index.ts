/**
 * Ordered schema migrations. `PRAGMA user_version` holds the number of the last one applied.
 * Never edit a migration that has shipped: add a new one.
 *
 * Migrations run with foreign keys off (a table rebuild drops and renames tables that others refer to)
 * and must leave `PRAGMA foreign_key_check` clean; `migrate` checks it before committing.
 */
import type { Db } from '../open.js';
import { backfillApplicationKeys, reserveStudioIds } from './v4.js';
import { chainAuditLog } from './v5.js';
import { MAIL_ORIGIN } from './v8-mail.js';

export interface Migration {
  version: number;
  description: string;
  sql: string;
  /** Data the SQL cannot compute, filled in after it, in the same transaction. */
  run?: (db: Db) => void;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'rounds, applications with versions, findings, overrides, materials, audit log',
    sql: `
      CREATE TABLE rounds (
        year INTEGER PRIMARY KEY,
        deadline TEXT NOT NULL,
        settings TEXT NOT NULL DEFAULT '{}'
      );
      CREATE TABLE applications (
        id INTEGER PRIMARY KEY,
        round INTEGER NOT NULL,
        unit_key TEXT NOT NULL,
        lead_key TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'submitted',
        female_group TEXT,
        received_date TEXT,
        findings TEXT NOT NULL DEFAULT '[]',
        eligible INTEGER,
        created_at TEXT NOT NULL,
        UNIQUE (round, unit_key, lead_key)
      );
      CREATE TABLE application_versions (
        id INTEGER PRIMARY KEY,
        application_id INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
        version INTEGER NOT NULL,
        file TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        sheet TEXT NOT NULL,
        data TEXT NOT NULL,
        problems TEXT NOT NULL DEFAULT '[]',
        imported_at TEXT NOT NULL,
        imported_by TEXT NOT NULL,
        UNIQUE (application_id, version)
      );
      CREATE INDEX application_versions_sha ON application_versions (sha256);
      CREATE TABLE overrides (
        id INTEGER PRIMARY KEY,
        application_id INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
        code TEXT NOT NULL,
        reason TEXT NOT NULL,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        undone_at TEXT
      );
      CREATE TABLE materials (
        application_id INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
        material TEXT NOT NULL,
        received_at TEXT NOT NULL,
        PRIMARY KEY (application_id, material)
      );
      CREATE TABLE application_notes (
        application_id INTEGER PRIMARY KEY REFERENCES applications(id) ON DELETE CASCADE,
        report_studio_name TEXT
      );
      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        user TEXT NOT NULL,
        command TEXT NOT NULL,
        entity TEXT NOT NULL,
        entity_id INTEGER,
        action TEXT NOT NULL,
        detail TEXT NOT NULL DEFAULT '{}'
      );
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
    `,
  },
  {
    version: 2,
    description: 'studios and their assessments (考核), with versions like applications',
    sql: `
      CREATE TABLE studios (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        name_key TEXT NOT NULL,
        lead_name TEXT NOT NULL,
        lead_key TEXT NOT NULL,
        lead_id_number TEXT NOT NULL DEFAULT '',
        lead_birth TEXT,
        lead_gender TEXT,
        lead_female_group TEXT,
        lead_left INTEGER NOT NULL DEFAULT 0,
        unit_name TEXT NOT NULL DEFAULT '',
        application_id INTEGER REFERENCES applications(id),
        selection_year INTEGER,
        certified_on TEXT,
        valid_until TEXT,
        plaque TEXT,
        status TEXT NOT NULL DEFAULT 'valid',
        created_from TEXT NOT NULL,
        created_at TEXT NOT NULL,
        UNIQUE (name_key, lead_key)
      );
      CREATE TABLE assessments (
        id INTEGER PRIMARY KEY,
        studio_id INTEGER NOT NULL REFERENCES studios(id) ON DELETE CASCADE,
        round INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        UNIQUE (studio_id, round)
      );
      CREATE TABLE assessment_versions (
        id INTEGER PRIMARY KEY,
        assessment_id INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
        version INTEGER NOT NULL,
        file TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        sheet TEXT NOT NULL,
        data TEXT NOT NULL,
        problems TEXT NOT NULL DEFAULT '[]',
        imported_at TEXT NOT NULL,
        imported_by TEXT NOT NULL,
        UNIQUE (assessment_id, version)
      );
      CREATE INDEX assessment_versions_sha ON assessment_versions (sha256);
    `,
  },
  {
    version: 3,
    description: 'expert review, shortlist changes, public notice, objections, certification and subsidy',
    sql: `
      CREATE TABLE review_files (
        id INTEGER PRIMARY KEY,
        round INTEGER NOT NULL,
        file TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        imported_by TEXT NOT NULL,
        UNIQUE (round, sha256)
      );
      CREATE TABLE reviews (
        id INTEGER PRIMARY KEY,
        application_id INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
        expert TEXT NOT NULL,
        expert_key TEXT NOT NULL,
        score TEXT,
        recommend TEXT,
        recused INTEGER NOT NULL DEFAULT 0,
        cell TEXT,
        review_file_id INTEGER NOT NULL REFERENCES review_files(id),
        UNIQUE (application_id, expert_key)
      );
      CREATE TABLE shortlist_changes (
        id INTEGER PRIMARY KEY,
        application_id INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
        change TEXT NOT NULL CHECK (change IN ('add', 'remove')),
        reason TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        undone_at TEXT
      );
      CREATE TABLE notices (
        round INTEGER PRIMARY KEY,
        starts_on TEXT NOT NULL,
        ends_on TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL
      );
      CREATE TABLE objections (
        id INTEGER PRIMARY KEY,
        application_id INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
        reason TEXT NOT NULL,
        raised_at TEXT NOT NULL,
        raised_by TEXT NOT NULL,
        resolved_at TEXT,
        resolved_by TEXT,
        resolution TEXT
      );
      ALTER TABLE studios ADD COLUMN occupation TEXT NOT NULL DEFAULT '';
      ALTER TABLE studios ADD COLUMN term_started_on TEXT;
      ALTER TABLE studios ADD COLUMN subsidy_yuan REAL;
      ALTER TABLE studios ADD COLUMN subsidy_paid_on TEXT;
      CREATE UNIQUE INDEX studios_plaque ON studios (plaque) WHERE plaque IS NOT NULL;
      CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
    `,
  },
  {
    version: 4,
    description: 'identity by normalised lead ID, pending versions, one waiver per finding, a studio register that never deletes or reuses ids, withdrawable assessments',
    sql: `
      CREATE TABLE applications_v4 (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        round INTEGER NOT NULL,
        lead_id_key TEXT,
        lead_name_key TEXT NOT NULL DEFAULT '',
        current_version INTEGER,
        status TEXT NOT NULL DEFAULT 'submitted',
        female_group TEXT,
        received_date TEXT,
        findings TEXT NOT NULL DEFAULT '[]',
        eligible INTEGER,
        created_at TEXT NOT NULL
      );
      INSERT INTO applications_v4 (id, round, current_version, status, female_group, received_date, findings, eligible, created_at)
        SELECT id, round, (SELECT MAX(version) FROM application_versions v WHERE v.application_id = applications.id),
          status, female_group, received_date, findings, eligible, created_at FROM applications;
      DROP TABLE applications;
      ALTER TABLE applications_v4 RENAME TO applications;
      CREATE INDEX applications_round ON applications (round);
      CREATE INDEX applications_lead_id ON applications (round, lead_id_key);
      CREATE INDEX applications_lead_name ON applications (round, lead_name_key);
      ALTER TABLE overrides ADD COLUMN field TEXT;

      CREATE TABLE studios_v4 (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        name TEXT NOT NULL,
        name_key TEXT NOT NULL,
        lead_name TEXT NOT NULL,
        lead_key TEXT NOT NULL,
        lead_id_number TEXT NOT NULL DEFAULT '',
        lead_birth TEXT,
        lead_gender TEXT,
        lead_female_group TEXT,
        lead_left INTEGER NOT NULL DEFAULT 0,
        unit_name TEXT NOT NULL DEFAULT '',
        application_id INTEGER REFERENCES applications(id),
        selection_year INTEGER,
        certified_on TEXT,
        valid_until TEXT,
        plaque TEXT,
        status TEXT NOT NULL DEFAULT 'valid',
        created_from TEXT NOT NULL,
        created_at TEXT NOT NULL,
        occupation TEXT NOT NULL DEFAULT '',
        term_started_on TEXT,
        subsidy_yuan REAL,
        subsidy_paid_on TEXT,
        merged_into INTEGER REFERENCES studios(id)
      );
      INSERT INTO studios_v4 (id, name, name_key, lead_name, lead_key, lead_id_number, lead_birth, lead_gender, lead_female_group,
          lead_left, unit_name, application_id, selection_year, certified_on, valid_until, plaque, status, created_from, created_at,
          occupation, term_started_on, subsidy_yuan, subsidy_paid_on)
        SELECT id, name, name_key, lead_name, lead_key, lead_id_number, lead_birth, lead_gender, lead_female_group,
          lead_left, unit_name, application_id, selection_year, certified_on, valid_until, plaque, status, created_from, created_at,
          occupation, term_started_on, subsidy_yuan, subsidy_paid_on FROM studios;
      DROP TABLE studios;
      ALTER TABLE studios_v4 RENAME TO studios;
      CREATE UNIQUE INDEX studios_plaque ON studios (plaque) WHERE plaque IS NOT NULL;
      CREATE INDEX studios_lead ON studios (lead_key);
      CREATE INDEX studios_application ON studios (application_id);

      CREATE TABLE assessments_v4 (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        studio_id INTEGER NOT NULL REFERENCES studios(id),
        round INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        withdrawn_at TEXT,
        withdrawn_reason TEXT
      );
      INSERT INTO assessments_v4 (id, studio_id, round, created_at) SELECT id, studio_id, round, created_at FROM assessments;
      DROP TABLE assessments;
      ALTER TABLE assessments_v4 RENAME TO assessments;
      CREATE UNIQUE INDEX assessments_active ON assessments (studio_id, round) WHERE withdrawn_at IS NULL;
    `,
    run(db) {
      backfillApplicationKeys(db);
      reserveStudioIds(db);
    },
  },
  {
    version: 5,
    description: 'a tamper-evident audit log (each entry hashed with the one before; ids never reused), and upkeep left to finish (a purge whose VACUUM did not complete)',
    sql: `
      CREATE TABLE audit_log_v5 (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        user TEXT NOT NULL,
        command TEXT NOT NULL,
        entity TEXT NOT NULL,
        entity_id INTEGER,
        action TEXT NOT NULL,
        detail TEXT NOT NULL DEFAULT '{}',
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      );
      CREATE TABLE upkeep (
        task TEXT PRIMARY KEY,
        since TEXT NOT NULL
      );
    `,
    run(db) {
      // The old table is copied entry by entry (masked, then chained), dropped, and the triggers made again.
      chainAuditLog(db);
    },
  },
  {
    version: 6,
    description: 'the fields the list of a round shows, kept in an index beside each form (the list reads them without parsing the forms)',
    // The expressions must be exactly those of listApplicationSummaries (src/store/applications.ts).
    sql: `
      CREATE INDEX application_versions_list ON application_versions (application_id, version,
        data ->> '$.application.studioName', data ->> '$.application.unit.name', data ->> '$.application.coverUnit',
        data ->> '$.application.lead.name', data ->> '$.application.lead.occupation');
    `,
  },
  {
    version: 7,
    description: "the 认定文号 of a studio, as the bureau's register gives it (studios import)",
    sql: `
      ALTER TABLE studios ADD COLUMN decision_no TEXT NOT NULL DEFAULT '';
    `,
  },
  MAIL_ORIGIN,
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
