import { isDeepStrictEqual } from 'node:util';
import { buildFieldRules } from '../../scripts/gen-field-rules';
import { fieldRules } from '../../src/api/fieldRules';
import { charCount, checkInput } from '../../src/api/checks';
import { chinaDate } from '../../cloudfunctions/core/time';
import { contracts } from '../../cloudfunctions/modules/contracts';

describe('src/api/fieldRules.ts (generated from the contracts)', () => {
  it('is what scripts/gen-field-rules.ts makes of the contracts today', () => {
    const fresh = buildFieldRules();
    const committed = fieldRules as unknown as typeof fresh;
    const stale = [...new Set([...Object.keys(fresh), ...Object.keys(committed)])].flatMap((fn) =>
      [...new Set([...Object.keys(fresh[fn] ?? {}), ...Object.keys(committed[fn] ?? {})])]
        .filter((a) => !isDeepStrictEqual(fresh[fn]?.[a], committed[fn]?.[a]))
        .map((a) => `${fn}.${a}`),
    );
    if (stale.length) {
      throw new Error(
        `src/api/fieldRules.ts is stale (${stale.join(', ')}): run \`npm run gen:rules\` and commit it.`,
      );
    }
  });

  it('holds every action of every contract', () => {
    for (const [fn, actions] of Object.entries(contracts)) {
      expect(Object.keys(fieldRules[fn as keyof typeof fieldRules]).sort()).toEqual(
        Object.keys(actions).sort(),
      );
    }
  });
});

describe('checkInput', () => {
  const day = {
    stationId: 'st1',
    date: chinaDate(),
    startTime: '09:00',
    endTime: '11:30',
    theme: '听取群众意见',
    capacityPerSlot: 5,
  };

  it('allows a new reception day today, as the server does', () => {
    expect(checkInput('reception', 'createDay', day)).toEqual({});
  });

  it('names a required field that is missing, with the form’s words', () => {
    const { stationId: _stationId, ...rest } = day;
    expect(checkInput('reception', 'createDay', rest, { stationId: { missing: '请选择联络站' } })).toEqual({
      stationId: '请选择联络站',
    });
    expect(checkInput('reception', 'createDay', { ...day, theme: '   ' })).toEqual({ theme: '请填写主题' });
    expect(
      checkInput(
        'reception',
        'createDay',
        { ...day, capacityPerSlot: undefined },
        { capacityPerSlot: '人数' },
      ),
    ).toEqual({ capacityPerSlot: '请填写人数' });
  });

  it('counts characters as the server does and refuses an over-long text', () => {
    const topic = '问'.repeat(200);
    expect(checkInput('reception', 'book', { slotId: 's1', topic })).toEqual({});
    expect(checkInput('reception', 'book', { slotId: 's1', topic: `${topic}啊` }, { topic: '事项' })).toEqual(
      {
        topic: '不超过 200 字',
      },
    );
    // zod's max counts UTF-16 units: 100 emoji fill a 200-character topic, one more is refused there too.
    expect(charCount('😀'.repeat(100))).toBe(200);
    expect(checkInput('reception', 'book', { slotId: 's1', topic: '😀'.repeat(101) })).toMatchObject({
      topic: expect.any(String),
    });
    expect(
      checkInput('reception', 'createDay', { ...day, theme: '题'.repeat(61) }, { theme: '主题' }),
    ).toEqual({
      theme: '主题不能超过 60 字',
    });
  });

  it('refuses a pattern miss after the cleanup the server does (trim, upper case)', () => {
    expect(checkInput('reception', 'checkIn', { dayId: 'd1', code: ' k7px3qma ' })).toEqual({});
    expect(checkInput('reception', 'checkIn', { dayId: 'd1', code: 'K7PX3QM0' })).toEqual({
      code: '预约码不含字母 O、I 和数字 0、1，请核对',
    });
    expect(checkInput('reception', 'checkIn', { dayId: 'd1', code: 'K7PX3QM' })).toEqual({
      code: '预约码是 8 位字母或数字，请核对',
    });
    expect(
      checkInput(
        'contact',
        'saveDeputy',
        { name: '李华', level: 'county', constituencyId: 'c1', photoFileId: 'x y' },
        { photoFileId: '照片' },
      ),
    ).toEqual({
      photoFileId: '图片无效',
    });
    expect(checkInput('reception', 'createDay', { ...day, startTime: '9:00' })).toEqual({
      startTime: '时间格式应为 HH:mm',
    });
  });

  it('keeps regex flags: the register file may be .CSV', () => {
    const file = { name: '名册.CSV', contentBase64: 'YQ==' };
    expect(checkInput('account', 'importRegister', { constituencyId: 'c1', file })).toEqual({});
    expect(
      checkInput('account', 'importRegister', { constituencyId: 'c1', file: { ...file, name: 'a.xls' } }),
    ).toEqual({ 'file.name': '只支持 .csv 或 .xlsx 文件' });
  });

  it('allows a station without coordinates, and checks the ranges of given ones', () => {
    const station = { townshipId: 'tw1', name: '青石镇人大代表之家', address: '青石镇人民路 8 号' };
    expect(checkInput('reception', 'createStation', station)).toEqual({});
    expect(checkInput('reception', 'createStation', { ...station, latitude: null, longitude: null })).toEqual(
      {},
    );
    expect(
      checkInput(
        'reception',
        'createStation',
        { ...station, latitude: 91, longitude: Number.NaN },
        {
          latitude: '纬度',
          longitude: '经度',
        },
      ),
    ).toEqual({ latitude: '纬度应在 -90 到 90 之间', longitude: '经度应为数字' });
  });

  it('checks numbers against integer ranges', () => {
    expect(
      checkInput('reception', 'createDay', { ...day, capacityPerSlot: 0 }, { capacityPerSlot: '人数' }),
    ).toEqual({ capacityPerSlot: '人数应为 1–200 的整数' });
    expect(checkInput('reception', 'createDay', { ...day, capacityPerSlot: 2.5 })).toEqual({
      capacityPerSlot: '应为 1–200 的整数',
    });
  });
});
