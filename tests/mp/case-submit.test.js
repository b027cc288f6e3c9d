/* global wx */
/**
 * 反映社情民意 (cases/submit) of the REAL weapp build, rendered by miniprogram-simulate: the voter's own
 * constituency first, the text checked on the phone, two consents given separately, a confirmation,
 * the draft and its requestId kept until the report is in, then the case page.
 */
const path = require('path');
const { setupWx, loadPage, until, flush, findByClass, findAllByClass, textOf } = require('./helpers');
const { ok, unexpected } = require('./fixtures');
const { regions, settings, submitted, voter } = require('./cases-fixtures');

const root = path.resolve(__dirname, '../../dist/weapp');

const modal = (confirm) =>
  jest.fn((opts) => {
    const res = { confirm, cancel: !confirm, errMsg: 'showModal:ok' };
    opts.success?.(res);
    return Promise.resolve(res);
  });

describe('report form (weapp build)', () => {
  let calls;
  let page;
  let offline = false;
  const submits = () => calls.filter((c) => c.name === 'cases' && c.data.action === 'submit');
  const text = '村口的桥栏杆断了，孩子上学很危险。';

  beforeAll(async () => {
    calls = setupWx((name, body) => {
      if (offline) throw new Error('cloud.callFunction:fail network');
      if (name === 'account' && body.action === 'regions') return ok(regions);
      if (name === 'account' && body.action === 'me') return ok(voter);
      if (name === 'cases' && body.action === 'settings') return ok(settings);
      if (name === 'cases' && body.action === 'submit') return ok(submitted);
      return unexpected();
    });
    page = await loadPage(root, 'cases/submit/index', {});
    await until(
      () => textOf(findByClass(page, 'case-place')).includes('青石镇第一选区'),
      "the voter's constituency",
    );
  });

  test('opens on the voter’s own constituency; an empty report is refused on the phone', async () => {
    findByClass(page, 'case-submit-button').dispatchEvent('tap');
    const err = await until(() => findByClass(page, 'case-submit-error'), 'the form error');
    expect(textOf(err)).toContain('需要改正');
    expect(textOf(page.dom)).toContain('请选择类别');
    expect(submits()).toHaveLength(0);
  });

  test('the consents are separate and start unticked; cancelling the confirmation sends nothing', async () => {
    const picker = findByClass(page, 'case-category');
    picker.dispatchEvent('change', { detail: { value: 1 } });
    findByClass(page, 'case-text').dispatchEvent('input', { detail: { value: text } });
    findByClass(page, 'case-consent-publish').dispatchEvent('tap');
    await until(() => textOf(findByClass(page, 'case-category')).includes('交通出行'), 'the category');
    wx.showModal = modal(false);
    findByClass(page, 'case-submit-button').dispatchEvent('tap');
    await until(() => wx.showModal.mock.calls.length > 0, 'the confirmation');
    await flush();
    expect(submits()).toHaveLength(0);
  });

  test('a photo is picked from the phone and uploaded to the voter’s own uploads/ at once', async () => {
    wx.chooseImage = jest.fn((opts) => {
      const res = {
        tempFilePaths: ['wxfile://tmp/bridge.jpg'],
        tempFiles: [{ path: 'wxfile://tmp/bridge.jpg', size: 120_000 }],
        errMsg: 'chooseImage:ok',
      };
      opts.success?.(res);
      opts.complete?.(res);
      return Promise.resolve(res);
    });
    wx.cloud.uploadFile = jest.fn((opts) => {
      const res = { fileID: `cloud://env-1/${opts.cloudPath}`, errMsg: 'cloud.uploadFile:ok' };
      opts.success?.(res);
      opts.complete?.(res);
      return Promise.resolve(res);
    });
    expect(textOf(page.dom)).not.toContain('即将开放');
    findByClass(page, 'case-add-photo').dispatchEvent('tap');
    await until(() => findAllByClass(page, 'post-image-cell').length === 1, 'the uploaded photo');
    expect(wx.cloud.uploadFile).toHaveBeenCalledWith(
      expect.objectContaining({ cloudPath: expect.stringMatching(/^uploads\/u1\/\w+\.jpg$/) }),
    );
    expect(textOf(findByClass(page, 'case-add-photo'))).toContain('1/9');
  });

  test('a lost answer keeps the draft with its requestId; the retry sends the same requestId', async () => {
    wx.showModal = modal(true);
    offline = true;
    findByClass(page, 'case-submit-button').dispatchEvent('tap');
    await until(() => submits().length === 1, 'the first submit');
    await until(() => textOf(findByClass(page, 'case-submit-error')).includes('网络'), 'the network error');
    offline = false;
    const saved = JSON.parse(wx.setStorageSync.mock.calls.filter((c) => /draft\.case/.test(c[0])).pop()[1]);
    expect(saved.text).toBe(text);
    expect(saved.requestId).toBe(submits()[0].data.requestId);

    findByClass(page, 'case-submit-button').dispatchEvent('tap');
    await until(() => wx.redirectTo.mock.calls.length > 0, 'the case page');
    const [first, second] = submits();
    expect(second.data.requestId).toBe(first.data.requestId);
    expect(second.data.data).toMatchObject({
      kind: 'report',
      category: '交通出行',
      constituencyId: 'tw-qs-c1',
      text,
      consentForward: false,
      consentPublish: true,
      images: [expect.stringMatching(/^cloud:\/\/env-1\/uploads\/u1\/\w+\.jpg$/)],
    });
    expect(wx.redirectTo.mock.calls[0][0].url).toBe('/cases/detail/index?caseId=k1');
    expect(wx.removeStorageSync).toHaveBeenCalledWith(expect.stringMatching(/draft\.case/));
  });
});
