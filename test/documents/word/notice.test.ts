/** The 公示 document, opened again: its text, names, dates, layout and fonts, and no personal number. */
import { describe, expect, it } from 'vitest';
import { buildNoticeDocx, fontTableXml, NOTICE_PAGE, noticeParagraphs, type NoticeInput } from '../../../src/documents/word/notice.js';
import { noticeDefaults } from '../../../src/rules/notice-data.js';
import { paragraphs, unzip } from '../../helpers/docx-text.js';

const input: NoticeInput = {
  year: 2026,
  period: { from: '2026-09-30', to: '2026-10-12', workingDays: 5 },
  rows: [
    { studioName: '陈国平数控车工技能大师工作室', leadName: '陈国平', occupation: '数控车工', unitName: '杭州拱宸精密机械有限公司' },
    { studioName: '方志远茶艺师技能大师工作室', leadName: '方志远', occupation: '茶艺师', unitName: '杭州小河茶文化发展有限公司' },
  ],
  settings: noticeDefaults(),
};

async function open(i: NoticeInput = input): Promise<{ files: Map<string, Buffer>; text: string[]; xml: string }> {
  const files = unzip(await buildNoticeDocx(i));
  const xml = files.get('word/document.xml')!.toString('utf8');
  return { files, text: paragraphs(xml).filter((p) => p.trim() !== ''), xml };
}

describe('the 公示 notice (.docx)', () => {
  it('reads as the bureau publishes it: title, who is listed, the period, objections, contact, 落款', async () => {
    const { text } = await open();
    expect(text[0]).toBe('关于2026年度拱墅区技能大师工作室\n拟认定名单的公示');
    expect(text[1]).toContain('拟认定陈国平数控车工技能大师工作室等2个工作室为2026年度拱墅区技能大师工作室，现予以公示（名单见附件）。');
    expect(text[2]).toBe('公示时间：2026年9月30日至2026年10月12日（5个工作日）。');
    expect(text[3]).toContain('可以书面形式向杭州市拱墅区人力资源和社会保障局人才开发科反映');
    expect(text[4]).toBe('联系人：杨慧雯；联系电话：88256383。');
    expect(text[5]).toBe('附件：2026年度拱墅区技能大师工作室拟认定名单');
    expect(text.slice(6, 8)).toEqual(['杭州市拱墅区人力资源和社会保障局', '2026年9月30日']);
    expect(noticeParagraphs(input)).toEqual(text.slice(1, 5));
  });

  it('attaches the list: 序号, 工作室名称, 领衔人, 职业（工种）, 申报单位, header repeated on every page', async () => {
    const { text, xml } = await open();
    const list = text.slice(text.indexOf('附件'));
    expect(list.slice(0, 2)).toEqual(['附件', '2026年度拱墅区技能大师工作室拟认定名单']);
    expect(list.slice(2, 7)).toEqual(['序号', '工作室名称', '领衔人', '职业（工种）', '申报单位']);
    expect(list.slice(7)).toEqual(['1', '陈国平数控车工技能大师工作室', '陈国平', '数控车工', '杭州拱宸精密机械有限公司', '2', '方志远茶艺师技能大师工作室', '方志远', '茶艺师', '杭州小河茶文化发展有限公司']);
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toMatch(/<w:br w:type="page"\/>|<w:pageBreakBefore\/>/u);
  });

  it('says one studio without 等', async () => {
    const { text } = await open({ ...input, rows: [input.rows[0]!] });
    expect(text[1]).toContain('拟认定陈国平数控车工技能大师工作室为2026年度拱墅区技能大师工作室');
  });

  it('holds no personal number, even when a caller passes rows carrying them', async () => {
    const leaky = input.rows.map((r) => ({ ...r, idNumber: '330105197506150017', mobile: '13800001234', birth: '1975-06' }));
    const { files } = await open({ ...input, rows: leaky });
    const all = [...files.values()].map((b) => b.toString('utf8')).join('\n');
    expect(all).not.toContain('330105197506150017');
    expect(all).not.toContain('13800001234');
    expect(all).not.toContain('1975-06');
  });

  it('takes the contact person, telephone and bureau of the round', async () => {
    const { text } = await open({ ...input, settings: { ...noticeDefaults(), contactPerson: '王芳', contactPhone: '0571-88888888', bureauName: '杭州市拱墅区人力社保局' } });
    expect(text).toContain('联系人：王芳；联系电话：0571-88888888。');
    expect(text).toContain('杭州市拱墅区人力社保局');
  });

  it('is laid out after GB/T 9704: A4, 37/35/28/26 mm margins, 22 pt 小标宋 title, 16 pt 仿宋 body, fixed line pitch', async () => {
    const { xml } = await open();
    expect(NOTICE_PAGE).toMatchObject({ width: 11906, height: 16838 });
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/u);
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/u);
    expect(xml).toMatch(/w:eastAsia="方正小标宋简体"[^>]*\/>[\s\S]{0,200}<w:sz w:val="44"\/>/u);
    expect(xml).toMatch(/w:eastAsia="仿宋_GB2312"[^>]*\/>[\s\S]{0,200}<w:sz w:val="32"\/>/u);
    expect(xml).toContain('w:line="580" w:lineRule="exact"');
    expect(xml).toContain('w:firstLine="640"');
  });

  it('names the fallback of each font it uses, in the font table and in the description', async () => {
    const { files } = await open();
    const fonts = files.get('word/fontTable.xml')!.toString('utf8');
    expect(fonts).toBe(fontTableXml());
    expect(fonts).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>');
    expect(fonts).toContain('<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"/>');
    expect(files.get('docProps/core.xml')!.toString('utf8')).toContain('仿宋_GB2312（缺少时用仿宋）');
  });

  it('numbers pages — 1 — on the outer side: right on odd pages, left on even ones', async () => {
    const { files } = await open();
    const footers = [...files.keys()].filter((k) => /^word\/footer\d+\.xml$/u.test(k)).map((k) => files.get(k)!.toString('utf8'));
    expect(footers).toHaveLength(2);
    expect(footers.every((f) => f.includes('PAGE') && f.includes('— '))).toBe(true);
    expect(footers.map((f) => /<w:jc w:val="(right|left)"\/>/u.exec(f)?.[1]).sort()).toEqual(['left', 'right']);
    expect(files.get('word/settings.xml')!.toString('utf8')).toContain('<w:evenAndOddHeaders/>');
  });
});
