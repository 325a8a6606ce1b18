/** The public JSON shape of one application (`apply show --json`, `apply list --json`). Keys are a contract. */
import type { Lead, Member, Unit } from '../core/application.js';
import type { Finding } from '../core/finding.js';
import type { Eligibility as RuleEligibility } from '../rules/verdict.js';
import { activeOverrides, type StoredApplication } from '../store/applications.js';
import type { Db } from '../store/open.js';

export type Eligibility = RuleEligibility | 'unchecked';

export interface ApplicationJson {
  id: number;
  round: number;
  studioName: string;
  unit: Unit;
  lead: Lead;
  members: Member[];
  workPlan: string;
  source: { file: string; sha256: string; sheet: string };
  findings: (Finding & { overridden?: boolean })[];
  eligible: boolean | null;
  eligibility: Eligibility;
  status: string;
  version: number;
  femaleGroup: string | null;
  receivedDate: string | null;
  problems: Finding[];
  cells: Record<string, string>;
}

/** The stored verdict (which already accounts for overrides), or 'unchecked' before the rules ran. */
export function eligibilityOf(eligible: boolean | null, findings: readonly Finding[]): Eligibility {
  return eligibilityFromVerdict(eligible, findings.some((f) => f.severity === 'warning'));
}

/** Errors are already settled by the stored verdict (overrides included); only warnings decide 待确认 vs 合格. */
export function eligibilityFromVerdict(eligible: boolean | null, hasWarnings: boolean): Eligibility {
  if (eligible === null) return 'unchecked';
  if (!eligible) return 'ineligible';
  return hasWarnings ? 'pending' : 'eligible';
}

export function applicationJson(db: Db, app: StoredApplication): ApplicationJson {
  const a = app.current.parsed.application;
  const overridden = new Set(activeOverrides(db, app.id).map((o) => o.code));
  const findings = app.findings.map((f) => (overridden.has(f.code) && f.severity === 'error' ? { ...f, overridden: true } : f));
  return {
    id: app.id,
    round: app.round,
    studioName: a.studioName,
    unit: a.unit,
    lead: a.lead,
    members: a.members,
    workPlan: a.workPlan,
    source: { file: app.current.file, sha256: app.current.sha256, sheet: app.current.sheet },
    findings,
    eligible: app.eligible,
    eligibility: eligibilityOf(app.eligible, app.findings),
    status: app.status,
    version: app.current.version,
    femaleGroup: app.femaleGroup,
    receivedDate: app.receivedDate,
    problems: app.current.problems,
    cells: app.current.parsed.cells,
  };
}
