/**
 * The eligibility check (形式审查) of stored applications: the rules over the form in effect, the round, the
 * other leads and the materials; the findings are kept with the application and, while the check still
 * decides (before expert review), its status moves to 形式审查合格 / 不合格.
 *
 * Re-running it changes nothing that has not changed: an application is never compared with itself or its
 * own studio, and withdrawn or rejected applications are out of the comparison.
 */
import type { Finding } from '../core/finding.js';
import { isEligible, runRules, type Waiver } from '../rules/index.js';
import type { OtherLead, RuleContext } from '../rules/context.js';
import { idKey } from '../rules/duplicate-lead.js';
import { isBlank } from '../rules/fields.js';
import {
  activeOverrides,
  applicationsWithMaterials,
  getApplication,
  leadsOfRound,
  listApplications,
  receivedMaterials,
  reportStudioName,
  saveFindings,
  type StoredApplication,
} from '../store/applications.js';
import type { Db } from '../store/open.js';
import { isPurgedData } from '../store/purge.js';
import { getRound, type Round } from '../store/rounds.js';
import { move } from '../store/status.js';
import { validStudioLeads, type StudioLead } from '../store/studio-leads.js';
import { inTransaction, type Workspace } from './context.js';

export interface Evaluation {
  findings: Finding[];
  eligible: boolean;
  waivers: Waiver[];
}

/** Applications out of the selection: they are not compared with the others, and no one with them. */
export const OUT_OF_SELECTION: ReadonlySet<string> = new Set(['withdrawn', 'rejected']);

interface StudioEntry {
  lead: OtherLead;
  applicationId: number | null;
}

/**
 * What every application of a round is checked against: the round itself and the leads of the other
 * applications and of still-valid studios, indexed by comparable ID number. Built once per round check
 * or import batch, so checking N applications reads the round once instead of N times.
 */
export class RoundFacts {
  private readonly applications = new Map<string, { id: number; lead: OtherLead }[]>();
  private readonly keyOf = new Map<number, string>();
  private readonly studios = new Map<string, StudioEntry[]>();

  constructor(
    readonly round: Round,
    studioLeads: readonly StudioLead[],
    applications: readonly { id: number; idNumber: string; status: string }[],
    /** Applications whose materials are tracked (see materialsTracked). */
    private readonly withMaterials: ReadonlySet<number>,
  ) {
    for (const s of studioLeads) {
      if (isBlank(s.idNumber)) continue;
      const key = idKey(s.idNumber);
      const list = this.studios.get(key) ?? [];
      list.push({ lead: { ref: s.plaque ? `${s.studioName}（${s.plaque}）` : s.studioName, idNumber: s.idNumber, kind: 'studio' }, applicationId: s.applicationId });
      this.studios.set(key, list);
    }
    for (const a of applications) this.setApplicationLead(a.id, a.idNumber, a.status);
  }

  static load(db: Db, year: number): RoundFacts {
    const round = getRound(db, year);
    return new RoundFacts(round, validStudioLeads(db, round.deadline), leadsOfRound(db, year), applicationsWithMaterials(db));
  }

  /** Records (or replaces, or with a status out of the selection removes) an application's lead. */
  setApplicationLead(id: number, idNumber: string, status: string): void {
    const old = this.keyOf.get(id);
    if (old !== undefined) {
      const list = this.applications.get(old)!.filter((e) => e.id !== id);
      if (list.length) this.applications.set(old, list);
      else this.applications.delete(old);
      this.keyOf.delete(id);
    }
    if (isBlank(idNumber) || OUT_OF_SELECTION.has(status)) return;
    const key = idKey(idNumber);
    const list = this.applications.get(key) ?? [];
    list.push({ id, lead: { ref: `#${id}`, idNumber, kind: 'application' } });
    // Findings list the other applications in id order, as a full read of the round would.
    list.sort((a, b) => a.id - b.id);
    this.applications.set(key, list);
    this.keyOf.set(id, key);
  }

  /**
   * The applications whose duplicate-lead verdict depends on any of `ids`: every application sharing a lead
   * with one of them, those included, when there is more than one. Ids in ascending order.
   */
  sameLeadAs(ids: Iterable<number>): number[] {
    const out = new Set<number>();
    for (const id of ids) {
      const key = this.keyOf.get(id);
      const group = key === undefined ? [] : this.applications.get(key)!;
      if (group.length > 1) for (const e of group) out.add(e.id);
    }
    return [...out].sort((a, b) => a - b);
  }

  materialsTracked(id: number): boolean {
    return this.withMaterials.has(id);
  }

  /** Other leads that may be the same person as this application's lead: never itself, never its own studio. */
  othersFor(id: number, idNumber: string): OtherLead[] {
    if (isBlank(idNumber)) return [];
    const key = idKey(idNumber);
    const apps = (this.applications.get(key) ?? []).filter((e) => e.id !== id).map((e) => e.lead);
    const studios = (this.studios.get(key) ?? []).filter((s) => s.applicationId !== id).map((s) => s.lead);
    return [...apps, ...studios];
  }
}

export function ruleContextFor(db: Db, app: StoredApplication, facts: RoundFacts = RoundFacts.load(db, app.round)): RuleContext {
  const { round } = facts;
  return {
    parsed: app.current.parsed,
    round: { year: round.year, deadline: round.deadline },
    receivedDate: app.receivedDate,
    femaleGroup: app.femaleGroup,
    otherLeads: facts.othersFor(app.id, app.current.parsed.application.lead.idNumber),
    applicationId: app.id,
    materials: facts.materialsTracked(app.id)
      ? { received: receivedMaterials(db, app.id), reportStudioName: reportStudioName(db, app.id) }
      : null,
  };
}

/** Statuses the eligibility check still decides; from 已评审 on, the committee has taken over. */
export const CHECKED_STATUSES: ReadonlySet<string> = new Set(['submitted', 'eligible', 'ineligible']);

export function waiversOf(db: Db, applicationId: number): Waiver[] {
  return activeOverrides(db, applicationId).map((o) => ({ code: o.code, field: o.field }));
}

/**
 * Recomputes and stores one application's findings, and moves it to 形式审查合格 / 不合格 when the
 * result changed (logged like every status change). Runs inside the caller's transaction.
 */
export function evaluateApplication(ws: Workspace, id: number, facts?: RoundFacts): Evaluation {
  const app = getApplication(ws.db, id);
  if (!app) throw new Error(`application ${id} not found`);
  return evaluateStored(ws, app, facts);
}

function evaluateStored(ws: Workspace, app: StoredApplication, facts?: RoundFacts): Evaluation {
  const waivers = waiversOf(ws.db, app.id);
  // After `db purge` only the verdict is left: checking the emptied form again would invent missing fields.
  if (isPurgedData(app.current.parsed)) return { findings: app.findings, eligible: app.eligible ?? false, waivers };
  const findings = runRules(ruleContextFor(ws.db, app, facts));
  const eligible = isEligible(findings, waivers);
  saveFindings(ws.db, app.id, findings, eligible);
  const target = eligible ? 'eligible' : 'ineligible';
  if (CHECKED_STATUSES.has(app.status) && app.status !== target) move(ws.db, ws.actor, 'application', app.id, eligible ? 'check-pass' : 'check-fail');
  return { findings, eligible, waivers };
}

/** Checks the given applications again against the round as it is now (one reading of the round). */
export function recheck(ws: Workspace, round: number, ids: Iterable<number>): void {
  const facts = RoundFacts.load(ws.db, round);
  for (const id of ids) evaluateApplication(ws, id, facts);
}

/** `apply validate`, and after a deadline or rule change: the whole round again. Returns how many were checked. */
export function checkRound(ws: Workspace, round: number): number {
  return inTransaction(ws, () => {
    const apps = listApplications(ws.db, round);
    const facts = RoundFacts.load(ws.db, round);
    for (const app of apps) evaluateStored(ws, app, facts);
    return apps.length;
  });
}
