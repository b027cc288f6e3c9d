/** ABCD EFGH: two groups of four, easy to read aloud at the desk. */
export function spacedCode(code: string): string {
  return code.length === 8 ? `${code.slice(0, 4)} ${code.slice(4)}` : code;
}

/** A typed or scanned booking code, cleaned up (spaces and dashes out, upper case); the contract judges it. */
export function normaliseCode(raw: string): string {
  return raw.replace(/[\s-]/g, '').toUpperCase();
}

/** 80% (or — when nothing could be counted yet). */
export function percent(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 100)}%`;
}
