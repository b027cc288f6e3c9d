import type { RegisterRowInput } from '../../utils/csv';
import { splitLine } from '../../utils/csv';

/** A pasted register row with the line it came from, counted as the pasted text shows it (header and blanks too). */
export type PastedRow = RegisterRowInput & { line: number };

/**
 * Pasted register text → rows, each with its line in the text, so the import report numbers rows the way
 * a file import does (the line in the file). A header row naming 姓名 / 身份证号 / 手机号 picks the columns;
 * without one the columns are 姓名, 身份证号, 手机号 in that order. Blank lines are skipped but counted.
 */
export function parsePastedRegister(text: string): PastedRow[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const filled = lines.map((l, i) => ({ text: l.trim(), line: i + 1 })).filter((l) => l.text !== '');
  if (!filled.length) return [];
  let cols = { name: 0, idNumber: 1, phone: 2 };
  const head = splitLine(filled[0].text);
  const isHeader = head.some((h) => /姓名|身份证/.test(h));
  if (isHeader) {
    const find = (re: RegExp) => head.findIndex((h) => re.test(h));
    cols = { name: find(/姓名/), idNumber: find(/身份证/), phone: find(/手机|电话/) };
  }
  return (isHeader ? filled.slice(1) : filled).map(({ text: l, line }) => {
    const cells = splitLine(l);
    const row: PastedRow = {
      name: (cells[cols.name] ?? '').slice(0, 60),
      idNumber: (cells[cols.idNumber] ?? '').replace(/\s/g, '').slice(0, 40),
      line,
    };
    const phone = cols.phone >= 0 ? cells[cols.phone] : undefined;
    if (phone) row.phone = phone.slice(0, 40);
    return row;
  });
}
