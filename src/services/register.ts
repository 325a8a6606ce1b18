/**
 * `studios import FILE [--dry-run]`: the bureau's existing register of studios (an Excel workbook kept by
 * hand, or a published 认定名单 in Word) brought into gongshu's studio register, so that studios certified
 * before gongshu was used have their terms, come up in `studios due` and link their 考核表.
 *
 * The file goes through the same safe open as every form (size, zip and cell limits); the plan is made by the
 * pure planner (core/register.ts); a dry run stops there. Otherwise: a backup, then one transaction that adds
 * and fills in the studios and appends one audit entry for the import (a studio the register says was revoked
 * moves to 已撤销 through the life cycle, which logs that move on the studio as every status change is).
 */
import path from 'node:path';
import { nameKey } from '../core/text.js';
import { planRegisterImport, type KnownStudio, type Note, type PlannedRow } from '../core/register.js';
import { appendAudit } from '../store/audit.js';
import { autoBackup } from '../store/backup.js';
import { move } from '../store/status.js';
import {
  decisionNumbers,
  insertRegisterStudio,
  listStudios,
  setCertifiedOn,
  setLeadIdNumber,
  setLeadLeft,
  setRegisterField,
  setTerm,
  usedPlaques,
} from '../store/studios.js';
import type { Finding } from '../core/finding.js';
import { inTransaction, type Workspace } from './context.js';

export type { PlannedRow, Note };

export interface RegisterImport {
  file: string;
  dryRun: boolean;
  plan: PlannedRow[];
  /** What the reader noticed (rows without a name, dates it could not read …), each with its cell. */
  problems: Finding[];
  /** The sheets read and the row of each header. */
  tables: { sheet: string; headerRow: number }[];
  counts: { added: number; updated: number; same: number; skipped: number };
  /** The copy taken before writing (null on a dry run or when nothing changes). */
  backup: string | null;
  /** Ids of the studios added, in the order of the rows. */
  addedIds: number[];
}

function knownStudios(ws: Workspace): KnownStudio[] {
  const numbers = decisionNumbers(ws.db);
  return listStudios(ws.db).map((s) => ({
    id: s.id,
    name: s.name,
    plaque: s.plaque,
    leadName: s.leadName,
    unitName: s.unitName,
    occupation: s.occupation,
    decisionNo: numbers.get(s.id) ?? '',
    leadIdNumber: s.leadIdNumber,
    certifiedOn: s.certifiedOn,
    termStartedOn: s.termStartedOn,
    selectionYear: s.selectionYear,
    status: s.status,
    createdFrom: s.createdFrom,
    leadLeft: s.leadLeft,
  }));
}

function countsOf(plan: readonly PlannedRow[]): RegisterImport['counts'] {
  const n = (kind: PlannedRow['kind']): number => plan.filter((p) => p.kind === kind).length;
  return { added: n('add'), updated: n('update'), same: n('same'), skipped: n('skip') };
}

function apply(ws: Workspace, plan: readonly PlannedRow[], file: string, reason: string): number[] {
  const added: number[] = [];
  for (const p of plan) {
    if (p.kind === 'add') {
      const s = p.studio;
      added.push(insertRegisterStudio(ws.db, { ...s, status: s.revoked ? 'revoked' : 'valid' }, nameKey));
    } else if (p.kind === 'update') {
      for (const c of p.changes) {
        switch (c.field) {
          case 'plaque':
          case 'occupation':
          case 'unitName':
          case 'decisionNo':
            setRegisterField(ws.db, p.studioId, c.field, c.to);
            break;
          case 'selectionYear':
            setRegisterField(ws.db, p.studioId, 'selectionYear', c.to);
            break;
          case 'leadIdNumber':
            setLeadIdNumber(ws.db, p.studioId, c.to, c.birth, c.gender);
            break;
          case 'certifiedOn':
            setCertifiedOn(ws.db, p.studioId, c.to);
            if (c.validUntil !== null) setTerm(ws.db, p.studioId, c.to, c.validUntil);
            break;
          case 'leadLeft':
            setLeadLeft(ws.db, p.studioId, true);
            break;
          case 'revoke':
            move(ws.db, ws.actor, 'studio', p.studioId, 'revoke', { reason, file });
            break;
        }
      }
    }
  }
  return added;
}

/**
 * Reads the register, plans, and (unless `dryRun`) writes the plan in one transaction after a backup. A dry
 * run without a database (`ws` null) plans against an empty register and creates nothing.
 */
export async function importRegister(ws: Workspace | null, file: string, options: { dryRun: boolean; reason: string }): Promise<RegisterImport> {
  // The readers (SheetJS, the Word adapter) are loaded by this command only.
  const [{ openWorkbookFile }, { parseRegister }] = await Promise.all([import('../intake/open/safe-open.js'), import('../intake/forms/register-reader.js')]);
  const opened = await openWorkbookFile(file);
  const parsed = parseRegister(opened);
  const plan = planRegisterImport(parsed.rows, ws ? knownStudios(ws) : [], new Set(ws ? usedPlaques(ws.db) : []));
  const counts = countsOf(plan);
  const base = { file, dryRun: options.dryRun, plan, problems: parsed.problems, tables: parsed.tables.map((t) => ({ sheet: t.sheet, headerRow: t.headerRow })), counts };
  if (!ws || options.dryRun || counts.added + counts.updated === 0) return { ...base, dryRun: options.dryRun || !ws, backup: null, addedIds: [] };
  const backup = autoBackup(ws.db, ws.dbFile, 'studios-import');
  const addedIds = inTransaction(ws, () => {
    // Re-planned under the write lock: another gongshu may have changed the register since the plan was shown.
    const fresh = planRegisterImport(parsed.rows, knownStudios(ws), new Set(usedPlaques(ws.db)));
    const ids = apply(ws, fresh, path.basename(file), options.reason);
    appendAudit(ws.db, ws.actor, 'register', null, 'studios-import', {
      file: path.basename(file),
      sha256: opened.sha256,
      counts: countsOf(fresh),
      addedIds: ids,
      updated: fresh.filter((p) => p.kind === 'update').map((p) => (p.kind === 'update' ? { id: p.studioId, fields: p.changes.map((c) => c.field) } : null)),
    });
    plan.splice(0, plan.length, ...fresh);
    return ids;
  });
  return { ...base, counts: countsOf(plan), backup, addedIds };
}
