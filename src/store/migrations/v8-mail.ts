/**
 * Migration 8 (kept in its own file so that it merges as one piece): a form that came in a mail keeps the
 * mail's sender, subject and date with its version (src/intake/sources/mail.ts). NULL for every other file.
 */
import type { Migration } from './index.js';

export const MAIL_ORIGIN: Migration = {
  version: 8,
  description: 'the mail a form came in: sender, subject and date, kept with the version',
  sql: `
    ALTER TABLE application_versions ADD COLUMN mail_from TEXT;
    ALTER TABLE application_versions ADD COLUMN mail_subject TEXT;
    ALTER TABLE application_versions ADD COLUMN mail_date TEXT;
  `,
};
