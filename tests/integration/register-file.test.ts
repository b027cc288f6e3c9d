/**
 * Register files that fight back (issue 7, item 7) and the ones Chinese offices really have (issue 9):
 * an .xlsx is a zip and is refused by what it really inflates to and by its rows before it is parsed; a
 * long CSV is refused as it is read and never holds up the host; GBK text (Excel on Chinese Windows) is
 * read; rows are numbered as people see them in the file, the same way for a file and for pasted text.
 */
import { zipSync, strToU8 } from 'fflate';
import iconv from 'iconv-lite';
import readXlsxFile from 'read-excel-file/node';
import { checkDigit } from '../../cloudfunctions/modules/account/domain/idNumber';
import {
  decodeText,
  parseRegisterFile,
  REGISTER_LIMITS,
} from '../../cloudfunctions/modules/account/domain/registerFile';
import { makeWorld, type World } from './harness';
import { xlsx } from './xlsx';

jest.mock('read-excel-file/node', () => {
  const actual = jest.requireActual('read-excel-file/node');
  return { __esModule: true, default: jest.fn((...a: unknown[]) => actual.default(...a)) };
});
const parsed = readXlsxFile as unknown as jest.Mock;

const id = (n: number) => {
  const first17 = `5309991980${String(1 + (n % 12)).padStart(2, '0')}${String(1 + (n % 28)).padStart(2, '0')}${String(n % 1000).padStart(3, '0')}`;
  return first17 + checkDigit(first17);
};
const b64 = (b: Uint8Array | string) => Buffer.from(b).toString('base64');
const csvOf = (n: number) =>
  ['姓名,身份证号', ...Array.from({ length: n }, (_, i) => `张${i},${id(i)}`)].join('\n') + '\n';

let w: World;
beforeEach(async () => {
  w = await makeWorld();
  parsed.mockClear();
});

const importFile = (name: string, bytes: Uint8Array | string) =>
  w.raw('township', 'account', 'importRegister', {
    constituencyId: 'tw-qs-c2',
    file: { name, contentBase64: b64(bytes) },
  });

/** A workbook whose sheet is `sheetXml` (the rest as in ./xlsx). */
function workbook(sheetXml: string | Uint8Array, level: 0 | 9 = 9): Uint8Array {
  const base = xlsx([['姓名', '身份证号']]);
  const parts: Record<string, Uint8Array> = {};
  const { unzipSync } = require('fflate') as typeof import('fflate');
  for (const [k, v] of Object.entries(unzipSync(base))) parts[k] = v;
  const sheet = typeof sheetXml === 'string' ? strToU8(sheetXml) : sheetXml;
  return zipSync({ ...parts, 'xl/worksheets/sheet1.xml': [sheet, { level }] });
}
const sheetOf = (rows: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;

describe('an .xlsx is refused by what it really holds, before it is parsed', () => {
  it('a decompression bomb (a small file inflating past the limit) is refused and writes nothing', async () => {
    const filler = Buffer.alloc(REGISTER_LIMITS.unzippedBytes * 3, 0x20);
    const bomb = workbook(
      Buffer.concat([
        Buffer.from(sheetOf('').slice(0, -24)),
        filler,
        Buffer.from('</sheetData></worksheet>'),
      ]),
    );
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const before = w.fingerprint();
    const r = await importFile('名册.xlsx', bomb);
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { file: '文件过大' } } });
    expect(parsed).not.toHaveBeenCalled();
    expect(w.fingerprint()).toBe(before);
  });

  it('…also when its directory lies about the sizes', async () => {
    const filler = Buffer.alloc(REGISTER_LIMITS.unzippedBytes * 2, 0x20);
    const bomb = Buffer.from(
      workbook(Buffer.concat([Buffer.from('<worksheet>'), filler, Buffer.from('</worksheet>')])),
    );
    // Every central-directory entry claims 100 bytes uncompressed.
    for (
      let p = bomb.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
      p >= 0;
      p = bomb.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), p + 4)
    )
      bomb.writeUInt32LE(100, p + 24);
    const r = await importFile('名册.xlsx', bomb);
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { file: '文件过大' } } });
    expect(parsed).not.toHaveBeenCalled();
  });

  it('a sheet with more rows than one import takes is refused before it is parsed', async () => {
    const rows = Array.from(
      { length: REGISTER_LIMITS.rows + 20 },
      (_, i) =>
        `<row r="${i + 2}"><c r="A${i + 2}" t="inlineStr"><is><t>张${i}</t></is></c><c r="B${i + 2}" t="inlineStr"><is><t>${id(i)}</t></is></c></row>`,
    ).join('');
    const head =
      '<row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c><c r="B1" t="inlineStr"><is><t>身份证号</t></is></c></row>';
    const r = await importFile('名册.xlsx', workbook(sheetOf(head + rows)));
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { file: '行数过多' } } });
    expect(parsed).not.toHaveBeenCalled();
  });

  it('a lone cell far out (which would size the table to a million rows) is refused; formatting-only cells do not count', async () => {
    const head =
      '<row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c><c r="B1" t="inlineStr"><is><t>身份证号</t></is></c></row>';
    for (const far of [
      '<row r="1048576"><c r="A1048576"><v>1</v></c></row>',
      '<row r="3"><c r="XFD3"><v>1</v></c></row>',
    ]) {
      const r = await importFile('名册.xlsx', workbook(`${sheetOf(head + far)}`));
      expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect(parsed).not.toHaveBeenCalled();
    }
    // Excel writes styled empty cells and rows to the end of the sheet, and a dimension to match: harmless.
    const styled =
      head +
      `<row r="2"><c r="A2" t="inlineStr"><is><t>赵一</t></is></c><c r="B2" t="inlineStr"><is><t>${id(1)}</t></is></c></row>` +
      '<row r="1048576" s="1"><c r="XFD1048576" s="1"/></row>';
    const sheet = sheetOf(styled).replace('<sheetData>', '<dimension ref="A1:XFD1048576"/><sheetData>');
    const ok = await importFile('名册.xlsx', workbook(sheet));
    expect(ok).toMatchObject({ ok: true, data: { added: 1, rows: [{ row: 2, status: 'added' }] } });
  });
});

describe('a long CSV is refused as it is read, and the host keeps answering meanwhile', () => {
  it('330,000 rows (4 MB) are refused at the first row over the limit', async () => {
    const text = csvOf(330_000);
    expect(text.length).toBeGreaterThan(4_000_000);
    await expect(parseRegisterFile({ name: 'big.csv', contentBase64: b64(text) })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      fields: { file: '行数过多' },
    });
  });

  it('reading a register of the largest size lets other work run (it does not hold the event loop)', async () => {
    let turns = 0;
    let reading = true;
    const tick = () => {
      if (!reading) return;
      turns++;
      setImmediate(tick);
    };
    setImmediate(tick);
    const rows = await parseRegisterFile({ name: 'ok.csv', contentBase64: b64(csvOf(REGISTER_LIMITS.rows)) });
    reading = false;
    expect(rows).toHaveLength(REGISTER_LIMITS.rows);
    expect(turns).toBeGreaterThan(1);
  });
});

describe('the encodings Chinese offices have (issue 9)', () => {
  const csv = `姓名,身份证号,手机号\r\n赵一,${id(1)},13800138000\r\n钱二,${id(2)},\r\n`;

  it('reads a CSV saved by Excel on Chinese Windows (GBK / GB18030)', async () => {
    const r = await importFile('名册.csv', iconv.encode(csv, 'gbk'));
    expect(r).toMatchObject({ ok: true, data: { added: 2 } });
    const names = (r as { data: { rows: { name: string }[] } }).data.rows.map((x) => x.name);
    expect(names).toEqual(['赵一', '钱二']);
    // GB18030's four-byte sequences (characters beyond GBK) read too.
    expect(decodeText(iconv.encode(`${csv}孙𠀀,1\n`, 'gb18030'))).toEqual({
      text: `${csv}孙𠀀,1\n`,
      encoding: 'gb18030',
    });
  });

  it('reads UTF-8 with or without a BOM, and UTF-16 "Unicode text" (tab-separated)', async () => {
    expect(await importFile('a.csv', '\ufeff' + csv)).toMatchObject({ ok: true, data: { added: 2 } });
    expect(await importFile('b.csv', csv)).toMatchObject({ ok: true, data: { unchanged: 2 } });
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv.replace(/,/g, '\t'), 'utf16le')]);
    expect(await importFile('c.csv', utf16)).toMatchObject({ ok: true, data: { unchanged: 2 } });
  });

  it('says why when a file cannot be read, instead of 缺少表头', async () => {
    const garbage = Buffer.from([0x81, 0x20, 0xff, 0xfe, 0x00, 0x81, 0x7f, 0xff]);
    const r = await importFile('x.csv', garbage);
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('编码') },
    });
    const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(await importFile('x.csv', xls)).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('.xls') },
    });
    // Read as GBK but no header: the message says how it was read.
    const noHeader = await importFile('y.csv', iconv.encode('名字,号码\n赵一,1\n', 'gbk'));
    expect(noHeader).toMatchObject({ ok: false, error: { message: expect.stringContaining('GBK') } });
  });
});

describe('rows are numbered as people see them (issue 9)', () => {
  it('a CSV: blank lines and a title row above the header keep their line numbers', async () => {
    const csv = `青石镇第二选区选民名册\n\n姓名,身份证号\n赵一,${id(1)}\n\n钱二,12345\n"孙
三",${id(3)}\n李四,${id(4)}\n`;
    const r = await importFile('名册.csv', csv);
    expect(
      (r as { data: { rows: { row: number; status: string }[] } }).data.rows.map((x) => [x.row, x.status]),
    ).toEqual([
      [4, 'added'],
      [6, 'rejected'],
      [7, 'rejected'],
      [9, 'added'],
    ]);
  });

  it('an .xlsx: spreadsheet rows, blank ones skipped', async () => {
    const file = xlsx([
      ['姓名', '身份证号'],
      ['赵一', id(1)],
      ['', ''],
      ['钱二', id(2)],
    ]);
    const r = await importFile('名册.xlsx', file);
    expect((r as { data: { rows: { row: number }[] } }).data.rows.map((x) => x.row)).toEqual([2, 4]);
  });

  it('pasted rows carry their line in the pasted text; the report gives office staff the full name', async () => {
    const r = await w.call('township', 'account', 'importRegister', {
      constituencyId: 'tw-qs-c2',
      rows: [
        { name: '赵一', idNumber: id(1), line: 2 },
        { name: '钱二', idNumber: '12345', line: 4 },
      ],
    });
    expect(r.rows).toEqual([
      expect.objectContaining({ row: 2, status: 'added', name: '赵一', nameMasked: '赵*' }),
      expect.objectContaining({ row: 4, status: 'rejected', name: '钱二' }),
    ]);
  });
});
