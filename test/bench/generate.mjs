/**
 * Workbooks for the benchmark, made with gongshu's own template writers (from dist/) and filled from the
 * bundled samples, each with its own unit, lead and ID number so every file is a distinct application.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '建国志强丽华明辉海波卫东秀英永刚晓燕国平立新文杰玉兰春生雪梅德明光荣振华';

/** A valid 18-digit ID (GB 11643) born in `birth` (YYYY-MM), distinct for each `i`. */
export function idNumber(birth, i, male) {
  const [y, m] = birth.split('-');
  const day = String(1 + (i % 28)).padStart(2, '0');
  const seq = String((Math.floor(i / 28) % 450) * 2 + (male ? 1 : 0) + 100).padStart(3, '0');
  const first17 = `330105${y}${m}${day}${seq}`;
  let sum = 0;
  for (let k = 0; k < 17; k++) sum += Number(first17[k]) * ID_WEIGHTS[k];
  return first17 + CHECK[sum % 11];
}

export function personName(i) {
  const given = GIVEN.length / 2;
  return SURNAMES[i % SURNAMES.length] + GIVEN.slice(2 * (Math.floor(i / SURNAMES.length) % given), 2 * (Math.floor(i / SURNAMES.length) % given) + 2);
}

async function dist(root, rel) {
  return import(pathToFileURL(path.join(root, 'dist', rel)).href);
}

/** Loads what the generators need once: exceljs, template writers and the parsed samples. */
export async function loadGenerators(root) {
  const { default: ExcelJS } = await import('exceljs');
  const { openWorkbookFile } = await dist(root, 'intake/open/safe-open.js');
  const { readApplication } = await dist(root, 'intake/forms/application-reader.js');
  const { readAssessment } = await dist(root, 'intake/forms/assessment-reader.js');
  const { loadRubric } = await dist(root, 'core/rubric.js');
  const { buildApplicationTemplate } = await dist(root, 'documents/workbooks/application-template.js');
  const { fillApplicationTemplate } = await dist(root, 'documents/workbooks/fill-application.js');
  const { buildAssessmentTemplate } = await dist(root, 'documents/workbooks/assessment-template.js');
  const { fillAssessmentTemplate } = await dist(root, 'documents/workbooks/fill-assessment.js');
  const rubric = loadRubric();
  const samples = path.join(root, 'data', 'samples');
  const list = (dir) => fs.readdirSync(dir).filter((f) => f.endsWith('.xlsx')).sort().map((f) => path.join(dir, f));
  const applications = [];
  for (const f of list(path.join(samples, 'applications'))) applications.push(readApplication(await openWorkbookFile(f)).parsed.application);
  const assessments = [];
  for (const f of list(path.join(samples, 'assessments'))) assessments.push(readAssessment(await openWorkbookFile(f), rubric).assessment);

  /** The i-th distinct application, built from sample i mod 10. */
  function application(i) {
    const app = structuredClone(applications[i % applications.length]);
    const lead = personName(i);
    const unit = `杭州拱墅第${i + 1}号${app.unit.name.replace(/^杭州/u, '')}`;
    app.unit.name = unit;
    app.coverUnit = unit;
    app.lead.name = lead;
    if (/^\d{4}-\d{2}$/u.test(app.lead.birth)) app.lead.idNumber = idNumber(app.lead.birth, i, app.lead.gender !== '女');
    app.studioName = `${lead}${app.lead.occupation}技能大师工作室`;
    return app;
  }

  function assessment(i) {
    const a = structuredClone(assessments[i % assessments.length]);
    const lead = personName(i);
    a.leadName = lead;
    a.studioName = `${lead}${a.occupationAtSelection || '技能'}技能大师工作室（${i + 1}）`;
    a.unitName = `杭州拱墅第${i + 1}号企业有限公司`;
    return a;
  }

  return {
    ExcelJS,
    rubric,
    application,
    assessment,
    async writeApplication(file, i) {
      const wb = buildApplicationTemplate(ExcelJS, { year: 2026 });
      fillApplicationTemplate(wb, application(i));
      await wb.xlsx.writeFile(file);
    },
    async writeAssessment(file, i) {
      const wb = buildAssessmentTemplate(ExcelJS, { year: 2026 });
      fillAssessmentTemplate(wb, assessment(i), rubric);
      await wb.xlsx.writeFile(file);
    },
  };
}

/** Writes `count` application workbooks into `dir` (申报表-00001.xlsx …). */
export async function writeApplications(gen, dir, count, offset = 0) {
  fs.mkdirSync(dir, { recursive: true });
  const files = [];
  for (let i = offset; i < offset + count; i++) {
    const file = path.join(dir, `申报表-${String(i + 1).padStart(5, '0')}.xlsx`);
    await gen.writeApplication(file, i);
    files.push(file);
  }
  return files;
}

export async function writeAssessments(gen, dir, count, offset = 0) {
  fs.mkdirSync(dir, { recursive: true });
  const files = [];
  for (let i = offset; i < offset + count; i++) {
    const file = path.join(dir, `考核表-${String(i + 1).padStart(5, '0')}.xlsx`);
    await gen.writeAssessment(file, i);
    files.push(file);
  }
  return files;
}
