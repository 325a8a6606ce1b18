/**
 * The audit log's head (`操作记录校验：1234 / 9f3a1c0b…`) on the documents gongshu writes: in the document
 * properties of every export, and at the foot of every page of the internal lists a person signs (汇总表,
 * internal 拟认定名单, 补助发放名单), so a signed printout witnesses the log as it was (`db check --witness`).
 * The public lists carry it in their properties only: their pages are for the public.
 */

/** The page footer with the head at its left; the footer as it was without one. */
export function footerWithWitness(footer: string, witness: string | undefined): string {
  return witness ? `&L&"宋体"&11${witness.replace(/&/gu, '&&')}${footer}` : footer;
}

/** A document's description with the head on a line of its own. */
export function describedWithWitness(description: string | undefined, witness: string | undefined): string | undefined {
  if (!witness) return description;
  return description ? `${description}\n${witness}` : witness;
}
