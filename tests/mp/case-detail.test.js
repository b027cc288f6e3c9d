/* global wx */
/**
 * The case page (cases/detail) of the REAL weapp build: the status in plain words, the answer, the
 * timeline in order with who and why, and the rating (不满意 reopens once), confirmed before it is sent.
 */
const path = require('path');
const { setupWx, loadPage, until, flush, findByClass, findAllByClass, textOf } = require('./helpers');
const { ok, unexpected } = require('./fixtures');
const { replied, reopened } = require('./cases-fixtures');

const root = path.resolve(__dirname, '../../dist/weapp');

const modal = (confirm) =>
  jest.fn((opts) => {
    const res = { confirm, cancel: !confirm, errMsg: 'showModal:ok' };
    opts.success?.(res);
    return Promise.resolve(res);
  });

describe('case page (weapp build)', () => {
  let calls;
  let page;
  const of = (action) => calls.filter((c) => c.name === 'cases' && c.data.action === action);

  beforeAll(async () => {
    calls = setupWx((name, body) => {
      if (name === 'cases' && body.action === 'get') return ok(replied);
      if (name === 'cases' && body.action === 'rate') return ok(reopened);
      return unexpected();
    });
    page = await loadPage(root, 'cases/detail/index', { caseId: 'k1' });
    await until(() => findAllByClass(page, 'timeline-text').length === 5, 'the five steps');
  });

  test('says where the matter is, the answer, and every step with who and why', () => {
    expect(of('get')[0].data.data).toEqual({ caseId: 'k1' });
    expect(textOf(findByClass(page, 'case-status-line'))).toBe('承办单位已答复，请评价');
    expect(textOf(findByClass(page, 'case-answer'))).toContain('县交通运输局的答复（列入年度计划）');
    const steps = findAllByClass(page, 'timeline-text').map((n) => textOf(n));
    expect(steps).toEqual([
      '您提交了这件社情民意',
      '李华代表受理了这件事',
      '李华代表把这件事转交人大办，由人大办交给有关单位办理',
      '青石镇人大交办给县交通运输局（主办）',
      '县交通运输局作出答复（列入年度计划），请您评价',
    ]);
    expect(findAllByClass(page, 'timeline-note').map((n) => textOf(n))).toEqual([
      '请交通部门处理',
      '明年春季维修',
    ]);
    expect(findAllByClass(page, 'timeline-when')[1].dom.textContent).toContain('李华代表');
  });

  test('the submitter’s photos: a waiting one marked 审核中, a passed one without a mark', () => {
    const cells = findAllByClass(page, 'post-image-cell');
    expect(cells).toHaveLength(2);
    expect(textOf(cells[0])).toBe('');
    expect(textOf(cells[1])).toBe('审核中');
  });

  test('rating: both choices needed; 不满意 says it reopens once; confirmed, then the new state shows', async () => {
    findByClass(page, 'case-action--rate').dispatchEvent('tap');
    await until(() => findAllByClass(page, 'case-rate-attitude').length === 3, 'the rating chips');
    findAllByClass(page, 'case-rate-attitude')[0].dispatchEvent('tap');
    findAllByClass(page, 'case-rate-result')[2].dispatchEvent('tap');
    await until(() => textOf(page.dom).includes('退回重新办理一次'), 'the reopen note');
    wx.showModal = modal(false);
    findByClass(page, 'case-confirm--rate').dispatchEvent('tap');
    await until(() => wx.showModal.mock.calls.length > 0, 'the confirmation');
    await flush();
    expect(of('rate')).toHaveLength(0);
    wx.showModal = modal(true);
    findByClass(page, 'case-confirm--rate').dispatchEvent('tap');
    await until(
      () => textOf(findByClass(page, 'case-status-line')) === '不满意，重新办理中',
      'the reopened state',
    );
    expect(of('rate')[0].data.data).toEqual({ caseId: 'k1', attitude: '满意', result: '不满意' });
    expect(of('rate')[0].data.requestId).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(findAllByClass(page, 'timeline-text')).toHaveLength(6);
  });
});
