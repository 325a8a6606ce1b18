/** Runs the eligibility rules (形式审查) for stored applications and keeps the findings with them. */
import type { Finding } from '../core/finding.js';
import { isEligible, runRules } from '../rules/index.js';
import type { RuleContext } from '../rules/context.js';
import {
  activeOverrides,
  getApplication,
  leadIdNumbers,
  materialsTracked,
  receivedMaterials,
  reportStudioName,
  saveFindings,
  type StoredApplication,
} from '../store/applications.js';
import type { Db } from '../store/open.js';
import { getRound } from '../store/rounds.js';
import { isPurgedData } from '../store/purge.js';
import { validStudioLeads } from '../store/studio-leads.js';
import type { Actor } from '../store/audit.js';
import { move } from '../store/status.js';

export interface Evaluation {
  findings: Finding[];
  eligible: boolean;
  overridden: Set<string>;
}

export function ruleContextFor(db: Db, app: StoredApplication): RuleContext {
  const round = getRound(db, app.round);
  const others = leadIdNumbers(db, app.round)
    .filter((o) => o.id !== app.id)
    .map((o) => ({ ref: `#${o.id}`, idNumber: o.idNumber, kind: 'application' as const }));
  const studios = validStudioLeads(db, round.deadline).map((s) => ({ ref: s.studioName, idNumber: s.idNumber, kind: 'studio' as const }));
  return {
    parsed: app.current.parsed,
    round: { year: round.year, deadline: round.deadline },
    receivedDate: app.receivedDate,
    femaleGroup: app.femaleGroup,
    otherLeads: [...others, ...studios],
    applicationId: app.id,
    materials: materialsTracked(db, app.id)
      ? { received: receivedMaterials(db, app.id), reportStudioName: reportStudioName(db, app.id) }
      : null,
  };
}

/** Statuses the eligibility check still decides; from 已评审 on, the committee has taken over. */
const CHECKED_STATUSES: ReadonlySet<string> = new Set(['submitted', 'eligible', 'ineligible']);

/**
 * Recomputes and stores one application's findings, and moves it to 形式审查合格 / 不合格 when the
 * result changed (logged like every status change). Call inside the caller's transaction.
 */
export function evaluateApplication(db: Db, id: number, actor: Actor): Evaluation {
  const app = getApplication(db, id);
  if (!app) throw new Error(`application ${id} not found`);
  const overridden = new Set(activeOverrides(db, id).map((o) => o.code));
  // After `db purge` only the verdict is left: checking the emptied form again would invent missing fields.
  if (isPurgedData(app.current.parsed)) return { findings: app.findings, eligible: app.eligible ?? false, overridden };
  const findings = runRules(ruleContextFor(db, app));
  const eligible = isEligible(findings, overridden);
  saveFindings(db, id, findings, eligible);
  const target = eligible ? 'eligible' : 'ineligible';
  if (CHECKED_STATUSES.has(app.status) && app.status !== target) move(db, actor, 'application', id, eligible ? 'check-pass' : 'check-fail');
  return { findings, eligible, overridden };
}

/** Recomputes a whole round (after a rule, deadline or import change: duplicates depend on the others). */
export function evaluateRound(db: Db, round: number, actor: Actor): number {
  const ids = leadIdNumbers(db, round).map((a) => a.id);
  // Immediate: a transaction that reads first and writes later cannot wait for another gongshu's write lock
  // (SQLite answers "database is locked" at once rather than risk a deadlock); one that locks first can.
  db.transaction(() => {
    for (const id of ids) evaluateApplication(db, id, actor);
  }).immediate();
  return ids.length;
}
