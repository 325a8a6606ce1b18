/**
 * Saved mails (.eml): each attachment is a file of the batch, shown as `mail.eml › name`, read by postal-mime.
 * Every mail here is written out as a client would save it (string templates, the form built by exceljs and
 * base64-encoded), one per shape units send: GBK names in RFC 2231 and RFC 2047, a PDF beside the form, a
 * forwarded message, a zip inside, a quoted-printable HTML body, a Date just after midnight in China.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { maskMailSender } from '../../../src/core/mailbox.js';
import { expandSources } from '../../../src/intake/sources/bundle.js';
import { IN_PROCESS_MAIL_BYTES, KEEP_MAIL_BYTES, readMail, readMailHere } from '../../../src/intake/sources/mail.js';
import { gbkBytes, writeZip } from '../../fixtures/hostile/zip.js';
import { makeApplication } from '../../helpers/application-factory.js';
import { runCli } from '../../helpers/run-cli.js';
import { tempDir } from '../../helpers/tmp.js';
import { cellTexts, writeApplicationWorkbook } from '../../helpers/workbooks.js';

interface Row {
  file: string;
  outcome: string;
  id?: number;
  error?: { code: string; message: string };
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** A valid 18-digit ID for a man born 1975-06-15 with sequence `seq` (GB 11643-1999 check character). */
function idNumber(seq: number): string {
  const body = `33010519750615${String(seq).padStart(2, '0')}1`;
  const sum = [...body].reduce((s, d, i) => s + Number(d) * ID_WEIGHTS[i]!, 0);
  return body + '10X98765432'[sum % 11]!;
}

/** A filled form, distinct per `seq` (its own lead), as bytes. */
async function form(dir: string, seq: number): Promise<Buffer> {
  const name = ['张建国', '李卫东', '王海涛', '赵志刚', '陈国平', '刘德明'][seq]!;
  const app = makeApplication({ studioName: `${name}数控车工技能大师工作室`, lead: { name, idNumber: idNumber(seq) } });
  return fs.readFileSync(await writeApplicationWorkbook(path.join(dir, 'forms'), `form-${seq}.xlsx`, app));
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Base64 in lines of 76, as mail clients write it. */
function b64(data: Buffer): string {
  return data.toString('base64').replace(/(.{76})/gu, '$1\r\n');
}

/** RFC 2047 encoded word of `text` in `charset` (UTF-8 or GBK), base64. */
function encodedWord(text: string, charset: 'UTF-8' | 'GBK'): string {
  const bytes = charset === 'GBK' ? gbkBytes(text) : Buffer.from(text, 'utf8');
  return `=?${charset}?B?${bytes.toString('base64')}?=`;
}

interface Part {
  headers: string[];
  body: string;
}

function attachment(disposition: string, type: string, data: Buffer): Part {
  return { headers: [`Content-Type: ${type}`, `Content-Disposition: ${disposition}`, 'Content-Transfer-Encoding: base64'], body: b64(data) };
}

function mail(o: { from: string; subject: string; date: string; parts: Part[]; boundary?: string }): Buffer {
  const boundary = o.boundary ?? `----=_Part_${o.parts.length}_gongshu`;
  const parts = o.parts.map((p) => `--${boundary}\r\n${p.headers.join('\r\n')}\r\n\r\n${p.body}\r\n`).join('');
  return Buffer.from(
    [
      `From: ${o.from}`,
      'To: =?UTF-8?B?5Lq656S+5bGA?= <rsj@gongshu.example.gov.cn>',
      `Subject: ${o.subject}`,
      `Date: ${o.date}`,
      'MIME-Version: 1.0',
      `Content-Type: multipart/mixed; boundary="${boundary}"`,
      '',
      `--${boundary}`,
      'Content-Type: text/plain; charset=UTF-8',
      'Content-Transfer-Encoding: 8bit',
      '',
      '您好，附件是我单位的申报表，请查收。',
      '',
      ...parts.split('\r\n'),
      `--${boundary}--`,
      '',
    ].join('\r\n'),
    'utf8',
  );
}

const text = (s: string): Part => ({ headers: ['Content-Type: text/plain; charset=UTF-8'], body: s });

async function importJson(db: string, target: string, received?: string): Promise<Row[]> {
  const r = await runCli(['--db', db, '--round', '2026', 'apply', 'import', target, ...(received ? ['--received', received] : []), '--json']);
  expect(r.stderr).not.toMatch(/Error|at .*\.ts/u);
  return JSON.parse(r.stdout) as Row[];
}

async function show(db: string, id: number): Promise<{ receivedDate: string; mail: { from: string; subject: string; date: string | null } | null }> {
  return JSON.parse((await runCli(['--db', db, 'apply', 'show', String(id), '--json'])).stdout);
}

describe('mails (.eml)', () => {
  it('imports a form named in RFC 2231 GBK, lists a PDF named in RFC 2047 as 未导入, and keeps sender, subject and date', async () => {
    const dir = tempDir();
    const eml = path.join(dir, '申报邮件.eml');
    const gbkName = [...gbkBytes('申报表-张建国.xlsx')].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
    fs.writeFileSync(
      eml,
      mail({
        from: `${encodedWord('精工机械 李丽', 'GBK')} <13812345678@163.com>`,
        subject: encodedWord('关于报送技能大师工作室申报材料的函', 'UTF-8'),
        date: 'Wed, 20 May 2026 09:15:00 +0800',
        parts: [
          attachment(`attachment; filename*=GBK''${gbkName}`, XLSX, await form(dir, 0)),
          attachment(`attachment; filename="${encodedWord('营业执照扫描件.pdf', 'GBK')}"`, 'application/pdf', Buffer.from('%PDF-1.4\n%…\n')),
        ],
      }),
    );
    const db = path.join(dir, 'g.db');
    const rows = await importJson(db, eml);
    expect(rows.map((r) => [r.file, r.outcome, r.error?.code])).toEqual([
      ['申报邮件.eml › 申报表-张建国.xlsx', 'imported', undefined],
      ['申报邮件.eml › 营业执照扫描件.pdf', 'not-imported', 'file-pdf'],
    ]);
    const view = await show(db, rows[0]!.id!);
    expect(view.mail).toEqual({ from: '精工机械 李丽 <13812345678@163.com>', subject: '关于报送技能大师工作室申报材料的函', date: '2026-05-20T01:15:00.000Z' });
    expect(view.receivedDate).toBe('2026-05-20');

    // apply show names the mail (the mobile number used as an address masked on screen, like everywhere).
    const screen = (await runCli(['--db', db, 'apply', 'show', '1'])).stdout;
    expect(screen).toContain('来件邮件');
    expect(screen).toContain('2026-05-20 09:15:00');
    expect(screen).toContain('关于报送技能大师工作室申报材料的函');
    expect(screen).not.toContain('13812345678');

    // The 汇总表 shows the sender with the address masked; --full shows it whole.
    const out = path.join(dir, '汇总表.xlsx');
    expect((await runCli(['--db', db, '--round', '2026', 'export', 'review', '-o', out])).code).toBe(0);
    const cells = (await cellTexts(out)).join('\n');
    expect(cells).toContain('来件：精工机械 李丽 <1***@163.com>，2026-05-20，“关于报送技能大师工作室申报材料的函”');
    expect(cells).not.toContain('13812345678');
  });

  it('opens a forwarded message (its own sender and date) and a zip inside a mail', async () => {
    const dir = tempDir();
    const inner = mail({
      from: '王海涛 <wht@unit.example.com>',
      subject: encodedWord('申报表', 'GBK'),
      date: 'Mon, 18 May 2026 10:00:00 +0800',
      boundary: 'inner-boundary',
      parts: [attachment(`attachment; filename="${encodedWord('申报表-王海涛.xlsx', 'UTF-8')}"`, XLSX, await form(dir, 2))],
    });
    const zip = writeZip([
      { name: '材料/申报表-李卫东.xlsx', rawName: gbkBytes('材料/申报表-李卫东.xlsx'), data: await form(dir, 1) },
      { name: '材料/营业执照.pdf', rawName: gbkBytes('材料/营业执照.pdf'), data: Buffer.from('%PDF-1.4\n') },
    ]);
    const eml = path.join(dir, 'fwd.eml');
    fs.writeFileSync(
      eml,
      mail({
        from: '同事 <colleague@gongshu.example.gov.cn>',
        subject: 'Fwd: 申报表',
        date: 'Thu, 21 May 2026 08:00:00 +0800',
        parts: [
          { headers: ['Content-Type: message/rfc822', 'Content-Disposition: attachment; filename="forwarded.eml"'], body: inner.toString('utf8') },
          attachment('attachment; filename="bundle.zip"', 'application/zip', zip),
        ],
      }),
    );
    const db = path.join(dir, 'g.db');
    const rows = await importJson(db, eml);
    expect(rows.map((r) => [r.file, r.outcome])).toEqual([
      ['fwd.eml › forwarded.eml › 申报表-王海涛.xlsx', 'imported'],
      ['fwd.eml › bundle.zip › 材料/申报表-李卫东.xlsx', 'imported'],
      ['fwd.eml › bundle.zip › 材料/营业执照.pdf', 'not-imported'],
    ]);
    // The form in the forwarded message was sent by the unit on the 18th; the one in the zip came with the forward.
    expect(await show(db, rows[0]!.id!)).toMatchObject({ receivedDate: '2026-05-18', mail: { from: '王海涛 <wht@unit.example.com>', subject: '申报表' } });
    expect(await show(db, rows[1]!.id!)).toMatchObject({ receivedDate: '2026-05-21', mail: { from: '同事 <colleague@gongshu.example.gov.cn>', subject: 'Fwd: 申报表' } });
  });

  it('reads a form beside a quoted-printable HTML body; a Date after midnight in China is that day, and --received wins', async () => {
    const dir = tempDir();
    const html = '<html><body><p>=E6=82=A8=E5=A5=BD=EF=BC=8C=E9=99=84=E4=BB=B6=E6=98=AF=E7=94=B3=E6=8A=A5=E8=A1=A8=E3=80=82</p>=\r\n<p style=3D"color:red">=E8=AF=B7=E6=9F=A5=E6=94=B6</p></body></html>';
    const eml = path.join(dir, 'qp.eml');
    const build = async (seq: number): Promise<Buffer> =>
      mail({
        from: 'hr@unit.example.com',
        subject: '=?UTF-8?Q?=E7=94=B3=E6=8A=A5=E8=A1=A8?=',
        // 16:30 UTC on the 20th is 00:30 on the 21st in Hangzhou.
        date: 'Wed, 20 May 2026 16:30:00 +0000',
        parts: [
          { headers: ['Content-Type: text/html; charset=UTF-8', 'Content-Transfer-Encoding: quoted-printable'], body: html },
          attachment('attachment; filename="form.xlsx"', 'application/octet-stream', await form(dir, seq)),
        ],
      });
    fs.writeFileSync(eml, await build(3));
    const db = path.join(dir, 'g.db');
    const rows = await importJson(db, eml);
    expect(rows.map((r) => [r.file, r.outcome])).toEqual([['qp.eml › form.xlsx', 'imported']]);
    expect(await show(db, rows[0]!.id!)).toMatchObject({ receivedDate: '2026-05-21', mail: { subject: '申报表', date: '2026-05-20T16:30:00.000Z' } });

    const given = path.join(dir, 'given.eml');
    fs.writeFileSync(given, await build(4));
    const second = await importJson(db, given, '2026-05-19');
    expect(await show(db, second[0]!.id!)).toMatchObject({ receivedDate: '2026-05-19', mail: { from: 'hr@unit.example.com' } });
  });

  it('lists a mail without attachments, an Outlook .msg and an attachment without a name; refuses nesting and size', async () => {
    const dir = tempDir();
    const box = path.join(dir, 'mails');
    fs.mkdirSync(box);
    const wrap = (body: Buffer, n: number): Buffer =>
      mail({
        from: 'a@b.example',
        subject: `level ${n}`,
        date: 'Wed, 20 May 2026 09:00:00 +0800',
        boundary: `b${n}`,
        parts: [{ headers: ['Content-Type: message/rfc822'], body: body.toString('utf8') }],
      });
    let deep = mail({ from: 'a@b.example', subject: 'x', date: 'Wed, 20 May 2026 09:00:00 +0800', boundary: 'b0', parts: [attachment('attachment; filename="f.xlsx"', XLSX, await form(dir, 5))] });
    for (let n = 1; n <= 3; n++) deep = wrap(deep, n);
    // Three forwards around the message with the form: four mails deep, one more than may be opened.
    fs.writeFileSync(path.join(box, 'a-deep.eml'), deep);
    // MIME parts inside parts, a hundred deep: refused by the parser's own limit, as a damaged mail.
    const nested = Array.from({ length: 100 }, (_, i) => `--n${i}\r\nContent-Type: multipart/mixed; boundary="n${i + 1}"\r\n\r\n`).join('');
    fs.writeFileSync(path.join(box, 'b-nested.eml'), Buffer.from(`From: a@b.example\r\nContent-Type: multipart/mixed; boundary="n0"\r\n\r\n${nested}`));
    fs.writeFileSync(path.join(box, 'c-empty.eml'), mail({ from: 'a@b.example', subject: '忘了附件', date: 'Wed, 20 May 2026 09:00:00 +0800', parts: [text('见附件')] }));
    fs.writeFileSync(path.join(box, 'd-outlook.msg'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0]));
    fs.writeFileSync(
      path.join(box, 'e-noname.eml'),
      mail({ from: 'a@b.example', subject: 's', date: 'Wed, 20 May 2026 09:00:00 +0800', parts: [attachment('attachment', 'application/octet-stream', Buffer.from('data'))] }),
    );
    // Over the limit of a saved mail (20 MB): refused before it is parsed.
    const big = path.join(box, 'f-big.eml');
    fs.writeFileSync(big, Buffer.alloc(21 * 1024 * 1024, 0x41));

    const rows = await importJson(path.join(dir, 'g.db'), box);
    expect(rows.map((r) => [r.file, r.outcome, r.error?.code])).toEqual([
      // A forwarded message without a file name is named for what it is.
      ['a-deep.eml › 转发的邮件1.eml › 转发的邮件1.eml › 转发的邮件1.eml', 'failed', 'bundle-too-deep'],
      ['b-nested.eml', 'failed', 'mail-damaged'],
      ['c-empty.eml', 'not-imported', 'mail-no-attachments'],
      ['d-outlook.msg', 'not-imported', 'file-outlook-msg'],
      ['e-noname.eml › 附件1', 'not-imported', 'file-other-type'],
      ['f-big.eml', 'failed', 'file-too-large'],
    ]);
    expect(rows[0]!.error!.message).toContain('嵌套超过 3 层');
  });

  it('masks the address of a sender, not the name', () => {
    expect(maskMailSender('李丽 <lili@unit.example.com>')).toBe('李丽 <l***@unit.example.com>');
    expect(maskMailSender('12345678@qq.com')).toBe('1***@qq.com');
    expect(maskMailSender('无地址')).toBe('无地址');
  });

  it('reads a Date without a zone, or with CST, as China time whatever the machine\'s zone', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'g.db');
    // 20:00 on the 20th in Hangzhou: still the 20th, whatever zone the clerk's machine or the test runner is in.
    const dates = ['Wed, 20 May 2026 20:00:00', 'Wed, 20 May 2026 20:00:00 CST', 'Wed, 20 May 2026 20:00:00 (CST)'];
    for (const [i, date] of dates.entries()) {
      fs.writeFileSync(path.join(dir, `m${i}.eml`), mail({ from: 'hr@unit.example.com', subject: 'x', date, parts: [attachment(`attachment; filename="f${i}.xlsx"`, XLSX, await form(dir, i))] }));
    }
    for (const [i] of dates.entries()) {
      const rows = await importJson(db, path.join(dir, `m${i}.eml`));
      expect(rows.map((r) => r.outcome)).toEqual(['imported']);
      expect(await show(db, rows[0]!.id!)).toMatchObject({ receivedDate: '2026-05-20', mail: { date: '2026-05-20T12:00:00.000Z' } });
    }
  });

  it('says so when a mail has no Date it can be read by: the 收件日期 is then today, not the mail\'s', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'g.db');
    const files: string[] = [];
    for (const [i, date] of ['', 'Date: soon'].entries()) {
      const file = path.join(dir, `m${i}.eml`);
      const text = mail({ from: 'hr@unit.example.com', subject: 'x', date: 'DROP', parts: [attachment(`attachment; filename="f${i}.xlsx"`, XLSX, await form(dir, i))] })
        .toString('utf8')
        .replace('Date: DROP\r\n', date === '' ? '' : `${date}\r\n`);
      fs.writeFileSync(file, text);
      files.push(file);
    }
    for (const file of files) {
      const rows = (await importJson(db, file)) as (Row & { problems?: { code: string; message: string }[] })[];
      expect(rows.map((r) => r.outcome)).toEqual(['imported']);
      const noDate = rows[0]!.problems?.find((p) => p.code === 'mail-no-date');
      expect(noDate?.message).toMatch(/邮件.*日期.*收件日期/u);
      expect(noDate?.message).toContain(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10));
      expect(await show(db, rows[0]!.id!)).toMatchObject({ mail: { date: null } });
    }
    // With --received the clerk gave the date: nothing to say.
    const given = path.join(dir, 'given.eml');
    fs.writeFileSync(given, fs.readFileSync(files[0]!, 'utf8').replace('f0.xlsx', 'g.xlsx').replace('hr@unit', 'other@unit'));
    const rows = (await importJson(path.join(dir, 'g2.db'), given, '2026-05-20')) as (Row & { problems?: { code: string }[] })[];
    expect(rows[0]!.problems?.map((p) => p.code) ?? []).not.toContain('mail-no-date');
  });

  it('imports a form a client put beside the HTML body (multipart/related, with a Content-ID): only images are the body', async () => {
    const dir = tempDir();
    const eml = path.join(dir, 'related.eml');
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
    fs.writeFileSync(
      eml,
      [
        'From: hr@unit.example.com',
        'Subject: form',
        'Date: Wed, 20 May 2026 09:00:00 +0800',
        'MIME-Version: 1.0',
        'Content-Type: multipart/related; boundary="R"',
        '',
        '--R',
        'Content-Type: text/html; charset=UTF-8',
        '',
        '<p>申报表见附件 <img src="cid:logo"></p>',
        '--R',
        'Content-Type: image/png',
        'Content-ID: <logo>',
        'Content-Disposition: inline; filename="logo.png"',
        'Content-Transfer-Encoding: base64',
        '',
        b64(png),
        '--R',
        `Content-Type: ${XLSX}; name="related.xlsx"`,
        'Content-ID: <form1>',
        'Content-Disposition: inline; filename="related.xlsx"',
        'Content-Transfer-Encoding: base64',
        '',
        b64(await form(dir, 0)),
        '--R--',
        '',
      ].join('\r\n'),
    );
    const rows = await importJson(path.join(dir, 'g.db'), eml);
    expect(rows.map((r) => [r.file, r.outcome])).toEqual([['related.eml › related.xlsx', 'imported']]);
  });

  it('shows attachment and zip entry names without the invisible controls that reorder them (U+202E spoofing .xlsx as .docx)', async () => {
    const dir = tempDir();
    const eml = path.join(dir, 'rtl.eml');
    const zip = writeZip([{ name: '材料/名单\u202Excod.xlsx', data: await form(dir, 1) }]);
    fs.writeFileSync(
      eml,
      mail({
        from: 'hr@unit.example.com\u202e',
        subject: encodedWord('申报\u2067表\u2069', 'UTF-8'),
        date: 'Wed, 20 May 2026 09:00:00 +0800',
        parts: [
          attachment(`attachment; filename="${encodedWord('申报表\u202Excod.xlsx', 'UTF-8')}"`, XLSX, await form(dir, 0)),
          attachment('attachment; filename="b.zip"', 'application/zip', zip),
        ],
      }),
    );
    const db = path.join(dir, 'g.db');
    const rows = await importJson(db, eml);
    expect(rows.map((r) => [r.file, r.outcome])).toEqual([
      ['rtl.eml › 申报表xcod.xlsx', 'imported'],
      ['rtl.eml › b.zip › 材料/名单xcod.xlsx', 'imported'],
    ]);
    expect(await show(db, rows[0]!.id!)).toMatchObject({ mail: { from: 'hr@unit.example.com', subject: '申报表' } });
  });

  it('does not read only the first mail of a mailbox file (mbox, several mails in one): it says how to save them one by one', async () => {
    const dir = tempDir();
    const one = (seq: number): string =>
      mail({ from: 'hr@unit.example.com', subject: 'x', date: 'Wed, 20 May 2026 09:00:00 +0800', parts: [attachment(`attachment; filename="f${seq}.xlsx"`, XLSX, Buffer.from(`form ${seq}`))] })
        .toString('utf8')
        .replace(/\r\n/gu, '\n');
    const box = `From hr@unit.example.com Wed May 20 09:00:00 2026\n${one(0)}\nFrom hr@unit.example.com Wed May 20 09:05:00 2026\n${one(1)}\n`;
    fs.writeFileSync(path.join(dir, '收件箱.eml'), box);
    fs.writeFileSync(path.join(dir, '收件箱.mbox'), box);
    const rows = await importJson(path.join(dir, 'g.db'), dir);
    expect(rows.map((r) => [r.file, r.outcome, r.error?.code])).toEqual([
      ['收件箱.eml', 'not-imported', 'mail-mbox'],
      ['收件箱.mbox', 'not-imported', 'mail-mbox'],
    ]);
    for (const r of rows) expect(r.error?.message).toMatch(/多封邮件.*\.eml/u);

    // One message with the postmark line a mailbox export puts before it is an ordinary mail.
    const single = path.join(dir, 'single', 'one.eml');
    fs.mkdirSync(path.dirname(single));
    fs.writeFileSync(single, `From hr@unit.example.com Wed May 20 09:00:00 2026\n${one(2)}`);
    expect((await importJson(path.join(dir, 'g2.db'), single)).map((r) => r.file)).toEqual(['one.eml › f2.xlsx']);
  });

  it('parses a large mail in a thread of its own with the same result, keeping only the bytes the batch reads', async () => {
    const dir = tempDir();
    const formBytes = await form(dir, 0);
    // A scan large enough to send the mail to the worker; incompressible, as a real one is.
    const scan = Buffer.alloc(IN_PROCESS_MAIL_BYTES + 1024);
    for (let i = 0; i < scan.length; i++) scan[i] = (i * 2654435761) >>> 24;
    const big = mail({
      from: encodedWord('张三', 'GBK') + ' <hr@unit.example.com>',
      subject: encodedWord('申报材料', 'UTF-8'),
      date: 'Wed, 20 May 2026 00:30:00 +0800',
      parts: [attachment('attachment; filename="扫描件.pdf"', 'application/pdf', scan), attachment('attachment; filename="申报表.xlsx"', XLSX, formBytes), attachment('attachment; filename="申报表.xlsx"', XLSX, formBytes)],
    });
    expect(big.length).toBeGreaterThan(IN_PROCESS_MAIL_BYTES);
    const here = await readMailHere(Buffer.from(big), 'big.eml');
    const input = Buffer.from(big);
    const there = await readMail(input, 'big.eml');
    // The bytes were handed to the worker (moved, not copied).
    expect(input.buffer.byteLength).toBe(0);
    expect(there).toEqual(here);
    expect(there.origin).toEqual({ from: '张三 <hr@unit.example.com>', subject: '申报材料', date: '2026-05-19T16:30:00.000Z' });
    expect(there.parts.map((p) => [p.name, p.size, p.content === null])).toEqual([
      ['扫描件.pdf', scan.length, true],
      ['申报表.xlsx', formBytes.length, false],
      ['申报表（3）.xlsx', formBytes.length, false],
    ]);
    expect(Buffer.isBuffer(there.parts[1]!.content) && there.parts[1]!.content.equals(formBytes)).toBe(true);

    // A refusal made in the worker arrives as the same refusal.
    const box = `From a@b.example Wed May 20 09:00:00 2026\n${big.toString('latin1')}\n\nFrom a@b.example Wed May 20 09:05:00 2026\n${big.toString('latin1')}`;
    await expect(readMail(Buffer.from(box, 'latin1'), 'box.eml')).rejects.toMatchObject({ code: 'mail-mbox', message: expect.stringMatching(/多封邮件/u) as unknown });
  }, 60_000);

  it('keeps a small mail parsed for the batch, and parses a mail keeping more again when the batch reaches it', async () => {
    const dir = tempDir();
    const formBytes = await form(dir, 1);
    const small = path.join(dir, 'small.eml');
    const large = path.join(dir, 'large.eml');
    const date = 'Wed, 20 May 2026 09:00:00 +0800';
    fs.writeFileSync(small, mail({ from: 'a@unit.example', subject: 's', date, parts: [attachment('attachment; filename="f.xlsx"', XLSX, formBytes)] }));
    // A "form" larger than what a mail keeps for the batch (a real one is tens of KB).
    const padded = Buffer.concat([formBytes, Buffer.alloc(KEEP_MAIL_BYTES)]);
    fs.writeFileSync(large, mail({ from: 'b@unit.example', subject: 'l', date, parts: [attachment('attachment; filename="g.xlsx"', XLSX, padded)] }));
    const sources = await expandSources([small, large]);
    expect(sources.map((s) => s.display)).toEqual(['small.eml › f.xlsx', 'large.eml › g.xlsx']);
    // The files are gone by the time the batch reads: the small mail's form is still there, the large one is read again.
    fs.rmSync(small);
    fs.rmSync(large);
    expect((await sources[0]!.read()).equals(formBytes)).toBe(true);
    await expect(Promise.resolve().then(() => sources[1]!.read())).rejects.toMatchObject({ code: 'file-missing' });
  });

  it('warns, naming the file, when a mail is dated more than a year from the round; the 收件日期 is then corrected with a reason', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'g.db');
    const write = async (name: string, date: string, seq: number): Promise<string> => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, mail({ from: `u${seq}@unit.example.com`, subject: 'x', date, parts: [attachment(`attachment; filename="f${seq}.xlsx"`, XLSX, await form(dir, seq))] }));
      return file;
    };
    // A sender's clock three years back; a mail of late last year (the notice may come out then); one of next year.
    const far = await write('far.eml', 'Tue, 20 May 2023 09:00:00 +0800', 2);
    const near = await write('near.eml', 'Mon, 01 Dec 2025 09:00:00 +0800', 3);
    const next = await write('next.eml', 'Thu, 20 May 2027 09:00:00 +0800', 4);
    const rows = (await importJson(db, far)).concat(await importJson(db, near), await importJson(db, next)) as (Row & { problems?: { code: string; message: string }[] })[];
    const warned = rows.map((r) => r.problems?.find((p) => p.code === 'mail-date-far')?.message);
    // Said on the file's own row (the table and the JSON name the file there).
    expect(rows[0]!.file).toBe('far.eml › f2.xlsx');
    expect(warned[0]).toMatch(/2023-05-20.*2026.*相差一年以上/u);
    expect(warned.slice(1)).toEqual([undefined, undefined]);
    const id = rows[0]!.id!;
    expect((await show(db, id)).receivedDate).toBe('2023-05-20');

    // Corrected with a reason; without one, or to the same date, refused.
    const set = (...args: string[]) => runCli(['--db', db, '--round', '2026', 'apply', 'set', String(id), ...args]);
    expect((await set('收件日期=2026-05-20')).code).not.toBe(0);
    expect((await show(db, id)).receivedDate).toBe('2023-05-20');
    const done = await set('收件日期=5月20日', '--reason', '邮件日期有误，以实际收到之日为准');
    expect(done.code).toBe(0);
    expect(done.stdout + done.stderr).toMatch(/收件日期已由 2023-05-20 更正为 2026-05-20/u);
    expect((await show(db, id)).receivedDate).toBe('2026-05-20');
    const again = await set('收件日期=2026-05-20', '--reason', '再次');
    expect(again.code).not.toBe(0);
    expect(again.stderr).toContain('已经是这个内容');
    const log = JSON.parse((await runCli(['--db', db, 'history', String(id), '--json'])).stdout) as { action: string; detail: unknown }[];
    expect(log.find((e) => e.action === 'received-date')?.detail).toEqual({ from: '2023-05-20', to: '2026-05-20', reason: '邮件日期有误，以实际收到之日为准' });
    expect((await runCli(['--db', db, 'history', String(id)])).stdout).toContain('更正收件日期：2023-05-20 → 2026-05-20（原因：邮件日期有误，以实际收到之日为准）');
  });
});
