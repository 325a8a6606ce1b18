/** The supporting materials of the notice (data/rules/materials.json) and how clerks may name them. */
import { nameKey } from '../core/text.js';
import { materialTable, type Material } from './data.js';

export type { Material } from './data.js';

export function allMaterials(): readonly Material[] {
  return materialTable();
}

export function requiredMaterials(): readonly Material[] {
  return materialTable().filter((m) => m.required);
}

/** A material by its key, Chinese label or a synonym (spaces, width and case ignored); null when unknown. */
export function resolveMaterial(text: string): Material | null {
  const key = nameKey(text).toLowerCase();
  if (key === '') return null;
  return materialTable().find((m) => [m.key, m.zh, ...m.synonyms].some((name) => nameKey(name).toLowerCase() === key)) ?? null;
}

/** `--received report,营业执照、身份证` → material keys, and the words that matched nothing. */
export function parseMaterialList(list: string): { keys: string[]; unknown: string[] } {
  const keys: string[] = [];
  const unknown: string[] = [];
  for (const word of list.split(/[,，、;；\s]+/u).filter((w) => w !== '')) {
    const material = resolveMaterial(word);
    if (!material) unknown.push(word);
    else if (!keys.includes(material.key)) keys.push(material.key);
  }
  return { keys, unknown };
}
