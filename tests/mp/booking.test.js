/* global wx */
/**
 * The voter's reception-day page of the REAL weapp build (dist/weapp), rendered by
 * miniprogram-simulate: slots with seats left, booking a seat, and a full slot.
 * Run `npm run build:weapp` first.
 */
const path = require('path');
const { setupWx, loadPage, until, findByClass, findAllByClass, textOf } = require('./helpers');
const { booked, ok, receptionDay, refused, townshipStations, unexpected, voterMe } = require('./fixtures');

const { dateLabel } = require('../../cloudfunctions/core/time');

const root = path.resolve(__dirname, '../../dist/weapp');

const me = voterMe('王小明', true);

describe('reception day page (weapp build)', () => {
  let calls;
  let page;
  const topic = '村口道路破损，雨天积水，想请代表帮忙反映。';
  const of = (action) => calls.filter((c) => c.name === 'reception' && c.data.action === action);
  const counterShows = (n) => () => textOf(findByClass(page, 'book-counter')).startsWith(`${n} / 200`);

  beforeAll(async () => {
    calls = setupWx((name, body) => {
      if (name === 'reception' && body.action === 'day') return ok(receptionDay);
      // The station's contact and opening notes are not on the day: the page asks for the stations.
      if (name === 'reception' && body.action === 'stations') return ok(townshipStations);
      if (name === 'account' && body.action === 'me') return ok(me);
      if (name === 'reception' && body.action === 'book') {
        return body.data.slotId === 's2' ? refused('FULL', '该时段和候补均已满') : ok(booked);
      }
      return unexpected();
    });
    wx.openLocation = jest.fn((opts = {}) => {
      const res = { errMsg: 'openLocation:ok' };
      opts.success?.(res);
      return Promise.resolve(res);
    });
    page = await loadPage(root, 'pages/reception/index', { dayId: 'day7' });
    await until(
      () =>
        findAllByClass(page, 'slot').length === 2 &&
        textOf(findByClass(page, 'reception-head')).includes('联系方式'),
      'the day with its slots and the station from reception.stations',
    );
  });

  test('asks for the day and renders it: station, deputies, slots with seats left', () => {
    expect(of('day')[0].data.data).toEqual({ dayId: 'day7' });
    expect(textOf(findByClass(page, 'reception-theme'))).toBe('听取群众对村道改造的意见');
    expect(textOf(findByClass(page, 'reception-when'))).toContain('12月5日 周六 09:00–10:00');
    expect(textOf(findByClass(page, 'reception-deputies'))).toContain('李华 代表');
    const times = findAllByClass(page, 'slot-time').map(textOf);
    expect(times).toEqual(['09:00–09:30', '09:30–10:00']);
    const left = findAllByClass(page, 'slot-remaining').map(textOf);
    expect(left).toEqual(['剩余 3 座', '已满 · 候补 100 人']);
    // Nothing is booked before the voter chooses.
    expect(findByClass(page, 'book-form')).toBeFalsy();
    expect(of('book')).toHaveLength(0);
  });

  test("the station's contact and opening notes come from reception.stations", () => {
    expect(of('stations')[0].data.data).toEqual({ townshipId: 'tw-qs' });
    const head = textOf(findByClass(page, 'reception-head'));
    expect(head).toContain('联系方式：0571-1234567');
    expect(head).toContain('从镇政府东门进');
  });

  test("地图 opens the day's station point in the WeChat map", async () => {
    findByClass(page, 'map-button').dispatchEvent('tap');
    await until(() => wx.openLocation.mock.calls.length > 0, 'wx.openLocation');
    expect(wx.openLocation).toHaveBeenCalledWith(
      expect.objectContaining({ latitude: 30.27, longitude: 120.15, name: '青石镇人大代表之家' }),
    );
  });

  test('an empty topic is refused on the phone', async () => {
    findAllByClass(page, 'slot')[0].dispatchEvent('tap');
    await until(() => findByClass(page, 'book-form'));
    expect(textOf(findByClass(page, 'book-submit'))).toBe('预约 09:00–09:30');
    findByClass(page, 'book-submit').dispatchEvent('tap');
    const error = await until(() => findByClass(page, 'book-error'));
    expect(of('book')).toHaveLength(0);
    expect(textOf(error)).toContain('请简单写下想向代表反映的事项');
  });

  test('choosing a slot, typing a topic and tapping 预约 books it and shows the code', async () => {
    findByClass(page, 'book-topic').dispatchEvent('input', { detail: { value: topic } });
    await until(counterShows(topic.length), `the counter at ${topic.length} / 200`);
    findByClass(page, 'book-submit').dispatchEvent('tap');
    const result = await until(() => findByClass(page, 'book-result'));

    expect(of('book')).toHaveLength(1);
    const sent = of('book')[0];
    expect(sent.name).toBe('reception');
    expect(sent.data.action).toBe('book');
    expect(sent.data.data).toEqual({ slotId: 's1', topic });
    expect(sent.data.requestId).toMatch(/^[A-Za-z0-9_-]{8,64}$/);

    expect(textOf(result)).toContain('预约成功');
    expect(textOf(findByClass(page, 'book-code'))).toBe('K7PX 3QMA');
    // The slot booked, repeated: the date, the hours and the station.
    expect(textOf(findByClass(page, 'book-when'))).toContain(`${dateLabel('2026-12-05')} 09:00–09:30`);
    expect(textOf(findByClass(page, 'book-where'))).toBe('青石镇人大代表之家');
    // The seats left are read again.
    await until(() => of('day').length >= 2, 'reception.day asked again');
  });

  test('a topic longer than the limit is kept, said to be over, and not sent', async () => {
    findByClass(page, 'book-back').dispatchEvent('tap');
    await until(() => !findByClass(page, 'book-result') && findAllByClass(page, 'slot').length === 2);
    findAllByClass(page, 'slot')[0].dispatchEvent('tap');
    await until(() => findByClass(page, 'book-form'));
    findByClass(page, 'book-topic').dispatchEvent('input', { detail: { value: '路'.repeat(250) } });
    await until(counterShows(250), 'the counter at 250 / 200');
    expect(textOf(findByClass(page, 'book-counter'))).toContain('超出 50 字');
    findByClass(page, 'book-submit').dispatchEvent('tap');
    await until(() => findByClass(page, 'book-error'));
    expect(of('book')).toHaveLength(1);
  });

  test('a full slot with a full waitlist shows the FULL message', async () => {
    findAllByClass(page, 'slot')[1].dispatchEvent('tap');
    const hint = await until(() => findByClass(page, 'book-full-hint'));
    expect(textOf(hint)).toContain('可以排队候补');
    expect(textOf(findByClass(page, 'book-submit'))).toBe('加入候补 09:30–10:00');
    findByClass(page, 'book-topic').dispatchEvent('input', { detail: { value: topic } });
    await until(counterShows(topic.length), `the counter at ${topic.length} / 200`);
    findByClass(page, 'book-submit').dispatchEvent('tap');
    const error = await until(() => findByClass(page, 'book-error'));

    expect(of('book')).toHaveLength(2);
    const second = of('book')[1].data;
    expect(second.data).toEqual({ slotId: 's2', topic });
    // Another slot is another create: it does not reuse the first booking's requestId.
    expect(second.requestId).not.toBe(of('book')[0].data.requestId);
    expect(textOf(error)).toBe('这个时段的座位和候补名额都已满，请选择其他时段。');
    expect(findByClass(page, 'book-result')).toBeFalsy();
  });
});
