import { checkDigit } from '../../cloudfunctions/modules/account/domain/idNumber';
import { VERIFY_CONSENT_VERSION } from '../../cloudfunctions/modules/account/constants';
import { DEMO_UNCLAIMED, DEMO_VOTER } from '../../cloudfunctions/modules/account/public';
import { worlds, type World } from './harness';
import { xlsx } from './xlsx';

const id = (first17: string) => first17 + checkDigit(first17);
const consent = { consent: true, consentVersion: VERIFY_CONSENT_VERSION };
let w: World;
const fresh = worlds();
beforeEach(async () => {
  w = await fresh();
});

describe('real-name verification', () => {
  it('binds an account to its register entry and records the consent', async () => {
    const v = await w.call('newcomer', 'account', 'verify', {
      name: DEMO_UNCLAIMED.name,
      idNumber: DEMO_UNCLAIMED.idNumber,
      ...consent,
    });
    expect(v).toMatchObject({ state: 'verified', nameMasked: '陈*梅', constituencyName: '青石镇第一选区' });
    const me = await w.call('newcomer', 'account', 'me', {});
    expect(me.roles).toContainEqual({ role: 'voter', scopeKind: 'constituency', scopeId: 'tw-qs-c1' });
    const consents = w.db.prepare('SELECT * FROM consents WHERE userId = ?').all(w.userId('newcomer')) as {
      textVersion: string;
      purpose: string;
    }[];
    expect(consents).toEqual([
      expect.objectContaining({ textVersion: VERIFY_CONSENT_VERSION, purpose: 'realNameVerification' }),
    ]);
    // A message from this account is now marked verified to the deputy.
    await w.call('newcomer', 'contact', 'send', { deputyId: 'dep-01', text: '你好' });
    expect((await w.call('deputy', 'contact', 'inbox', {})).items[0]).toMatchObject({
      voterVerified: true,
      voterName: '陈*梅',
    });
  });

  it('never stores or logs the ID number in clear', async () => {
    await w
      .call('newcomer', 'account', 'verify', {
        name: '陈晓梅',
        idNumber: id('53099919991231003'),
        ...consent,
      })
      .catch(() => undefined);
    await w.call('newcomer', 'account', 'verify', {
      name: DEMO_UNCLAIMED.name,
      idNumber: DEMO_UNCLAIMED.idNumber,
      ...consent,
    });
    expect(w.fingerprint()).not.toContain(DEMO_UNCLAIMED.idNumber);
    expect(w.fingerprint()).not.toContain(DEMO_UNCLAIMED.idNumber.slice(6, 14));
    expect(w.fingerprint()).not.toContain('53099919991231003');
  });

  it('without consent, nothing happens', async () => {
    const before = w.fingerprint();
    const r = await w.raw('newcomer', 'account', 'verify', {
      name: DEMO_UNCLAIMED.name,
      idNumber: DEMO_UNCLAIMED.idNumber,
      consent: false,
      consentVersion: VERIFY_CONSENT_VERSION,
    });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { consent: expect.any(String) } },
    });
    expect(w.fingerprint()).toBe(before);
  });

  it('a bad check digit is INVALID_INPUT and does not count as an attempt', async () => {
    const bad = DEMO_UNCLAIMED.idNumber.slice(0, 17) + (DEMO_UNCLAIMED.idNumber[17] === '1' ? '2' : '1');
    const before = w.fingerprint();
    const r = await w.raw('newcomer', 'account', 'verify', {
      name: DEMO_UNCLAIMED.name,
      idNumber: bad,
      ...consent,
    });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { idNumber: '身份证号码有误，请核对最后一位' } },
    });
    expect(w.fingerprint()).toBe(before);
  });

  it('locks after 5 failed attempts, with a growing wait', async () => {
    const wrong = { name: '陈晓梅', idNumber: id('53099919991231003'), ...consent };
    for (let i = 0; i < 4; i++) expect((await w.raw('newcomer', 'account', 'verify', wrong)).ok).toBe(false);
    const fifth = await w.raw('newcomer', 'account', 'verify', wrong);
    expect(fifth).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', fields: { lockedUntil: expect.any(String) } },
    });
    const locked = await w.raw('newcomer', 'account', 'verify', {
      name: DEMO_UNCLAIMED.name,
      idNumber: DEMO_UNCLAIMED.idNumber,
      ...consent,
    });
    expect(locked).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    expect((await w.call('newcomer', 'account', 'me', {})).verification.state).toBe('locked');
    w.clock.advance(15 * 60_000 + 1);
    const sixth = await w.raw('newcomer', 'account', 'verify', wrong);
    const firstWait = Date.parse(
      (fifth as unknown as { error: { fields: { lockedUntil: string } } }).error.fields.lockedUntil,
    );
    const secondWait = Date.parse(
      (sixth as unknown as { error: { fields: { lockedUntil: string } } }).error.fields.lockedUntil,
    );
    expect(secondWait - w.clock.now().getTime()).toBe(30 * 60_000);
    expect(secondWait).toBeGreaterThan(firstWait);
  });

  it('a second account claiming a bound entry is refused and becomes a conflict the office resolves', async () => {
    const claim = { name: DEMO_VOTER.name, idNumber: DEMO_VOTER.idNumber, ...consent };
    const r = await w.raw('newcomer', 'account', 'verify', claim);
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    // The claimant's page says it waits for the township, not 未实名认证 with the form again.
    expect((await w.call('newcomer', 'account', 'me', {})).verification.state).toBe('pending');
    expect(await w.raw('newcomer', 'account', 'verify', claim)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('等待乡镇人大核实') },
    }); // a retry makes no second conflict
    const all = await w.call('township', 'account', 'conflicts', { status: 'open' });
    expect(all.open).toBe(all.items.length);
    // The demo county has one conflict of its own waiting (刘桂英's entry); this one is the newcomer's.
    const list = { items: all.items.filter((c) => c.claimant.userId === w.userId('newcomer')) };
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ entryName: '王小明', status: 'open' });
    // Another township's office does not see it.
    expect((await w.call({ openid: 'other-office' }, 'account', 'me', {})).roles).toEqual([]);

    const resolved = await w.call('township', 'account', 'resolveConflict', {
      conflictId: list.items[0].conflictId,
      resolution: 'transferToClaimant',
    });
    expect(resolved).toMatchObject({ status: 'resolved', resolution: 'transferToClaimant' });
    const newcomer = await w.call('newcomer', 'account', 'me', {});
    expect(newcomer.verification.state).toBe('verified');
    expect(newcomer.displayName).toBe('王小明'); // no longer 新用户
    expect((await w.call('voter', 'account', 'me', {})).verification.state).toBe('unverified');
    expect(
      await w.raw('township', 'account', 'resolveConflict', {
        conflictId: list.items[0].conflictId,
        resolution: 'keepHolder',
      }),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('when the office keeps the holder, the claimant may try again with their own details', async () => {
    const claim = { name: DEMO_VOTER.name, idNumber: DEMO_VOTER.idNumber, ...consent };
    await w.raw('newcomer', 'account', 'verify', claim);
    const [c] = (await w.call('township', 'account', 'conflicts', { status: 'open' })).items.filter(
      (x) => x.claimant.userId === w.userId('newcomer'),
    );
    await w.call('township', 'account', 'resolveConflict', {
      conflictId: c.conflictId,
      resolution: 'keepHolder',
    });
    expect((await w.call('newcomer', 'account', 'me', {})).verification.state).toBe('unverified');
    const own = { name: DEMO_UNCLAIMED.name, idNumber: DEMO_UNCLAIMED.idNumber, ...consent };
    expect((await w.call('newcomer', 'account', 'verify', own)).state).toBe('verified');
  });

  it('an account already verified cannot verify again', async () => {
    const r = await w.raw('voter', 'account', 'verify', {
      name: DEMO_UNCLAIMED.name,
      idNumber: DEMO_UNCLAIMED.idNumber,
      ...consent,
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});

describe('voter register import', () => {
  const rows = [
    { name: '赵一', idNumber: id('53099919800101101') },
    { name: '钱二', idNumber: id('53099919800101102'), phone: '13800138000' },
    { name: '孙三', idNumber: '530999198001011031' }, // wrong check digit (unless it happens to be right)
    { name: '赵一', idNumber: id('53099919800101101') },
    { name: '', idNumber: id('53099919800101104') },
  ];

  it('reports per row and re-importing the same rows changes nothing', async () => {
    const bad =
      rows[2].idNumber === id('53099919800101103')
        ? id('53099919800101103').slice(0, 17) + '0'
        : rows[2].idNumber;
    const input = {
      constituencyId: 'tw-qs-c2',
      rows: [rows[0], rows[1], { ...rows[2], idNumber: bad }, rows[3], rows[4]],
    };
    const report = await w.call('township', 'account', 'importRegister', input);
    expect(report).toMatchObject({ added: 2, updated: 0, unchanged: 0, rejected: 3 });
    expect(report.rows.map((r) => [r.row, r.status])).toEqual([
      [1, 'added'],
      [2, 'added'],
      [3, 'rejected'],
      [4, 'rejected'],
      [5, 'rejected'],
    ]);
    expect(report.rows[2].reason).toBe('身份证号码有误，请核对最后一位');
    expect(report.rows[3].reason).toBe('与文件中前面的行重复');
    expect(JSON.stringify(report)).not.toContain(rows[0].idNumber);

    const before = w.fingerprint();
    const again = await w.call('township', 'account', 'importRegister', input);
    expect(again).toMatchObject({ added: 0, updated: 0, unchanged: 2, rejected: 3 });
    expect(w.fingerprint()).toBe(before);

    const changed = await w.call('township', 'account', 'importRegister', {
      constituencyId: 'tw-qs-c2',
      rows: [{ ...rows[1], phone: '13900139000' }],
    });
    expect(changed).toMatchObject({ updated: 1 });
    const entries = [];
    let cursor: string | undefined;
    do {
      const p = await w.call('township', 'account', 'register', { constituencyId: 'tw-qs-c2', cursor });
      entries.push(...p.items);
      cursor = p.nextCursor ?? undefined;
    } while (cursor);
    expect(entries).toHaveLength(52);
    expect(entries.find((e) => e.name === '钱二')).toMatchObject({
      phoneMasked: '139****9000',
      bound: false,
    });
  });

  it('imports a CSV file by its headers, and refuses an entry registered in another constituency', async () => {
    const csv = `姓名,身份证号,手机号\n赵一,${id('53099919800101101')},\n王小明,${DEMO_VOTER.idNumber},\n`;
    const report = await w.call('township', 'account', 'importRegister', {
      constituencyId: 'tw-qs-c2',
      file: { name: '名册.csv', contentBase64: Buffer.from(csv).toString('base64') },
    });
    expect(report.rows).toEqual([
      expect.objectContaining({ row: 2, status: 'added' }),
      expect.objectContaining({
        row: 3,
        status: 'rejected',
        reason: expect.stringContaining('青石镇第一选区'),
      }),
    ]);
  });

  it('imports an .xlsx file the same way', async () => {
    const file = xlsx([
      ['序号', '姓名', '身份证号', '联系电话'],
      ['1', '赵一', id('53099919800101101'), '13800138000'],
      ['2', '钱二', '12345', ''],
    ]);
    const report = await w.call('township', 'account', 'importRegister', {
      constituencyId: 'tw-qs-c2',
      file: { name: '名册.xlsx', contentBase64: file.toString('base64') },
    });
    expect(report).toMatchObject({ added: 1, rejected: 1 });
    expect(report.rows).toEqual([
      expect.objectContaining({ row: 2, status: 'added', nameMasked: '赵*' }),
      expect.objectContaining({
        row: 3,
        status: 'rejected',
        reason: '身份证号码应为 18 位（最后一位可能是 X）',
      }),
    ]);
  });

  it('an unreadable spreadsheet is INVALID_INPUT and writes nothing', async () => {
    const before = w.fingerprint();
    const r = await w.raw('township', 'account', 'importRegister', {
      constituencyId: 'tw-qs-c2',
      file: { name: 'x.xlsx', contentBase64: Buffer.from('not a zip').toString('base64') },
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(w.fingerprint()).toBe(before);
  });
});
