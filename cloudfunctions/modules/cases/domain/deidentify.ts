/**
 * De-identification (去标识化) of a case before it is published: personal details out of the text —
 * the names the case knows of (submitter, people the office names), phone numbers, ID-like numbers,
 * exact addresses (house, building, unit and room numbers) and forms of address that name a person
 * (张先生, 李大爷). The map point and photos are never published. Pure; the office can correct the text
 * before publishing.
 */

const MASK = '某';

/** 18- or 15-digit ID numbers, and other long digit runs (bank cards, licence numbers). */
const ID_LIKE =
  /(?<![0-9])(?:[1-9]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx]|\d{15,19})(?![0-9])/g;
/** Mobile numbers (with spaces or dashes inside), and landlines with an area code. */
const MOBILE = /(?<![0-9])(?:\+?86[\s-]?)?1[3-9]\d(?:[\s-]?\d{4}){2}(?![0-9])/g;
const LANDLINE = /(?<![0-9])(?:0\d{2,3}[\s-]?)?\d{7,8}(?![0-9])/g;
/** House / building / unit / room numbers of an exact address: 12号, 3栋, 2单元, 401室, 5号楼, 7组. */
const ADDRESS_NUMBER =
  /[0-9０-９一二三四五六七八九十百零〇]+(?:-[0-9]+)?\s*(?:号楼|号院|号|栋|幢|座|单元|层|楼|室|户|弄|组)/g;
/** A surname and a form of address: 张先生, 王女士, 李大爷, 刘阿姨, 陈老师, 赵某某. */
const ADDRESSED =
  /([\u4e00-\u9fa5])(?:先生|女士|小姐|大爷|大妈|大娘|大叔|大哥|大姐|阿姨|奶奶|爷爷|师傅|老师|医生|书记|主任|村长|老板|某某|某)/g;
/** What follows 我叫 / 姓名 / 联系人: a name of 2–3 characters. */
const NAMED = /(我叫|我是|姓名[:：]?|联系人[:：]?|名叫)\s*([\u4e00-\u9fa5]{2,3})/g;

export interface DeidentifyOptions {
  /** Names the case knows: the submitter's registered name, names the office adds. */
  names?: readonly string[];
}

export function deidentify(text: string, opts: DeidentifyOptions = {}): string {
  let out = text;
  // Longest names first, so 欧阳小明 is gone before 小明 is looked for.
  const names = [...new Set((opts.names ?? []).map((n) => n.trim()).filter((n) => n.length >= 2))].sort(
    (a, b) => b.length - a.length,
  );
  for (const name of names) {
    out = out.split(name).join(`${Array.from(name)[0]}${MASK}${MASK}`);
    // The given name alone (小明) when the full name has three or more characters.
    const given = Array.from(name).slice(1).join('');
    if (given.length >= 2) out = out.split(given).join(`${MASK}${MASK}`);
  }
  out = out
    .replace(ID_LIKE, '[证件号已隐去]')
    .replace(MOBILE, '[电话已隐去]')
    .replace(LANDLINE, '[电话已隐去]')
    .replace(ADDRESS_NUMBER, (m) => `${MASK}${m.replace(/^[0-9０-９一二三四五六七八九十百零〇\-\s]+/, '')}`)
    .replace(NAMED, (_m, lead: string, name: string) => `${lead}${Array.from(name)[0]}${MASK}${MASK}`)
    .replace(ADDRESSED, (m, surname: string) => (m.endsWith('某') ? `${surname}某` : `${MASK}${m.slice(1)}`));
  return out;
}
