import {
  checkDigit,
  idNumberProblem,
  maskIdNumber,
} from '../../cloudfunctions/modules/account/domain/idNumber';
import { maskName, maskPhone } from '../../cloudfunctions/core/privacy';
import { decodeCursor, encodeCursor } from '../../cloudfunctions/core/cursor';
import { parseCsv, rowsFromTable } from '../../cloudfunctions/modules/account/domain/registerFile';
import { hmacHasher, randomIds, CODE_ALPHABET } from '../../cloudfunctions/adapters/local';

describe('ID numbers (GB 11643)', () => {
  it('computes the published check digit', () => {
    // The standard's own example: 11010519491231002X.
    expect(checkDigit('11010519491231002')).toBe('X');
    expect(idNumberProblem('11010519491231002X')).toBeNull();
    expect(idNumberProblem('11010519491231002x')).toBeNull();
  });
  it('refuses a wrong check digit, a bad date and a wrong length', () => {
    expect(idNumberProblem('110105194912310021')).toBe('身份证号码有误，请核对最后一位');
    expect(idNumberProblem('110105194902300020')).toBe('身份证号码中的出生日期有误，请核对');
    expect(idNumberProblem('1101051949123100')).toBe('身份证号码应为 18 位（最后一位可能是 X）');
  });
  it('masks names, numbers and phones', () => {
    expect(maskName('张三丰')).toBe('张*丰');
    expect(maskName('李四')).toBe('李*');
    expect(maskName('欧阳小明')).toBe('欧**明');
    expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X');
    expect(maskPhone('13800138000')).toBe('138****8000');
  });
  it('hashes with the key: same number same hash, other key other hash, number not inside', () => {
    const a = hmacHasher('k1').idHash('11010519491231002X');
    expect(hmacHasher('k1').idHash('11010519491231002x')).toBe(a);
    expect(hmacHasher('k2').idHash('11010519491231002X')).not.toBe(a);
    expect(a).not.toContain('19491231');
  });
});

describe('cursors', () => {
  it('round-trip and refuse garbage with INVALID_INPUT', () => {
    const c = encodeCursor({ key: '2026-01-01', id: 'x1' });
    expect(decodeCursor(c)).toEqual({ key: '2026-01-01', id: 'x1' });
    expect(() => decodeCursor('not-a-cursor')).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});

describe('register files', () => {
  it('parses CSV with BOM, quotes and CRLF, mapping columns by header', () => {
    const table = parseCsv(
      '\uFEFF手机号,姓名,身份证号\r\n"138 0013 8000","张三",11010519491231002X\r\n,"李""四",x\r\n',
    );
    expect(table).toEqual([
      ['手机号', '姓名', '身份证号'],
      ['138 0013 8000', '张三', '11010519491231002X'],
      ['', '李"四', 'x'],
    ]);
    expect(rowsFromTable(table)).toEqual([
      { row: 2, name: '张三', idNumber: '11010519491231002X', phone: '138 0013 8000' },
      { row: 3, name: '李"四', idNumber: 'x' },
    ]);
  });
  it('refuses a file without the required headers', () => {
    expect(() => rowsFromTable([['a', 'b']])).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});

// The host's session tokens are tested with their session records in tests/integration/host-auth.test.ts.
describe('ids', () => {
  it('makes codes without look-alike characters', () => {
    const code = randomIds().code(200);
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]+$/);
    expect(CODE_ALPHABET).not.toMatch(/[OI01]/);
  });
});

describe('person names', () => {
  it('take any Han character, rare ones too, and refuse digits and symbols', async () => {
    const { PersonName } = await import('../../cloudfunctions/core/contracts/common');
    for (const ok of ['王小明', '李䶮', '陈𠀀', '阿依古丽·买买提', 'Tom Li'])
      expect(PersonName.safeParse(ok).success).toBe(true);
    for (const bad of ['王1', '张三!', '<b>李</b>']) expect(PersonName.safeParse(bad).success).toBe(false);
  });
});
