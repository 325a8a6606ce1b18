/** Runs the eligibility rules (形式审查) for stored applications and keeps the findings with them. */
import type { Finding } from '../core/finding.js';
import { isEligible, runRules } from '../rules/index.js';
import type { OtherLead, RuleContext } from '../rules/context.js';
import { idKey } from '../rules/duplicate-lead.js';
import { isBlank } from '../rules/fields.js';
import {
  activeOverrides,
  getApplication,
  applicationsWithMaterials,
  leadIdNumbers,
  listApplications,
  receivedMaterials,
  reportStudioName,
  saveFindings,
  type StoredApplication,
} from '../store/applications.js';
import type { Db } from '../store/open.js';
import { getRound, type Round } from '../store/rounds.js';
import { validStudioLeads, type StudioLead } from '../store/studio-leads.js';
import { isPurgedData } from '../store/purge.js';
import type { Actor } from '../store/audit.js';
import { move } from '../store/status.js';

export interface Evaluation {
  findings: Finding[];
  eligible: boolean;
  overridden: Set<string>;
}

/**
 * What every application of a round is checked against: the round itself and the leads of the other
 * applications and of still-valid studios, indexed by comparable ID number. Built once per round check
 * or import batch, so checking N applications reads the round once instead of N times.
 */
export class RoundFacts {
  private readonly applications = new Map<string, { id: number; lead: OtherLead }[]>();
  private readonly keyOf = new Map<number, string>();
  private readonly studios = new Map<string, OtherLead[]>();

  constructor(
    readonly round: Round,
    studioLeads: readonly StudioLead[],
    applications: readonly { id: number; idNumber: string }[],
    /** Applications whose materials are tracked (see materialsTracked). */
    private readonly withMaterials: ReadonlySet<number>,
  ) {
    for (const s of studioLeads) {
      if (isBlank(s.idNumber)) continue;
      const key = idKey(s.idNumber);
      const list = this.studios.get(key) ?? [];
      list.push({ ref: s.studioName, idNumber: s.idNumber, kind: 'studio' });
      this.studios.set(key, list);
    }
    for (const a of applications) this.setApplicationLead(a.id, a.idNumber);
  }

  static load(db: Db, year: number, applications?: readonly StoredApplication[]): RoundFacts {
    const round = getRound(db, year);
    // Only the lead ID numbers are needed: read them without parsing every stored form, unless the forms are at hand.
    const apps = applications ? applications.map((a) => ({ id: a.id, idNumber: a.current.parsed.application.lead.idNumber })) : leadIdNumbers(db, year);
    return new RoundFacts(round, validStudioLeads(db, round.deadline), apps, applicationsWithMaterials(db));
  }

  /** Records (or replaces) an application's lead, e.g. after an import wrote a new version. */
  setApplicationLead(id: number, idNumber: string): void {
    const old = this.keyOf.get(id);
    if (old !== undefined) {
      const list = this.applications.get(old)!.filter((e) => e.id !== id);
      if (list.length) this.applications.set(old, list);
      else this.applications.delete(old);
      this.keyOf.delete(id);
    }
    if (isBlank(idNumber)) return;
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

  /** Other leads that may be the same person as this application's lead (same comparable ID). */
  othersFor(id: number, idNumber: string): OtherLead[] {
    if (isBlank(idNumber)) return [];
    const key = idKey(idNumber);
    const apps = (this.applications.get(key) ?? []).filter((e) => e.id !== id).map((e) => e.lead);
    return [...apps, ...(this.studios.get(key) ?? [])];
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
const CHECKED_STATUSES: ReadonlySet<string> = new Set(['submitted', 'eligible', 'ineligible']);

/**
 * Recomputes and stores one application's findings, and moves it to 形式审查合格 / 不合格 when the
 * result changed (logged like every status change). Call inside the caller's transaction.
 */
export function evaluateApplication(db: Db, id: number, actor: Actor, facts?: RoundFacts): Evaluation {
  const app = getApplication(db, id);
  if (!app) throw new Error(`application ${id} not found`);
  return evaluateStored(db, app, actor, facts);
}

function evaluateStored(db: Db, app: StoredApplication, actor: Actor, facts?: RoundFacts): Evaluation {
  const overridden = new Set(activeOverrides(db, app.id).map((o) => o.code));
  // After `db purge` only the verdict is left: checking the emptied form again would invent missing fields.
  if (isPurgedData(app.current.parsed)) return { findings: app.findings, eligible: app.eligible ?? false, overridden };
  const findings = runRules(ruleContextFor(db, app, facts));
  const eligible = isEligible(findings, overridden);
  saveFindings(db, app.id, findings, eligible);
  const target = eligible ? 'eligible' : 'ineligible';
  if (CHECKED_STATUSES.has(app.status) && app.status !== target) move(db, actor, 'application', app.id, eligible ? 'check-pass' : 'check-fail');
  return { findings, eligible, overridden };
}

/** Recomputes a whole round (after a rule, deadline or import change: duplicates depend on the others). */
export function evaluateRound(db: Db, round: number, actor: Actor): number {
  // Immediate: a transaction that reads first and writes later cannot wait for another gongshu's write
  // lock (SQLite answers "database is locked" at once); one that takes the lock first can.
  return db.transaction(() => {
    const apps = listApplications(db, round);
    const facts = RoundFacts.load(db, round, apps);
    for (const app of apps) evaluateStored(db, app, actor, facts);
    return apps.length;
  }).immediate();
}
