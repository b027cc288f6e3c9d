/** Turns an uploaded voter-register file (CSV or XLSX) into rows, by its header names. */
import { AppError } from '../../../core/errors';

export interface RawRow {
  /** 1-based row number in the file, header included, so staff can find it. */
  row: number;
  name: string;
  idNumber: string;
  phone?: string;
}

const HEADERS = {
  name: ['姓名', 'name'],
  idNumber: ['身份证号', '身份证号码', '公民身份号码', 'idnumber'],
  phone: ['手机号', '手机号码', '联系电话', '电话', 'phone'],
};

/** RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF, optional UTF-8 BOM. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && s[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((c) => c.trim() !== ''));
}

export function rowsFromTable(table: unknown[][]): RawRow[] {
  if (table.length === 0) throw new AppError('INVALID_INPUT', '文件是空的', { file: '文件是空的' });
  const header = table[0].map((h) =>
    String(h ?? '')
      .trim()
      .toLowerCase(),
  );
  const col = (names: string[]) => header.findIndex((h) => names.includes(h));
  const ni = col(HEADERS.name);
  const ii = col(HEADERS.idNumber);
  const pi = col(HEADERS.phone);
  if (ni < 0 || ii < 0) {
    throw new AppError('INVALID_INPUT', '第一行应为表头，至少包含“姓名”和“身份证号”两列', {
      file: '缺少表头',
    });
  }
  const cell = (r: unknown[], i: number) =>
    i >= 0 && r[i] !== null && r[i] !== undefined ? String(r[i]).trim() : '';
  return table.slice(1).map((r, k) => ({
    row: k + 2,
    name: cell(r, ni),
    idNumber: cell(r, ii),
    ...(pi >= 0 && cell(r, pi) ? { phone: cell(r, pi) } : {}),
  }));
}

export async function parseRegisterFile(file: { name: string; contentBase64: string }): Promise<RawRow[]> {
  const bytes = Buffer.from(file.contentBase64, 'base64');
  if (/\.csv$/i.test(file.name)) return rowsFromTable(parseCsv(bytes.toString('utf8')));
  try {
    const { default: readXlsxFile } = await import('read-excel-file/node');
    return rowsFromTable(await readXlsxFile(bytes));
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('INVALID_INPUT', '无法读取该 Excel 文件，请另存为 .xlsx 或 .csv 后重试', {
      file: '文件无法读取',
    });
  }
}
