/**
 * People in pinyin order and found by name, through the handlers on both engines: the voter register of a
 * constituency (account.register) and the deputies (contact.deputies, with the own constituency first only
 * without a search); keys follow every write (import, save), and CloudBase documents from before the key
 * get theirs from the timer. Also the deputy's uploaded photo (contact.saveDeputy's photoFileId).
 */
import { runJobs } from '../../cloudfunctions/core/jobs';
import { nameKey } from '../../cloudfunctions/core/nameKey';
import { checkDigit } from '../../cloudfunctions/modules/account/domain/idNumber';
import { JOB_STEPS } from '../../cloudfunctions/modules/registry';
import { ENGINES, worlds, type EngineName, type World } from './harness';

jest.setTimeout(120_000);

const id = (n: number) => {
  const first17 = `53099919900101${String(n).padStart(3, '0')}`;
  return first17 + checkDigit(first17);
};
const GIVEN = '一二三四五六七八九十百千万亿兆京垓秭穰沟涧正载极';
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]);
/** What a search should find among `names` (those seeded too): a key starting with pinyin, a name with characters. */
const matching = (names: string[], q: string) =>
  names.filter((n) => (/[a-z]/i.test(q) ? nameKey(n).startsWith(q.toLowerCase()) : n.startsWith(q)));
const byKey = (names: string[]) => [...names].sort((a, b) => (nameKey(a) < nameKey(b) ? -1 : 1));

describe.each(ENGINES)('on %s', (engine: EngineName) => {
  const fresh = worlds({ engine });
  let w: World;
  beforeEach(async () => {
    w = await fresh();
  });

  async function registerNames(q?: string): Promise<string[]> {
    const names: string[] = [];
    let cursor: string | undefined;
    do {
      const p = await w.call('township', 'account', 'register', { constituencyId: 'tw-qs-c2', q, cursor });
      names.push(...p.items.map((e) => e.name));
      cursor = p.nextCursor ?? undefined;
    } while (cursor);
    return names;
  }

  it('the register lists in pinyin order and finds the start of a name in characters or pinyin, page by page', async () => {
    const li = [...GIVEN].map((g) => `李${g}`); // 25 of them: more than a page
    const others = ['宋佳', '曾强', '萧红', '黎明', '单雄', '吕文'];
    const rows = [...others, ...li].map((name, i) => ({ name, idNumber: id(i + 1) }));
    await w.call('township', 'account', 'importRegister', { constituencyId: 'tw-qs-c2', rows });
    const all = await registerNames();
    expect(all).toEqual(byKey(all));
    expect(all.indexOf('李一')).toBeLessThan(all.indexOf('宋佳'));
    expect(all.indexOf('宋佳')).toBeLessThan(all.indexOf('萧红'));
    expect(all.indexOf('萧红')).toBeLessThan(all.indexOf('曾强'));

    const first = await w.call('township', 'account', 'register', { constituencyId: 'tw-qs-c2', q: '李' });
    expect(first.items).toHaveLength(20);
    expect(first.nextCursor).not.toBeNull();
    expect(await registerNames('李')).toEqual(matching(all, '李'));
    expect(await registerNames('李')).toEqual(expect.arrayContaining(li));
    expect(await registerNames('li')).toEqual(matching(all, 'li'));
    expect(await registerNames('li')).toEqual(expect.arrayContaining([...li, '黎明']));
    expect(await registerNames(' Zeng ')).toEqual(matching(all, 'zeng'));
    expect(await registerNames(' Zeng ')).toContain('曾强');
    expect(await registerNames('shan')).toEqual(['单雄']);
    expect(await registerNames('lv')).toEqual(matching(all, 'lv'));
    expect(await registerNames('lv')).toContain('吕文');
    expect(await registerNames('李万')).toEqual(['李万']);
    expect(await registerNames('王五十')).toEqual([]);
    expect(await registerNames('123')).toEqual([]);

    // A changed name gets its new key.
    await w.call('township', 'account', 'importRegister', {
      constituencyId: 'tw-qs-c2',
      rows: [{ name: '萧李', idNumber: id(1) }],
    });
    const renamed = await registerNames();
    expect(renamed).toContain('萧李');
    expect(renamed).not.toContain('宋佳');
    expect(await registerNames('xiao')).toEqual(matching(renamed, 'xiao'));
    expect(await registerNames('xiaoli')).toEqual(['萧李']);
    expect(await registerNames('songjia')).toEqual([]);
  });

  it('a search is checked: trimmed, not empty, at most 20 characters', async () => {
    for (const q of ['   ', 'x'.repeat(21)]) {
      const r = await w.raw('township', 'account', 'register', { constituencyId: 'tw-qs-c2', q });
      expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      const d = await w.raw('voter', 'contact', 'deputies', { q });
      expect(d).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
  });

  it('deputies list in pinyin order; a search finds them anywhere, without putting the own constituency first', async () => {
    for (const name of ['曾华', '宋华', '萧华', '李明']) {
      await w.call('township', 'contact', 'saveDeputy', {
        name,
        level: 'township',
        constituencyId: 'tw-qs-c2',
      });
    }
    const all: string[] = [];
    let cursor: string | undefined;
    do {
      const p = await w.call('township', 'contact', 'deputies', { townshipId: 'tw-qs', cursor });
      all.push(...p.items.map((d) => d.name));
      cursor = p.nextCursor ?? undefined;
    } while (cursor);
    expect(all).toEqual(byKey(all));
    const found = await w.call('voter', 'contact', 'deputies', { q: '李' });
    expect(found.items.map((d) => d.name)).toEqual(byKey(found.items.map((d) => d.name)));
    expect(found.items.map((d) => d.name)).toContain('李明');
    expect(found.items.every((d) => d.name.startsWith('李'))).toBe(true);
    expect((await w.call('voter', 'contact', 'deputies', { q: 'zenghua' })).items.map((d) => d.name)).toEqual(
      ['曾华'],
    );
    const inTownship = await w.call('voter', 'contact', 'deputies', { townshipId: 'tw-qs', q: 'xiaohua' });
    expect(inTownship.items.map((d) => d.name)).toEqual(['萧华']);
    // Renamed: found by the new name only.
    const song = (await w.call('voter', 'contact', 'deputies', { q: '宋华' })).items[0];
    await w.call('township', 'contact', 'saveDeputy', {
      deputyId: song.deputyId,
      name: '韩华',
      level: 'township',
      constituencyId: 'tw-qs-c2',
    });
    expect((await w.call('voter', 'contact', 'deputies', { q: 'song' })).items).toEqual([]);
    expect((await w.call('voter', 'contact', 'deputies', { q: 'hanhua' })).items.map((d) => d.name)).toEqual([
      '韩华',
    ]);
  });

  it('a deputy’s photo is the office’s own upload, shown on the card; an older photo address stays until replaced', async () => {
    const staff = w.userId('township');
    const mine = await w.ports.files.put(`uploads/${staff}/photo-deputy-1.jpg`, JPEG, 'image/jpeg');
    const theirs = await w.ports.files.put(
      `uploads/${w.userId('voter')}/photo-voter-1.jpg`,
      JPEG,
      'image/jpeg',
    );
    const base = { name: '周新', level: 'township', constituencyId: 'tw-qs-c2' };
    const refused = await w.raw('township', 'contact', 'saveDeputy', { ...base, photoFileId: theirs });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { photoFileId: expect.any(String) } },
    });
    const bad = await w.raw('township', 'contact', 'saveDeputy', {
      ...base,
      photoFileId: 'https://x.example/a.jpg',
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });

    const d = await w.call('township', 'contact', 'saveDeputy', { ...base, photoFileId: mine });
    expect(d).toMatchObject({ photoFileId: mine, photoUrl: '' });
    expect(await w.call(null, 'contact', 'card', { code: d.code })).toMatchObject({ photoFileId: mine });
    // Saved again without a photo: kept.
    const again = await w.call('township', 'contact', 'saveDeputy', {
      ...base,
      deputyId: d.deputyId,
      workUnit: '农技站',
    });
    expect(again.photoFileId).toBe(mine);

    // A deputy stored with a typed-in address (before uploads) shows it, keeps it, and a new photo replaces it.
    const old = (await w.call(null, 'contact', 'card', { code: d.code })).deputyId;
    if (w.double) {
      const [doc] = w.double.dump('deputies').filter((x) => x._id === old);
      const { photoFileId: _gone, ...legacy } = doc;
      w.double.load({ deputies: [{ ...legacy, photoUrl: 'https://example.gov.cn/zhou.jpg' }] });
    } else {
      w.db
        .prepare(
          "UPDATE deputies SET photoFileId = NULL, photoUrl = 'https://example.gov.cn/zhou.jpg' WHERE id = ?",
        )
        .run(old);
    }
    expect(await w.call(null, 'contact', 'card', { code: d.code })).toMatchObject({
      photoFileId: null,
      photoUrl: 'https://example.gov.cn/zhou.jpg',
    });
    const kept = await w.call('township', 'contact', 'saveDeputy', { ...base, deputyId: old });
    expect(kept).toMatchObject({ photoFileId: null, photoUrl: 'https://example.gov.cn/zhou.jpg' });
    const replaced = await w.call('township', 'contact', 'saveDeputy', {
      ...base,
      deputyId: old,
      photoFileId: mine,
    });
    expect(replaced).toMatchObject({ photoFileId: mine, photoUrl: '' });
    const removed = await w.call('township', 'contact', 'saveDeputy', {
      ...base,
      deputyId: old,
      photoFileId: null,
    });
    expect(removed).toMatchObject({ photoFileId: null, photoUrl: '' });
  });

  if (engine === 'cloudbase') {
    it('documents from before the key get it from the timer, which then stops looking', async () => {
      const strip = (c: 'deputies' | 'registerEntries') =>
        w.double!.dump(c).map(({ nameKey: _k, ...d }) => d);
      w.double!.load({ deputies: strip('deputies'), registerEntries: strip('registerEntries') });
      expect(w.double!.dump('deputies').every((d) => d.nameKey === undefined)).toBe(true);

      const done = (await runJobs(w.ports, JOB_STEPS)) as Record<string, number>;
      expect(done.deputyNameKeys).toBeGreaterThan(0);
      expect(done.registerNameKeys).toBeGreaterThan(0);
      for (const c of ['deputies', 'registerEntries'] as const) {
        for (const d of w.double!.dump(c)) expect(d.nameKey).toBe(nameKey(d.name as string));
      }
      const names = (await w.call('voter', 'contact', 'deputies', { q: '李华' })).items.map((d) => d.name);
      expect(names).toEqual(['李华']);
      const claims = w.double!.dump('claims').map((c) => c._id);
      expect(claims).toEqual(expect.arrayContaining(['nameKeys:deputies', 'nameKeys:registerEntries']));
      const calls = w.double!.stats.calls;
      const after = (await runJobs(w.ports, JOB_STEPS)) as Record<string, number>;
      expect(after).toMatchObject({ deputyNameKeys: 0, registerNameKeys: 0 });
      expect(w.double!.stats.calls - calls).toBeLessThan(60);
    });
  }
});
