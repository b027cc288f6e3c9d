/**
 * Turns an uploaded voter-register file (CSV or XLSX) into rows, by its header names — within limits that
 * are checked as the file is read, so an oversized or hostile file is refused before it costs much:
 *   - at most REGISTER_LIMITS.rows data rows: a CSV is read record by record and refused at the first row
 *     over the limit, yielding to the event loop as it goes (the host keeps answering other requests);
 *   - an .xlsx is a zip: every part is inflated with a cap on its real (not its declared) size, at most
 *     REGISTER_LIMITS.unzippedBytes together, and the sheet's rows and columns are counted before the sheet
 *     is parsed (read-excel-file sizes its table by the furthest cell, so a single cell at XFD1048576
 *     would otherwise ask for 17 billion);
 *   - text is UTF-8 (with or without a BOM), UTF-16 with a BOM, or else GB18030 (which covers GBK and
 *     GB2312: a CSV saved by Excel on Chinese Windows); a file that is none of them is refused saying so.
 * Row numbers are where the row is in the file as people see it — the CSV line, the spreadsheet row — so
 * staff can find it; blank rows are skipped but keep the count.
 */
import { promisify } from 'node:util';
import { inflateRaw } from 'node:zlib';
import { AppError } from '../../../core/errors';

export interface RawRow {
  /** 1-based line (CSV) or row (spreadsheet) in the file, header included, so staff can find it. */
  row: number;
  name: string;
  idNumber: string;
  phone?: string;
}

export const REGISTER_LIMITS = {
  /** Data rows in one import (the header not counted). */
  rows: 5000,
  /** Columns of a sheet that may hold something. */
  columns: 50,
  /** All parts of an .xlsx together, uncompressed. */
  unzippedBytes: 20 * 1024 * 1024,
  /** Parts in an .xlsx (a register has about ten). */
  zipEntries: 500,
  /** The header is looked for in the first rows (a title row may come before it). */
  headerSearchRows: 10,
};

const HEADERS = {
  name: ['姓名', 'name'],
  idNumber: ['身份证号', '身份证号码', '公民身份号码', 'idnumber'],
  phone: ['手机号', '手机号码', '联系电话', '电话', 'phone'],
};

const refuse = (message: string, field: string): never => {
  throw new AppError('INVALID_INPUT', message, { file: field });
};
const tooManyRows = () => refuse(`单次最多导入 ${REGISTER_LIMITS.rows} 行，请分批导入`, '行数过多');

/** Lets other work run (the host's other requests) during a long read. */
const breathe = () => new Promise<void>((r) => setImmediate(r));

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** The file's text: a BOM says the encoding; else valid UTF-8 is UTF-8; else GB18030 (GBK); else refused. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  const tryDecode = (enc: TextEncodingName, from = 0) => {
    try {
      return new TextDecoder(enc, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(from));
    } catch (e) {
      if (e instanceof RangeError)
        refuse(
          '此服务器无法读取 GBK 编码的文件，请在 Excel 中另存为“CSV UTF-8（逗号分隔）”后重试',
          '编码无法读取',
        );
      return null;
    }
  };
  const b = bytes;
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) {
    const text = tryDecode('utf-8', 3);
    if (text === null)
      refuse('文件开头标明是 UTF-8 编码，但内容不是有效的 UTF-8，请重新保存后再试', '编码有误');
    return { text: text!, encoding: 'utf-8' };
  }
  if (b[0] === 0xff && b[1] === 0xfe) {
    const text = tryDecode('utf-16le', 2);
    if (text !== null) return { text, encoding: 'utf-16le' };
  }
  if (b[0] === 0xfe && b[1] === 0xff) {
    const text = tryDecode('utf-16be', 2);
    if (text !== null) return { text, encoding: 'utf-16be' };
  }
  const utf8 = tryDecode('utf-8');
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
  const gb = tryDecode('gb18030');
  if (gb !== null) return { text: gb, encoding: 'gb18030' };
  return refuse(
    '无法识别文件的文字编码（不是 UTF-8，也不是 GBK/GB18030）。请在 Excel 中另存为“CSV UTF-8（逗号分隔）”后重试',
    '编码无法识别',
  );
}

/** One CSV record: its cells and the line it starts on (1-based). */
export interface CsvRecord {
  cells: string[];
  line: number;
}

/** Comma, or tab when the first lines have tabs and no commas (Excel's "Unicode text" is tab-separated). */
export function delimiterOf(text: string): ',' | '\t' {
  const head = text.slice(0, 4096);
  return head.includes('\t') && !head.includes(',') ? '\t' : ',';
}

/**
 * RFC 4180 records, one at a time: quoted fields (with doubled quotes and line breaks inside), CRLF, LF or
 * CR line ends, an optional BOM; comma- or tab-separated.
 */
export function* csvRecords(text: string, delimiter: ',' | '\t' = delimiterOf(text)): Generator<CsvRecord> {
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const n = s.length;
  const special = delimiter === ',' ? /[",\r\n]/g : /["\t\r\n]/g;
  let i = 0;
  let line = 1;
  while (i < n) {
    const start = line;
    const cells: string[] = [];
    for (;;) {
      let field: string;
      if (s[i] === '"') {
        // Quoted: up to the closing quote; "" is a quote.
        let out = '';
        let j = i + 1;
        for (;;) {
          const q = s.indexOf('"', j);
          if (q < 0) {
            out += s.slice(j);
            j = n;
            break;
          }
          out += s.slice(j, q);
          if (s[q + 1] === '"') {
            out += '"';
            j = q + 2;
          } else {
            j = q + 1;
            break;
          }
        }
        for (const ch of out) if (ch === '\n') line++;
        // Anything between the closing quote and the separator belongs to the field, as spreadsheets read it.
        special.lastIndex = j;
        const m = special.exec(s);
        const end = m ? m.index : n;
        field = out + s.slice(j, end);
        i = end;
      } else {
        special.lastIndex = i;
        const m = special.exec(s);
        const end = m ? m.index : n;
        field = s.slice(i, end);
        i = end;
      }
      cells.push(field);
      if (i >= n) break;
      const ch = s[i];
      if (ch === delimiter) {
        i++;
        continue;
      }
      if (ch === '"') {
        // A stray quote inside an unquoted field: keep it as text.
        cells[cells.length - 1] += '"';
        i++;
        continue;
      }
      // A line end closes the record.
      i += ch === '\r' && s[i + 1] === '\n' ? 2 : 1;
      line++;
      break;
    }
    yield { cells, line: start };
  }
}

/** Every non-blank record of a CSV text (kept for small, trusted texts: tests and tools). */
export function parseCsv(text: string): string[][] {
  const out: string[][] = [];
  for (const r of csvRecords(text)) if (r.cells.some((c) => c.trim() !== '')) out.push(r.cells);
  return out;
}

interface Table {
  rows: { cells: unknown[]; line: number }[];
  encoding?: TextEncodingName;
}

const cellText = (v: unknown) => (v === null || v === undefined ? '' : String(v).trim());
const isBlank = (cells: unknown[]) => cells.every((c) => cellText(c) === '');

/** Rows by their header (found among the first rows), numbered as in the file; blank rows skipped. */
function rowsOf(table: Table): RawRow[] {
  const nonBlank = table.rows.filter((r) => !isBlank(r.cells));
  if (nonBlank.length === 0) refuse('文件是空的', '文件是空的');
  const norm = (h: unknown) => cellText(h).replace(/\s/g, '').toLowerCase();
  let headerAt = -1;
  let cols = { ni: -1, ii: -1, pi: -1 };
  for (let k = 0; k < Math.min(nonBlank.length, REGISTER_LIMITS.headerSearchRows); k++) {
    const header = nonBlank[k].cells.map(norm);
    const col = (names: string[]) => header.findIndex((h) => names.includes(h));
    const c = { ni: col(HEADERS.name), ii: col(HEADERS.idNumber), pi: col(HEADERS.phone) };
    if (c.ni >= 0 && c.ii >= 0) {
      headerAt = k;
      cols = c;
      break;
    }
  }
  if (headerAt < 0) {
    const hint =
      table.encoding === 'gb18030'
        ? '（文件不是 UTF-8 编码，已按 GBK 读取；如果文件在 Excel 里显示正常，请另存为“CSV UTF-8（逗号分隔）”后重试）'
        : '';
    refuse(`没有找到表头：表头行应至少包含“姓名”和“身份证号”两列${hint}`, '缺少表头');
  }
  const data = nonBlank.slice(headerAt + 1);
  if (data.length > REGISTER_LIMITS.rows) tooManyRows();
  const cell = (r: unknown[], i: number) => (i >= 0 ? cellText(r[i]) : '');
  return data.map((r) => ({
    row: r.line,
    name: cell(r.cells, cols.ni),
    idNumber: cell(r.cells, cols.ii),
    ...(cols.pi >= 0 && cell(r.cells, cols.pi) ? { phone: cell(r.cells, cols.pi) } : {}),
  }));
}

/** A table given as rows (the first row is row 1): for tests and callers that parsed the file themselves. */
export function rowsFromTable(table: unknown[][]): RawRow[] {
  return rowsOf({ rows: table.map((cells, i) => ({ cells, line: i + 1 })) });
}

/** A CSV, record by record: refused at the first data row over the limit; yields every 500 records. */
async function readCsv(bytes: Uint8Array): Promise<Table> {
  const { text, encoding } = decodeText(bytes);
  const rows: Table['rows'] = [];
  // Header search rows + data rows: anything past that cannot be imported anyway.
  const most = REGISTER_LIMITS.rows + REGISTER_LIMITS.headerSearchRows;
  let seen = 0;
  let n = 0;
  for (const r of csvRecords(text)) {
    if (++n % 500 === 0) await breathe();
    if (isBlank(r.cells)) continue;
    if (++seen > most) tooManyRows();
    rows.push(r);
  }
  return { rows, encoding };
}

// ---- .xlsx: a zip read with caps, then a sheet checked before it is parsed ----

const inflate = promisify(inflateRaw);
const badXlsx = () => refuse('无法读取该 Excel 文件，请另存为 .xlsx 或 .csv 后重试', '文件无法读取');
const tooBig = () =>
  refuse(
    `Excel 文件解压后超过 ${REGISTER_LIMITS.unzippedBytes / 1024 / 1024}MB，不像是一份选民名册；请删去无关的工作表或另存为 .csv 后重试`,
    '文件过大',
  );

/** The XML parts of a zip (central directory), each inflated with a cap on what it really expands to. */
export async function unzipParts(bytes: Buffer): Promise<Map<string, Buffer>> {
  const EOCD = 0x06054b50;
  let eocd = -1;
  for (let p = bytes.length - 22; p >= Math.max(0, bytes.length - 22 - 65535); p--) {
    if (bytes.readUInt32LE(p) === EOCD) {
      eocd = p;
      break;
    }
  }
  if (eocd < 0) badXlsx();
  const count = bytes.readUInt16LE(eocd + 10);
  const cdSize = bytes.readUInt32LE(eocd + 12);
  const cdOffset = bytes.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff || cdOffset + cdSize > bytes.length) badXlsx();
  if (count > REGISTER_LIMITS.zipEntries) tooBig();
  const parts = new Map<string, Buffer>();
  let budget = REGISTER_LIMITS.unzippedBytes;
  let p = cdOffset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > bytes.length || bytes.readUInt32LE(p) !== 0x02014b50) badXlsx();
    const method = bytes.readUInt16LE(p + 10);
    const compSize = bytes.readUInt32LE(p + 20);
    const declared = bytes.readUInt32LE(p + 24);
    const nameLen = bytes.readUInt16LE(p + 28);
    const extraLen = bytes.readUInt16LE(p + 30);
    const commentLen = bytes.readUInt16LE(p + 32);
    const local = bytes.readUInt32LE(p + 42);
    const name = bytes.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    p += 46 + nameLen + extraLen + commentLen;
    // Only the XML parts are read (images and the like are skipped unread).
    if (!/\.(xml|rels)$/i.test(name)) continue;
    if (declared > budget) tooBig();
    if (local + 30 > bytes.length || bytes.readUInt32LE(local) !== 0x04034b50) badXlsx();
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    if (start + compSize > bytes.length) badXlsx();
    const data = bytes.subarray(start, start + compSize);
    let out: Buffer;
    if (method === 0) out = Buffer.from(data);
    else if (method === 8) {
      try {
        // The cap is on what it really inflates to: a declared size can lie.
        out = await inflate(data, { maxOutputLength: budget });
      } catch (e) {
        if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError) tooBig();
        return badXlsx();
      }
    } else return badXlsx();
    if (out.length > budget) tooBig();
    budget -= out.length;
    parts.set(name, out);
  }
  return parts;
}

const colNumber = (letters: string) =>
  [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

/** The first sheet's part, as workbook.xml and its relationships name it. */
function firstSheetPath(parts: Map<string, Buffer>): string | null {
  const wb = parts.get('xl/workbook.xml')?.toString('utf8');
  const rels = parts.get('xl/_rels/workbook.xml.rels')?.toString('utf8');
  const rid = wb && /<(?:\w+:)?sheet\b[^>]*?\br:id="([^"]+)"/.exec(wb)?.[1];
  if (rid && rels) {
    for (const m of rels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
      if (new RegExp(`\\bId="${rid.replace(/[^\w-]/g, '')}"`).test(m[0])) {
        const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
        if (target) return target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
      }
    }
  }
  return parts.has('xl/worksheets/sheet1.xml') ? 'xl/worksheets/sheet1.xml' : null;
}

/**
 * Checks a sheet before it is parsed and leaves only what holds a value: rows and columns of cells with a
 * value are counted (refused over the limits); the declared dimension and empty cells and rows — which
 * Excel writes for formatting and which would size the parsed table — are dropped.
 */
export function checkSheet(xml: string): string {
  let maxRow = 0;
  let maxCol = 0;
  let rowsWithValues = 0;
  let rowNo = 0;
  const cleaned = xml
    .replace(/<(?:\w+:)?dimension\b[^>]*\/>/g, '')
    .replace(
      /<((?:\w+:)?)row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/\1row>)/g,
      (_m, prefix: string, attrs: string, inner: string | undefined) => {
        const r = /\br="(\d+)"/.exec(attrs);
        rowNo = r ? Number(r[1]) : rowNo + 1;
        let colNo = 0;
        let any = false;
        const cells = (inner ?? '').replace(
          /<((?:\w+:)?)c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/\1c>)/g,
          (cm, _p: string, cattrs: string, cinner: string | undefined) => {
            const ref = /\br="([A-Za-z]{1,3})(\d+)"/.exec(cattrs);
            colNo = ref ? colNumber(ref[1]) : colNo + 1;
            const hasValue = !!cinner && /<(?:\w+:)?(?:v|t)\b[^>]*>\s*[^<\s]/.test(cinner);
            if (!hasValue) return '';
            any = true;
            maxCol = Math.max(maxCol, colNo);
            return cm;
          },
        );
        if (!any) return '';
        rowsWithValues++;
        maxRow = Math.max(maxRow, rowNo);
        if (rowsWithValues > REGISTER_LIMITS.rows + REGISTER_LIMITS.headerSearchRows) tooManyRows();
        return `<${prefix}row${attrs}>${cells}</${prefix}row>`;
      },
    );
  // However few rows hold values, the parsed table reaches the furthest one.
  if (maxRow > REGISTER_LIMITS.rows * 2)
    refuse(`表格第 ${REGISTER_LIMITS.rows * 2} 行以后不应有内容，请删去多余的行后重试`, '行数过多');
  if (maxCol > REGISTER_LIMITS.columns)
    refuse(`表格第 ${REGISTER_LIMITS.columns} 列以后不应有内容，请删去多余的列后重试`, '列数过多');
  return cleaned;
}

async function readXlsx(bytes: Buffer): Promise<Table> {
  const parts = await unzipParts(bytes);
  const sheet = firstSheetPath(parts);
  if (!sheet || !parts.has(sheet)) return badXlsx();
  parts.set(sheet, Buffer.from(checkSheet(parts.get(sheet)!.toString('utf8')), 'utf8'));
  await breathe();
  const { zipSync } = await import('fflate');
  const clean = Buffer.from(zipSync(Object.fromEntries(parts), { level: 0 }));
  let table: unknown[][];
  try {
    const { default: readXlsxFile } = await import('read-excel-file/node');
    table = await readXlsxFile(clean);
  } catch {
    return badXlsx();
  }
  // read-excel-file's table starts at the sheet's row 1 and only trims empty rows at the end.
  return { rows: table.map((cells, i) => ({ cells, line: i + 1 })) };
}

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const isOldExcel = (b: Uint8Array) => b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

export async function parseRegisterFile(file: { name: string; contentBase64: string }): Promise<RawRow[]> {
  const bytes = Buffer.from(file.contentBase64, 'base64');
  if (bytes.length === 0) refuse('文件是空的', '文件是空的');
  // By content first: a workbook renamed to .csv (or the other way round) still reads.
  if (isOldExcel(bytes))
    refuse('这是旧版 Excel（.xls）文件，请在 Excel 中另存为 .xlsx 或“CSV UTF-8”后重试', '不支持 .xls');
  if (isZip(bytes)) return rowsOf(await readXlsx(bytes));
  if (/\.xlsx$/i.test(file.name)) badXlsx();
  return rowsOf(await readCsv(bytes));
}
