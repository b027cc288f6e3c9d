/* global wx */
/**
 * The voter's reception-day page of the REAL weapp build (dist/weapp), rendered by
 * miniprogram-simulate: slots with seats left, booking a seat, and a full slot.
 * Run `npm run build:weapp` first.
 */
const path = require('path');
const { setupWx, loadPage, findByClass, findAllByClass, textOf, envelopeOk, simulate } = require('./helpers');
const { voterMe } = require('./fixtures');

const root = path.resolve(__dirname, '../../dist/weapp');

const slot = (slotId, start, end, over) => ({
  slotId,
  startsAt: `2026-12-05T${start}:00.000Z`,
  endsAt: `2026-12-05T${end}:00.000Z`,
  capacity: 4,
  booked: 1,
  remaining: 3,
  waitlisted: 0,
  ...over,
});

// 09:00–09:30 and 09:30–10:00 on the China clock (UTC+8).
const day = {
  dayId: 'day7',
  stationId: 'st1',
  stationName: '青石镇人大代表之家',
  stationAddress: '青石镇人民路 8 号',
  stationLatitude: 30.27,
  stationLongitude: 120.15,
  townshipId: 'tw-qs',
  townshipName: '青石镇',
  date: '2026-12-05',
  startsAt: '2026-12-05T01:00:00.000Z',
  endsAt: '2026-12-05T02:00:00.000Z',
  theme: '听取群众对村道改造的意见',
  status: 'published',
  bookingCutoff: '2026-12-04T13:00:00.000Z',
  bookingOpen: true,
  deputies: [{ deputyId: 'dep-01', name: '李华', status: 'confirmed', reason: null, attended: false }],
  slots: [
    slot('s1', '01:00', '01:30'),
    slot('s2', '01:30', '02:00', { booked: 4, remaining: 0, waitlisted: 100 }),
  ],
};

const me = voterMe('王小明', true);

describe('reception day page (weapp build)', () => {
  let calls;
  let page;
  const topic = '村口道路破损，雨天积水，想请代表帮忙反映。';
  const of = (action) => calls.filter((c) => c.name === 'reception' && c.data.action === action);

  beforeAll(async () => {
    calls = setupWx((name, body) => {
      if (name === 'reception' && body.action === 'day') return envelopeOk(day);
      // The station's contact and opening notes are not on the day: the page asks for the stations.
      if (name === 'reception' && body.action === 'stations') {
        return envelopeOk({
          items: [
            {
              stationId: 'st1',
              name: '青石镇人大代表之家',
              townshipId: 'tw-qs',
              townshipName: '青石镇',
              address: '青石镇人民路 8 号',
              contact: '0571-1234567',
              latitude: 30.27,
              longitude: 120.15,
              openingNotes: '从镇政府东门进',
            },
          ],
        });
      }
      if (name === 'account' && body.action === 'me') return envelopeOk(me);
      if (name === 'reception' && body.action === 'book') {
        if (body.data.slotId === 's2') {
          return { ok: false, error: { code: 'FULL', message: '该时段和候补均已满' } };
        }
        return envelopeOk({
          bookingId: 'b1',
          code: 'K7PX3QMA',
          status: 'confirmed',
          dayId: 'day7',
          slotId: 's1',
          waitlistPosition: null,
        });
      }
      return { ok: false, error: { code: 'INTERNAL', message: 'unexpected' } };
    });
    wx.openLocation = jest.fn((opts = {}) => {
      const res = { errMsg: 'openLocation:ok' };
      opts.success?.(res);
      return Promise.resolve(res);
    });
    page = await loadPage(root, 'pages/reception/index', { dayId: 'day7' });
    await simulate.sleep(100);
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
    await simulate.sleep(50);
    expect(wx.openLocation).toHaveBeenCalledWith(
      expect.objectContaining({ latitude: 30.27, longitude: 120.15, name: '青石镇人大代表之家' }),
    );
  });

  test('an empty topic is refused on the phone', async () => {
    findAllByClass(page, 'slot')[0].dispatchEvent('tap');
    await simulate.sleep(50);
    expect(findByClass(page, 'book-form')).toBeTruthy();
    expect(textOf(findByClass(page, 'book-submit'))).toBe('预约 09:00–09:30');
    findByClass(page, 'book-submit').dispatchEvent('tap');
    await simulate.sleep(50);
    expect(of('book')).toHaveLength(0);
    expect(textOf(findByClass(page, 'book-error'))).toContain('请简单写下想向代表反映的事项');
  });

  test('choosing a slot, typing a topic and tapping 预约 books it and shows the code', async () => {
    findByClass(page, 'book-topic').dispatchEvent('input', { detail: { value: topic } });
    await simulate.sleep(50);
    expect(textOf(findByClass(page, 'book-counter'))).toBe(`${topic.length} / 200`);
    findByClass(page, 'book-submit').dispatchEvent('tap');
    await simulate.sleep(150);

    expect(of('book')).toHaveLength(1);
    const sent = of('book')[0];
    expect(sent.name).toBe('reception');
    expect(sent.data.action).toBe('book');
    expect(sent.data.data).toEqual({ slotId: 's1', topic });
    expect(sent.data.requestId).toMatch(/^[A-Za-z0-9_-]{8,64}$/);

    const result = findByClass(page, 'book-result');
    expect(result).toBeTruthy();
    expect(textOf(result)).toContain('预约成功');
    expect(textOf(findByClass(page, 'book-code'))).toBe('K7PX 3QMA');
    // The seats left are read again.
    expect(of('day').length).toBeGreaterThanOrEqual(2);
  });

  test('a full slot with a full waitlist shows the FULL message', async () => {
    findByClass(page, 'book-back').dispatchEvent('tap');
    await simulate.sleep(50);
    findAllByClass(page, 'slot')[1].dispatchEvent('tap');
    await simulate.sleep(50);
    expect(textOf(findByClass(page, 'book-full-hint'))).toContain('可以排队候补');
    expect(textOf(findByClass(page, 'book-submit'))).toBe('加入候补 09:30–10:00');
    findByClass(page, 'book-topic').dispatchEvent('input', { detail: { value: topic } });
    await simulate.sleep(50);
    findByClass(page, 'book-submit').dispatchEvent('tap');
    await simulate.sleep(150);

    expect(of('book')).toHaveLength(2);
    const second = of('book')[1].data;
    expect(second.data).toEqual({ slotId: 's2', topic });
    // Another slot is another create: it does not reuse the first booking's requestId.
    expect(second.requestId).not.toBe(of('book')[0].data.requestId);
    expect(textOf(findByClass(page, 'book-error'))).toBe('这个时段的座位和候补名额都已满，请选择其他时段。');
    expect(findByClass(page, 'book-result')).toBeFalsy();
  });
});
