/** What a rule sees: one parsed application and the facts of its round. Pure data, no I/O. */
import type { ParsedApplication } from '../core/application.js';
import type { Finding, Severity } from '../core/finding.js';
import type { FemaleGroup } from '../core/retirement.js';
import { ruleThresholds } from './data.js';

export interface OtherLead {
  /** Display reference: "#12" for an application, the studio name for a studio. */
  ref: string;
  idNumber: string;
  kind: 'application' | 'studio';
}

export interface MaterialsRecord {
  /** Material keys (see data/rules/materials.json) recorded as received. */
  received: string[];
  /** Studio name written in the 申办报告, when the clerk recorded it. */
  reportStudioName: string | null;
}

export interface RuleContext {
  parsed: ParsedApplication;
  /** deadline is `YYYY-MM-DD`; it is also the reference date for the retirement margin. */
  round: { year: number; deadline: string };
  /** `YYYY-MM-DD` the application was received, for late-submission. */
  receivedDate: string | null;
  /** null = not set by the clerk: the worker group (50) is assumed and the finding says so. */
  femaleGroup: FemaleGroup | null;
  /** Other applications of the round and still-valid studios (never this application itself). */
  otherLeads: OtherLead[];
  /** null = materials not tracked yet: no missing-material findings. */
  materials: MaterialsRecord | null;
  /** The application's id, shown in the commands a message suggests; 'ID' when not known yet. */
  applicationId?: string | number;
}

export interface Rule {
  code: string;
  /** The severity of the rule's findings; a rule may downgrade a finding (e.g. 15-digit IDs). */
  severity: Severity;
  check(ctx: RuleContext): Finding[];
}

/** 5月22日 of the round year, as in the notice. */
export function defaultDeadline(year: number): string {
  return `${year}-${ruleThresholds().defaultDeadline}`;
}
