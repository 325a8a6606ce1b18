import { msg } from '../messages/index.js';
import type { Rule } from './context.js';
import { applicationRef, findingAt } from './fields.js';
import { requiredMaterials, resolveMaterial } from './materials.js';

/** Each required supporting material not yet recorded as received; nothing while materials are not tracked. */
export const missingMaterial: Rule = {
  code: 'missing-material',
  severity: 'warning',
  check(ctx) {
    if (!ctx.materials) return [];
    const received = new Set(ctx.materials.received.map((r) => resolveMaterial(r)?.key ?? r));
    const id = applicationRef(ctx);
    return requiredMaterials()
      .filter((m) => !received.has(m.key))
      .map((m) => {
        const message = msg('rules.missing-material', { label: m.zh, labelEn: m.en, id, key: m.key });
        return findingAt(ctx, missingMaterial.code, missingMaterial.severity, `materials.${m.key}`, message);
      });
  },
};
