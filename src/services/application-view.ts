/**
 * Applications as they are shown: the public JSON shape of one (`apply show --json`, `apply list --json`;
 * keys are a contract), the list of a round, the versions. Reading only: nothing here loads the rules.
 */
import { unitNameOf, type Lead, type Member, type Unit } from '../core/application.js';
import type { FieldCorrection, Finding, WaivableFinding } from '../core/finding.js';
import { chinaDate } from '../core/china-time.js';
import { isWaived, waiverKind, type Waiver, type WaiverKind } from '../rules/waivers.js';
import { eligibilityText, type Eligibility as RuleEligibility } from '../rules/verdict.js';
import { RefusedError } from '../core/errors.js';
import { msg } from '../messages/index.js';
import {
  activeOverrides,
  getApplication,
  listApplications,
  listApplicationSummaries,
  listVersions,
  roundsWithApplications,
  type ApplicationSummary,
  type Override,
  type StoredApplication,
  type VersionMail,
} from '../store/applications.js';
import { auditFor, type AuditEntry } from '../store/audit.js';
import { readTransaction, type Db } from '../store/open.js';
import type { Workspace } from './context.js';

export type Eligibility = RuleEligibility | 'unchecked';

export interface FindingView extends WaivableFinding {
  /** What a clerk may do about it: waive (the notice leaves it to judgement), acknowledge (a warning), or fix only. */
  waiver: WaiverKind;
}

export interface ApplicationJson {
  id: number;
  round: number;
  studioName: string;
  /** The one answer to the unit's name (单位全称, else the cover's 申报单位). */
  unitName: string;
  unit: Unit;
  lead: Lead;
  members: Member[];
  workPlan: string;
  source: { file: string; sha256: string; sheet: string };
  findings: FindingView[];
  eligible: boolean | null;
  eligibility: Eligibility;
  status: string;
  version: number;
  /** Versions stored after the one in effect and not accepted (see `apply accept-version`). */
  pendingVersions: number[];
  /** The clerk's corrections the version in effect carries (已更正: field, old → new, reason, day). */
  corrections: FieldCorrection[];
  femaleGroup: string | null;
  receivedDate: string | null;
  /** The mail the form in effect came in (sender, subject, Date as a UTC instant), or null. */
  mail: VersionMail | null;
  problems: Finding[];
  cells: Record<string, string>;
}

/**
 * What a reader noticed that the rules do not say themselves (a formula without a result, a cut text). A
 * reader note with a rule's code (the ID stored as a number) would say the same thing twice, possibly with
 * another severity: the rule's finding is the one that counts, on screen and in the database alike.
 */
export function readerNotes(problems: readonly Finding[], ruleCodes: Iterable<string>): Finding[] {
  const codes = new Set(ruleCodes);
  return problems.filter((p) => !codes.has(p.code));
}

/** 合格 / 待确认 / 不合格, or 未审查 before the rules ran. */
export function eligibilityName(e: Eligibility): string {
  return e === 'unchecked' ? msg('cli.eligibility.unchecked') : eligibilityText(e);
}

/** The stored verdict (which already accounts for waivers), or 'unchecked' before the rules ran. */
export function eligibilityFromVerdict(eligible: boolean | null, hasOpenWarnings: boolean): Eligibility {
  if (eligible === null) return 'unchecked';
  if (!eligible) return 'ineligible';
  return hasOpenWarnings ? 'pending' : 'eligible';
}

/** The verdict of a fresh evaluation: 不合格, 待确认 (warnings not acknowledged) or 合格. */
export function verdictOf(e: { eligible: boolean; findings: readonly Finding[]; waivers: readonly Waiver[] }): Eligibility {
  return eligibilityFromVerdict(e.eligible, e.findings.some((f) => f.severity === 'warning' && !isWaived(f, e.waivers)));
}

export function findingViews(findings: readonly Finding[], waivers: readonly (Waiver & { reason?: string; createdAt?: string })[]): FindingView[] {
  return findings.map((f) => {
    const waiver = waivers.find((w) => isWaived(f, [w]));
    if (!waiver) return { ...f, waiver: waiverKind(f) };
    return {
      ...f,
      waiver: waiverKind(f),
      overridden: true,
      ...(waiver.reason ? { waiverReason: waiver.reason } : {}),
      ...(waiver.createdAt ? { waiverDate: chinaDate(waiver.createdAt) } : {}),
    };
  });
}

/** A field's value in a form, by its dotted path (`lead.idNumber`, `studioName`). */
function fieldValue(application: unknown, path: string): string {
  let v: unknown = application;
  for (const part of path.split('.')) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[part] : undefined;
  return typeof v === 'string' || typeof v === 'number' ? String(v) : '';
}

/**
 * The clerk's corrections (`apply set`) that the version in effect still carries: each field with its value
 * before and after, the reason and the day. A correction a later form of the unit replaced is left out.
 */
export function fieldCorrections(db: Db, app: StoredApplication): FieldCorrection[] {
  const entries = auditFor(db, 'application', app.id).filter((e) => e.action === 'correct' && Number(e.detail.version) <= app.current.version);
  if (entries.length === 0) return [];
  const versions = new Map(listVersions(db, app.id).map((v) => [v.version, v.parsed.application]));
  const now = app.current.parsed.application;
  return entries.flatMap((e) => {
    const version = Number(e.detail.version);
    const paths = Array.isArray(e.detail.paths) ? (e.detail.paths as string[]) : [];
    const names = Array.isArray(e.detail.fields) ? (e.detail.fields as string[]) : [];
    const before = versions.get(Number(e.detail.previousVersion ?? version - 1));
    const after = versions.get(version);
    if (!after) return [];
    return paths
      .map((path, i) => ({
        field: names[i] ?? path,
        path,
        from: before ? fieldValue(before, path) : '',
        to: fieldValue(after, path),
        reason: String(e.detail.reason ?? ''),
        date: chinaDate(e.at),
        version,
      }))
      .filter((c) => fieldValue(now, c.path) === c.to);
  });
}

/** The waivers and acknowledgements standing on an application, oldest first. */
export function activeWaivers(ws: Workspace, id: number): Override[] {
  return activeOverrides(ws.db, id);
}

export function applicationJson(db: Db, app: StoredApplication, pendingVersions: number[] = []): ApplicationJson {
  const a = app.current.parsed.application;
  const findings = findingViews(app.findings, activeOverrides(db, app.id));
  return {
    id: app.id,
    round: app.round,
    studioName: a.studioName,
    unitName: unitNameOf(a),
    unit: a.unit,
    lead: a.lead,
    members: a.members,
    workPlan: a.workPlan,
    source: { file: app.current.file, sha256: app.current.sha256, sheet: app.current.sheet },
    findings,
    eligible: app.eligible,
    eligibility: eligibilityFromVerdict(app.eligible, findings.some((f) => f.severity === 'warning' && !f.overridden)),
    status: app.status,
    version: app.current.version,
    pendingVersions,
    corrections: fieldCorrections(db, app),
    femaleGroup: app.femaleGroup,
    receivedDate: app.receivedDate,
    mail: app.current.mail,
    problems: readerNotes(app.current.problems, app.findings.map((f) => f.code)),
    cells: app.current.parsed.cells,
  };
}

export type { ApplicationSummary };

/** The application with this id, or the clerk's refusal; with `round`, it must belong to that round. */
export function requireApplication(ws: Workspace, id: number, round?: number): StoredApplication {
  const app = getApplication(ws.db, id);
  if (!app) throw new RefusedError('application-not-found', msg('cli.notFound', { id }));
  if (round !== undefined && app.round !== round) throw new RefusedError('application-not-found', msg('workflow.notInRound', { id, round }));
  return app;
}

export interface ApplicationRow extends ApplicationSummary {
  eligibility: Eligibility;
}

/** `apply list`: what the table shows, read without parsing every stored form. */
export function applicationRows(ws: Workspace, round: number): ApplicationRow[] {
  return listApplicationSummaries(ws.db, round).map((a) => ({ ...a, eligibility: eligibilityFromVerdict(a.eligible, a.warnings > 0) }));
}

/** The other rounds that have applications, newest first (to say where they are when this one is empty). */
export function otherRounds(ws: Workspace, round: number): { round: number; count: number }[] {
  return roundsWithApplications(ws.db).filter((r) => r.round !== round);
}

function pendingOf(ws: Workspace, app: StoredApplication): number[] {
  return listVersions(ws.db, app.id)
    .filter((v) => v.version > app.current.version)
    .map((v) => v.version);
}

export function applicationViews(ws: Workspace, round: number): ApplicationJson[] {
  // One read transaction: an import committing meanwhile never shows half in the list.
  return readTransaction(ws.db, () => listApplications(ws.db, round).map((a) => applicationJson(ws.db, a, pendingOf(ws, a))));
}

export function applicationView(ws: Workspace, id: number): ApplicationJson {
  const app = requireApplication(ws, id);
  return applicationJson(ws.db, app, pendingOf(ws, app));
}

export interface VersionInfo {
  version: number;
  file: string;
  sha256: string;
  importedAt: string;
  importedBy: string;
  /** in effect, earlier (replaced), or pending (stored after the one in effect, not accepted). */
  state: 'current' | 'earlier' | 'pending';
}

export interface ApplicationHistory {
  versions: VersionInfo[];
  audit: AuditEntry[];
}

export function applicationHistory(ws: Workspace, id: number): ApplicationHistory {
  const app = requireApplication(ws, id);
  const versions = listVersions(ws.db, id).map((v) => ({
    version: v.version,
    file: v.file,
    sha256: v.sha256,
    importedAt: v.importedAt,
    importedBy: v.importedBy,
    state: v.version === app.current.version ? ('current' as const) : v.version > app.current.version ? ('pending' as const) : ('earlier' as const),
  }));
  return { versions, audit: auditFor(ws.db, 'application', id) };
}

