/**
 * People in pinyin order and found by the start of their name, on both engines (the CloudBase double
 * requires the deployment's indexes): the register of a constituency and the deputies by constituency,
 * township or all — each list a key range of the same index, paged by the key.
 */
import { nameKey, nameSearch, type NameSearch } from '../../cloudfunctions/core/nameKey';
import type { ListOptions, Store } from '../../cloudfunctions/core/ports';
import { accountStorage } from '../../cloudfunctions/modules/account/storage';
import { sharedStorage } from '../../cloudfunctions/modules/shared/storage';
import { aDeputy, aRegisterEntry } from './fixtures';
import { type Engine, engines, readAll, seed } from './harness';

const NAMES = ['宋佳', '曾强', '李华', '萧红', '李华', '黎明', '吕文', '单雄', '张三', '李桦', '欧阳修'];
const search = (q: string): NameSearch => nameSearch(q)!;

describe('nameKey', () => {
  it('orders by pinyin, surnames read as surnames, equal pinyin by name', () => {
    const sorted = [...new Set(NAMES)].sort((a, b) => (nameKey(a) < nameKey(b) ? -1 : 1));
    expect(sorted).toEqual([
      '李华',
      '李桦',
      '黎明',
      '吕文',
      '欧阳修',
      '单雄',
      '宋佳',
      '萧红',
      '曾强',
      '张三',
    ]);
    expect(nameKey('曾强')).toBe('zengqiang 曾强');
    expect(nameKey('吕文')).toBe('lvwen 吕文');
  });

  it('a query is a range of keys; characters also bound the name', () => {
    expect(nameSearch(' Li Hua ')).toEqual({ keyFrom: 'lihua', keyTo: 'lihub' });
    expect(nameSearch('李')).toEqual({ keyFrom: 'li', keyTo: 'lj', nameFrom: '李', nameTo: '杏' });
    expect(nameSearch('123')).toBeNull();
  });
});

describe.each(engines)('names — %s', (_name, open) => {
  let engine: Engine;
  let store: Store;
  beforeEach(() => {
    engine = open();
    store = engine.store;
  });
  afterEach(() => engine.close());

  const expected = <T extends { id: string; name: string; nameKey: string }>(rows: T[], q?: string) => {
    const s = q === undefined ? null : search(q);
    return rows
      .filter(
        (r) =>
          !s ||
          (r.nameKey >= s.keyFrom &&
            r.nameKey < s.keyTo &&
            (!s.nameFrom || (r.name >= s.nameFrom && r.name < s.nameTo!))),
      )
      .sort((a, b) => (a.nameKey < b.nameKey ? -1 : a.nameKey > b.nameKey ? 1 : a.id < b.id ? -1 : 1))
      .map((r) => r.id);
  };

  it('registerEntries(): pinyin order, searched by characters or pinyin, paged by the key', async () => {
    const rows = NAMES.map((name, i) =>
      aRegisterEntry({ id: `e-${(i * 7) % 11}`, name, constituencyId: i === 8 ? 'other' : 'c-1' }),
    );
    await seed(store, 'registerEntries', rows);
    const mine = rows.filter((r) => r.constituencyId === 'c-1');
    const list = (q?: string) => (o: ListOptions) =>
      store
        .queries(accountStorage)
        .registerEntries({ constituencyId: 'c-1', search: q ? search(q) : undefined }, o);
    for (const size of [1, 2, 5]) {
      expect(await readAll(list(), (e) => e.nameKey, size)).toEqual(expected(mine));
    }
    const names = async (q: string) =>
      (await readAll(list(q), (e) => e.nameKey, 2)).map((id) => rows.find((r) => r.id === id)!.name);
    expect(await names('李')).toEqual(['李华', '李华', '李桦']);
    expect(await names('li')).toEqual(['李华', '李华', '李桦', '黎明']);
    expect(await names('lihua')).toEqual(['李华', '李华', '李桦']);
    expect(await names('李桦')).toEqual(['李桦']);
    expect(await names('zeng')).toEqual(['曾强']);
    expect(await names('shan')).toEqual(['单雄']);
    expect(await names('lv')).toEqual(['吕文']);
    expect(await names('张')).toEqual([]); // in another constituency
    expect(await names('xyz')).toEqual([]);
    for (const q of ['李', 'li', 'o']) {
      expect(await readAll(list(q), (e) => e.nameKey, 1)).toEqual(expected(mine, q));
    }
  });

  it('deputies(): searched within a constituency, a township or all, paged by the key', async () => {
    const rows = NAMES.map((name, i) =>
      aDeputy({
        id: `d-${(i * 5) % 11}`,
        name,
        constituencyId: i % 2 ? 'c-a' : 'c-b',
        townshipId: i < 6 ? 't-1' : 't-2',
      }),
    );
    await seed(store, 'deputies', rows);
    const q = store.queries(sharedStorage);
    for (const [filter, keep] of [
      [{}, () => true],
      [{ constituencyId: 'c-a' }, (d: (typeof rows)[number]) => d.constituencyId === 'c-a'],
      [{ townshipId: 't-1' }, (d: (typeof rows)[number]) => d.townshipId === 't-1'],
      [{ excludeConstituencyId: 'c-a' }, (d: (typeof rows)[number]) => d.constituencyId !== 'c-a'],
    ] as const) {
      for (const text of [undefined, '李', 'li', 'x', '欧阳']) {
        const got = await readAll(
          (o) => q.deputies({ ...filter, search: text ? search(text) : undefined }, o),
          (d) => d.nameKey,
          2,
        );
        expect(got).toEqual(expected(rows.filter(keep), text));
      }
    }
  });
});
