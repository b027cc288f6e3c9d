export interface RegisterRowInput {
  name: string;
  idNumber: string;
  phone?: string;
}

/** Splits one line of CSV (or tab-separated text pasted from a spreadsheet), honouring quotes. */
export function splitLine(line: string): string[] {
  const sep = line.includes('\t') ? '\t' : line.includes(',') ? ',' : '，';
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        cur += c;
      }
    } else if (c === '"' && cur === '') {
      quoted = true;
    } else if (c === sep) {
      out.push(cur.trim());
      cur = '';
    } else {
      cur += c;
    }
  }
  out.push(cur.trim());
  return out;
}

/**
 * Pasted register text → rows. A header row naming 姓名 / 身份证号 / 手机号 picks the columns;
 * without one the columns are 姓名, 身份证号, 手机号 in that order.
 */
export function parseRegisterText(text: string): RegisterRowInput[] {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (!lines.length) return [];
  let cols = { name: 0, idNumber: 1, phone: 2 };
  const head = splitLine(lines[0]);
  const isHeader = head.some((h) => /姓名|身份证/.test(h));
  if (isHeader) {
    const find = (re: RegExp) => head.findIndex((h) => re.test(h));
    cols = { name: find(/姓名/), idNumber: find(/身份证/), phone: find(/手机|电话/) };
  }
  const rows: RegisterRowInput[] = [];
  for (const line of isHeader ? lines.slice(1) : lines) {
    const cells = splitLine(line);
    const row: RegisterRowInput = {
      name: (cells[cols.name] ?? '').slice(0, 60),
      idNumber: (cells[cols.idNumber] ?? '').replace(/\s/g, '').slice(0, 40),
    };
    const phone = cols.phone >= 0 ? cells[cols.phone] : undefined;
    if (phone) row.phone = phone.slice(0, 40);
    rows.push(row);
  }
  return rows;
}
