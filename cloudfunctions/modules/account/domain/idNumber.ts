/** Mainland resident ID numbers (GB 11643-1999): 17 digits and a check character. */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export function checkDigit(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK[sum % 11];
}

/** Why an ID number is invalid, or null when it is well formed. Never echoes the number. */
export function idNumberProblem(raw: string): string | null {
  const id = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return '身份证号码应为 18 位（最后一位可能是 X）';
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const birth = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || birth.getUTCMonth() !== m - 1 || birth.getUTCDate() !== d)
    return '身份证号码中的出生日期有误，请核对';
  if (checkDigit(id.slice(0, 17)) !== id[17]) return '身份证号码有误，请核对最后一位';
  return null;
}

export const normalizeIdNumber = (raw: string) => raw.trim().toUpperCase();

/** 110105********123X: region prefix and the last four stay, so staff can tell entries apart. */
export const maskIdNumber = (id: string) => `${id.slice(0, 4)}${'*'.repeat(10)}${id.slice(14)}`;
