/**
 * Parsed applications and rule contexts built in code. The defaults make a good, eligible application:
 * lead 张建国 (男, 1975-06, 数控车工, 高级技师) of 张建国数控车工技能大师工作室 with 3 members, round 2026.
 */
import {
  emptyFacts,
  type Application,
  type Lead,
  type Member,
  type ParsedApplication,
  type ReadFacts,
  type Unit,
} from '../../src/core/application.js';
import type { RuleContext } from '../../src/rules/context.js';

/**
 * 330105 (拱墅) 19750615 001 + check char 0: computed by hand with the GB 11643-1999 weights
 * (weighted sum 232, 232 mod 11 = 1 → check char '0'), independently of src/core/id-number.ts.
 */
export const LEAD_ID = '330105197506150010';

export const SHEET = '申报表';

export function makeUnit(overrides: Partial<Unit> = {}): Unit {
  return {
    name: '杭州拱墅精工机械有限公司',
    legalRepresentative: '王志强',
    contact: '李丽',
    phone: '0571-88256383',
    mobile: '13812345678',
    fax: '0571-88256384',
    email: 'hr@jinggong.example.com',
    address: '杭州市拱墅区莫干山路 100 号',
    postcode: '310011',
    profile: '公司主营数控机床零部件精密加工，现有员工 320 人，其中高技能人才 58 人。',
    ...overrides,
  };
}

export function makeLead(overrides: Partial<Lead> = {}): Lead {
  return {
    name: '张建国',
    gender: '男',
    ethnicity: '汉族',
    birth: '1975-06',
    politicalStatus: '中共党员',
    education: '大专',
    occupation: '数控车工',
    skillLevel: '高级技师',
    otherSkills: '',
    title: '车间主任',
    idNumber: LEAD_ID,
    yearsInTrade: '1995-07',
    phone: '0571-88256385',
    mobile: '13912345678',
    workHistory: '1995 年起从事数控车削加工。',
    achievements: '主持完成精密主轴加工工艺改进。',
    awards: '2018 年杭州市技术能手',
    ...overrides,
  };
}

export function makeMember(overrides: Partial<Member> = {}): Member {
  return {
    name: '李明', gender: '男', age: 35, education: '大专', occupation: '数控车工', skillLevel: '技师',
    specialty: '精密车削', experience: '2008 年起从事数控车削', ...overrides,
  };
}

export function defaultMembers(): Member[] {
  return [
    makeMember(),
    makeMember({ name: '王芳', gender: '女', age: 30, skillLevel: '高级工', specialty: '数控编程' }),
    makeMember({ name: '赵强', gender: '男', age: 28, occupation: '数控铣工', skillLevel: '高级工', specialty: '五轴加工' }),
  ];
}

export interface ApplicationOverrides {
  studioName?: string;
  coverUnit?: string;
  unit?: Partial<Unit>;
  lead?: Partial<Lead>;
  members?: Member[];
  workPlan?: string;
}

export function makeApplication(overrides: ApplicationOverrides = {}): Application {
  return {
    studioName: overrides.studioName ?? '张建国数控车工技能大师工作室',
    coverUnit: overrides.coverUnit ?? '杭州拱墅精工机械有限公司',
    unit: makeUnit(overrides.unit),
    lead: makeLead(overrides.lead),
    members: overrides.members ?? defaultMembers(),
    workPlan: overrides.workPlan ?? '每年带徒 8 人，攻关精密主轴加工难题。',
    opinions: { unit: '同意申报', expert: '', bureau: '' },
  };
}

/** Cell references like a reader of Attachment 1 would record them. */
export function defaultCells(memberCount = 3): Record<string, string> {
  const cells: Record<string, string> = {
    studioName: `${SHEET}!B2`,
    'unit.name': `${SHEET}!C4`, 'unit.legalRepresentative': `${SHEET}!G4`, 'unit.contact': `${SHEET}!C5`,
    'unit.phone': `${SHEET}!E5`, 'unit.mobile': `${SHEET}!G5`, 'unit.fax': `${SHEET}!C6`, 'unit.email': `${SHEET}!F6`,
    'unit.address': `${SHEET}!C7`, 'unit.postcode': `${SHEET}!G7`, 'unit.profile': `${SHEET}!C8`,
    'lead.name': `${SHEET}!C10`, 'lead.gender': `${SHEET}!E10`, 'lead.birth': `${SHEET}!C11`,
    'lead.occupation': `${SHEET}!C12`, 'lead.skillLevel': `${SHEET}!E12`, 'lead.otherSkills': `${SHEET}!G12`,
    'lead.idNumber': `${SHEET}!E13`, 'lead.phone': `${SHEET}!C14`, 'lead.mobile': `${SHEET}!E14`,
    workPlan: `${SHEET}!B30`,
  };
  for (let i = 0; i < memberCount; i++) {
    const row = 20 + i;
    cells[`members.${i}.name`] = `${SHEET}!A${row}`;
    cells[`members.${i}.occupation`] = `${SHEET}!E${row}`;
    cells[`members.${i}.skillLevel`] = `${SHEET}!F${row}`;
  }
  return cells;
}

export interface ParsedOverrides extends ApplicationOverrides {
  facts?: Partial<ReadFacts>;
  cells?: Record<string, string>;
}

export function makeParsed(overrides: ParsedOverrides = {}): ParsedApplication {
  const application = makeApplication(overrides);
  return {
    application,
    cells: overrides.cells ?? defaultCells(Math.max(application.members.length, 6)),
    facts: { ...emptyFacts(), ...overrides.facts },
    sheet: SHEET,
  };
}

export interface ContextOverrides extends ParsedOverrides {
  round?: RuleContext['round'];
  receivedDate?: string | null;
  femaleGroup?: RuleContext['femaleGroup'];
  otherLeads?: RuleContext['otherLeads'];
  materials?: RuleContext['materials'];
  applicationId?: string | number;
}

export function makeContext(overrides: ContextOverrides = {}): RuleContext {
  const ctx: RuleContext = {
    parsed: makeParsed(overrides),
    round: overrides.round ?? { year: 2026, deadline: '2026-05-22' },
    receivedDate: overrides.receivedDate === undefined ? '2026-05-20' : overrides.receivedDate,
    femaleGroup: overrides.femaleGroup ?? null,
    otherLeads: overrides.otherLeads ?? [],
    materials: overrides.materials === undefined ? null : overrides.materials,
  };
  if (overrides.applicationId !== undefined) ctx.applicationId = overrides.applicationId;
  return ctx;
}
