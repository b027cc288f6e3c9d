/* global wx */
/**
 * 我的联系卡 of the REAL weapp build: the code image fills a square box that never outgrows the card,
 * and 保存图片 saves that very image (downloaded from cloud storage) to the album.
 * Run `npm run build:weapp` first.
 */
const fs = require('fs');
const path = require('path');
const { setupWx, loadPage, until, findByClass, textOf, dataOf } = require('./helpers');
const { myCard, ok, unexpected } = require('./fixtures');

const root = path.resolve(__dirname, '../../dist/weapp');

describe('my contact card (weapp build)', () => {
  let page;

  beforeAll(async () => {
    setupWx((name, body) => {
      if (name === 'contact' && body.action === 'myCard') return ok(myCard);
      return unexpected();
    });
    wx.cloud.downloadFile = jest.fn((opts = {}) => {
      const res = { tempFilePath: 'wxfile://tmp/card.png', statusCode: 200, errMsg: 'downloadFile:ok' };
      opts.success?.(res);
      return Promise.resolve(res);
    });
    wx.saveImageToPhotosAlbum = jest.fn((opts = {}) => {
      const res = { errMsg: 'saveImageToPhotosAlbum:ok' };
      opts.success?.(res);
      return Promise.resolve(res);
    });
    page = await loadPage(root, 'deputy/card/index', {});
    await until(() => findByClass(page, 'card-code'), 'the card');
  });

  test('shows the code image, whole (aspectFit), with the card code', () => {
    // The image's props as the template gets them (its src and its mode among them).
    const props = Object.values(dataOf(page, 'card-code'));
    expect(props).toContain(myCard.imageUrl);
    expect(props).toContain('aspectFit');
    expect(textOf(page.dom)).toContain('联系卡编码：AbC123');
  });

  test('its box is square and never wider than the card', () => {
    const wxss = fs.readFileSync(path.join(root, 'deputy/card/index.wxss'), 'utf8');
    const rule = /\.card-code\{([^}]*)\}/.exec(wxss.replace(/\s+/g, ''));
    expect(rule).toBeTruthy();
    const decl = Object.fromEntries(
      rule[1]
        .split(';')
        .filter(Boolean)
        .map((d) => d.split(':')),
    );
    expect(decl.width).toBe(decl.height);
    expect(decl['max-width']).toBe('100%');
  });

  test('保存图片 saves the card image to the album', async () => {
    findByClass(page, 'card-save').dispatchEvent('tap');
    await until(() => wx.saveImageToPhotosAlbum.mock.calls.length > 0, 'wx.saveImageToPhotosAlbum');
    expect(wx.cloud.downloadFile.mock.calls[0][0]).toEqual(
      expect.objectContaining({ fileID: myCard.imageUrl }),
    );
    expect(wx.saveImageToPhotosAlbum.mock.calls[0][0]).toEqual(
      expect.objectContaining({ filePath: 'wxfile://tmp/card.png' }),
    );
  });
});
