/**
 * The parse function of every import kind, by name. A parse worker thread receives only a kind's name (and
 * one serialisable argument), so this table is how it finds the code to run.
 *
 * To add a kind: add ONE line to PARSERS mapping its name to
 * `(opened workbook, argument) => { parsed, problems }`, then give its ImportKind that name. What a parser
 * returns and what its argument is must be plain data (structured-clone-able): both cross the thread
 * boundary. Throw a GongshuError for a file that cannot be imported; the batch turns it into a failed row.
 */
import type { Finding } from '../core/finding.js';
import type { Rubric } from '../core/rubric.js';
import { readApplication } from './forms/application-reader.js';
import { readAssessment } from './forms/assessment-reader.js';
import type { OpenedWorkbook } from './open/safe-open.js';
import { readReviewSheet } from './forms/review-reader.js';

export const PARSERS = {
  application: (opened: OpenedWorkbook, _arg: undefined) => readApplication(opened),
  assessment: (opened: OpenedWorkbook, rubric: Rubric) => asParsed(readAssessment(opened, rubric)),
  review: (opened: OpenedWorkbook, _arg: undefined) => readReviewSheet(opened),
} satisfies Record<string, (opened: OpenedWorkbook, arg: never) => { parsed: unknown; problems: Finding[] }>;

function asParsed<T>(r: { assessment: T; problems: Finding[] }): { parsed: T; problems: Finding[] } {
  return { parsed: r.assessment, problems: r.problems };
}

export type KindName = keyof typeof PARSERS;
/** What a kind's parser returns as `parsed`. */
export type ParsedOf<K extends KindName> = ReturnType<(typeof PARSERS)[K]>['parsed'];
/** The argument a kind's parser needs besides the workbook (undefined when none). */
export type ParseArgOf<K extends KindName> = Parameters<(typeof PARSERS)[K]>[1];

export function isKindName(name: string): name is KindName {
  return Object.prototype.hasOwnProperty.call(PARSERS, name);
}
