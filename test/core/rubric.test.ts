import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  baseMax,
  bonusMax,
  declaredTotal,
  loadRubric,
  matchItem,
  parseDeclaredTotal,
  rubricIsConsistent,
  rubricNote,
  textSimilarity,
  validateRubric,
} from '../../src/core/rubric.js';
import { GongshuError } from '../../src/core/errors.js';
import { tempDir } from '../helpers/tmp.js';

const seedJson = (): Record<string, unknown> =>
  JSON.parse(fs.readFileSync(new URL('../../data/rubric/2020.json', import.meta.url), 'utf8')) as Record<string, unknown>;

type RawCategory = { name: string; max: number; items: { key: string; max: number; content: string }[] };

describe('the seed rubric (附件2)', () => {
  const rubric = loadRubric();

  it('has the five categories of the form with their printed maxima', () => {
    expect(rubric.categories.map((c) => [c.name, c.max, c.bonus])).toEqual([
      ['日常管理与基础保障', 30, false],
      ['技术攻关', 15, false],
      ['技术交流', 15, false],
      ['带徒传艺', 20, false],
      ['加分项', 10, true],
    ]);
    expect(rubric.categories[0]!.label).toBe('日常管理与基础保障（30分）');
  });

  it('lists the fourteen items with stable keys and the form texts', () => {
    const keys = rubric.categories.flatMap((c) => c.items.map((i) => i.key));
    expect(keys).toEqual([
      'site', 'equipment', 'funds', 'rules', 'tech-reform', 'tech-results', 'exchange-events', 'social-service',
      'school-enterprise', 'apprentices', 'high-skill', 'bonus-technicians', 'bonus-patents', 'bonus-media',
    ]);
    const apprentices = rubric.categories[3]!.items[0]!;
    expect(apprentices.content).toBe('建立名师带徒机制，签订带徒协议，每年带徒传艺不少于8人，并建立学员花名册');
    expect(apprentices.criteria).toBe('未建立培训花名册的扣2分；每少培养1人扣1分');
    expect(apprentices.computed).toMatchObject({ base: 10, missingRosterDeduction: 2, target: 8, perShortDeduction: 1 });
    expect(rubric.categories[0]!.items[3]!.methods).toEqual(['实地考察', '材料审核']);
  });

  it('keeps the veto text with its three conditions', () => {
    expect(rubric.veto.conditions).toHaveLength(3);
    expect(rubric.veto.text).toContain('申请承办的单位被注销或撤销的');
  });

  it('adds up to base 80 and bonus 10 although the form declares 100+10', () => {
    expect(baseMax(rubric)).toBe(80);
    expect(bonusMax(rubric)).toBe(10);
    expect(declaredTotal(rubric)).toBe('100+10');
    expect(rubricIsConsistent(rubric)).toBe(false);
    const note = rubricNote(rubric);
    expect(note).toContain('100+10');
    expect(note).toContain('80');
    expect(note).toContain('日常管理与基础保障 30 + 技术攻关 15 + 技术交流 15 + 带徒传艺 20');
  });
});

describe('validateRubric', () => {
  it('names the category and both numbers when a category does not add up', () => {
    const raw = seedJson();
    const cats = raw.categories as RawCategory[];
    cats[1]!.items[1]!.max = 8; // 技术攻关 5 + 8 = 13 ≠ 15
    let error: unknown;
    try {
      validateRubric(raw);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(GongshuError);
    expect((error as GongshuError).code).toBe('rubric-category-sum');
    expect((error as GongshuError).message).toContain('技术攻关');
    expect((error as GongshuError).message).toContain('15');
    expect((error as GongshuError).message).toContain('13');
  });

  it('rejects a missing field, naming where', () => {
    const raw = seedJson();
    delete (raw.categories as Record<string, unknown>[])[0]!.items;
    expect(() => validateRubric(raw)).toThrow(/categories\[0\]\.items/u);
  });

  it('rejects a rule reading an unknown figure', () => {
    const raw = seedJson();
    const item = (raw.categories as { items: { computed: Record<string, unknown> }[] }[])[3]!.items[0]!;
    item.computed.figure = 'apprenticesPerMonth';
    expect(() => validateRubric(raw)).toThrow(GongshuError);
  });

  it('rejects duplicate item keys', () => {
    const raw = seedJson();
    const cats = raw.categories as RawCategory[];
    cats[1]!.items[1]!.key = 'tech-reform';
    expect(() => validateRubric(raw)).toThrow(/tech-reform/u);
  });

  it('rejects a merge marker whose text differs from the row above', () => {
    const raw = seedJson();
    const cats = raw.categories as { items: { criteria: string }[] }[];
    cats[1]!.items[1]!.criteria = '另一种标准';
    expect(() => validateRubric(raw)).toThrow(GongshuError);
  });
});

describe('loadRubric', () => {
  it('loads a corrected 100-point rubric from a file and says the totals agree', () => {
    const raw = seedJson();
    const cats = raw.categories as RawCategory[];
    // Bureau's correction: 日常管理 40, 技术攻关 20, 技术交流 20, 带徒传艺 20 = 100.
    cats[0]!.max = 40;
    cats[0]!.items[2]!.max = 20;
    cats[1]!.max = 20;
    cats[1]!.items[0]!.max = 10;
    cats[2]!.max = 20;
    cats[2]!.items[2]!.max = 10;
    const file = path.join(tempDir(), 'rubric-2023.json');
    fs.writeFileSync(file, JSON.stringify(raw));
    const rubric = loadRubric(file);
    expect(baseMax(rubric)).toBe(100);
    expect(bonusMax(rubric)).toBe(10);
    expect(rubricIsConsistent(rubric)).toBe(true);
    expect(rubricNote(rubric)).toContain('一致');
    expect(rubricNote(rubric)).not.toContain('--rubric');
  });

  it('reports a missing file and invalid JSON with the file name', () => {
    const dir = tempDir();
    expect(() => loadRubric(path.join(dir, 'none.json'))).toThrow(/none\.json/u);
    const bad = path.join(dir, 'bad.json');
    fs.writeFileSync(bad, '{ "id": ');
    expect(() => loadRubric(bad)).toThrow(expect.objectContaining({ code: 'rubric-invalid-json' }) as Error);
  });

  it('prefixes validation errors with the file', () => {
    const raw = seedJson();
    (raw.categories as RawCategory[])[4]!.max = 12;
    const file = path.join(tempDir(), 'r.json');
    fs.writeFileSync(file, JSON.stringify(raw));
    expect(() => loadRubric(file)).toThrow(/r\.json.*加分项/u);
  });
});

describe('parseDeclaredTotal', () => {
  it('reads the form text', () => {
    expect(parseDeclaredTotal('100+10')).toEqual({ base: 100, bonus: 10 });
    expect(parseDeclaredTotal('１００ ＋ １０')).toEqual({ base: 100, bonus: 10 });
    expect(parseDeclaredTotal('80')).toEqual({ base: 80, bonus: 0 });
    expect(parseDeclaredTotal('一百')).toBeNull();
  });
});

describe('matchItem', () => {
  const rubric = loadRubric();

  it('matches the printed text exactly', () => {
    expect(matchItem(rubric, '带徒传艺（20分）', '每年培养高技能人才不少于3人，并建立学员花名册')?.key).toBe('high-skill');
  });

  it('tolerates spaces, line breaks, punctuation and full/half width', () => {
    expect(matchItem(rubric, '日常管理与基础保障(30分)', '配备专用的工作场地 、学习交流场地等。')?.key).toBe('site');
    expect(matchItem(rubric, '带徒传艺', '建立名师带徒机制,签订带徒协议,\n每年带徒传艺不少于８人,并建立学员花名册')?.key).toBe('apprentices');
    expect(matchItem(rubric, ' 技 术 攻 关 ', '参与本单位技术改造或技术革新')?.key).toBe('tech-reform');
  });

  it('tolerates small wording differences', () => {
    expect(matchItem(rubric, '技术交流', '开展行业技术交流会、课题研讨会或者展示活动')?.key).toBe('exchange-events');
    expect(matchItem(rubric, '加分项', '工作室获得市级以上电视台、报刊的报道')?.key).toBe('bonus-media');
  });

  it('searches every category when the category cell reads blank', () => {
    expect(matchItem(rubric, '', '进行校企合作，培养技能人才、师徒结对等')?.key).toBe('school-enterprise');
  });

  it('returns null for an unrelated row or an unknown category', () => {
    expect(matchItem(rubric, '带徒传艺', '组织员工旅游')).toBeNull();
    expect(matchItem(rubric, '安全生产', '配备专用的工作场地、学习交流场地等')).toBeNull();
  });

  it('returns null on a tie', () => {
    const raw = seedJson();
    const cats = raw.categories as RawCategory[];
    cats[1]!.items[1]!.content = cats[1]!.items[0]!.content;
    const twin = validateRubric(raw);
    expect(matchItem(twin, '技术攻关', '参与本单位技术改造或技术革新')).toBeNull();
  });

  it('uses a similarity between 0 and 1', () => {
    expect(textSimilarity('配备正常运作的设备', '配备正常运作的设备。')).toBe(1);
    expect(textSimilarity('甲乙丙丁', '戊己庚辛')).toBe(0);
    const s = textSimilarity('配备正常运作的设备', '配备正常运行的设备');
    expect(s).toBeGreaterThan(0.6);
    expect(s).toBeLessThan(1);
  });
});
