/* global wx */
/**
 * The consultation answer page of the REAL weapp build (dist/weapp, consult subpackage), rendered by
 * miniprogram-simulate: articles under their chapters, a comment on one article, a required question,
 * sending once with a requestId after a confirmation, a refusal shown where the user looks, and — once
 * the office published its feedback — the outcome beside the voter's own comment.
 */
const path = require('path');
const { setupWx, loadPage, until, findByClass, findAllByClass, textOf } = require('./helpers');
const {
  consultAnswered,
  consultOpen,
  consultOutcome,
  ok,
  refused,
  responded,
  unexpected,
} = require('./fixtures');

const root = path.resolve(__dirname, '../../dist/weapp');

describe('consultation answer page (weapp build)', () => {
  let calls;
  let page;
  let state = consultOpen;
  let refuse = true;
  const of = (action) => calls.filter((c) => c.name === 'consult' && c.data.action === action);

  beforeAll(async () => {
    calls = setupWx((name, body) => {
      if (name === 'consult' && body.action === 'get') return ok(state);
      if (name === 'consult' && body.action === 'respond') {
        if (refuse) {
          refuse = false;
          return refused('CONTENT_REJECTED', '意见中有内容未通过安全检查', {
            'comments.0.text': '内容未通过安全检查，请修改',
          });
        }
        state = consultAnswered;
        return ok(responded);
      }
      return unexpected();
    });
    wx.showModal = jest.fn((opts = {}) => {
      const res = { confirm: true, cancel: false, errMsg: 'showModal:ok' };
      opts.success?.(res);
      return Promise.resolve(res);
    });
    page = await loadPage(root, 'consult/answer/index', { consultationId: 'c1' });
    await until(() => findAllByClass(page, 'consult-article').length === 2, 'the two articles');
  });

  test('shows the draft article by article under its chapter, with the question', () => {
    expect(of('get')[0].data.data).toEqual({ consultationId: 'c1' });
    expect(textOf(findByClass(page, 'consult-title'))).toBe('青石镇集镇停车管理办法（征求意见稿）');
    expect(textOf(findByClass(page, 'consult-meta'))).toContain('已有 12 人参与');
    expect(findAllByClass(page, 'consult-chapter').map(textOf)).toEqual(['第一章 总则']);
    const articles = findAllByClass(page, 'consult-article').map(textOf);
    expect(articles[0]).toContain('第一条');
    expect(articles[1]).toContain('第二条【适用范围】');
    expect(findAllByClass(page, 'consult-option').map(textOf)).toEqual(['支持', '不支持']);
  });

  test('a missing required answer is said on the phone; nothing is sent', async () => {
    findByClass(page, 'consult-submit').dispatchEvent('tap');
    const error = await until(() => findByClass(page, 'consult-error'));
    expect(textOf(error)).toBe('这一题必须回答');
    expect(of('respond')).toHaveLength(0);
  });

  test('comments on 第二条, answers, confirms; a refusal is shown under the comment, the retry sends the same request', async () => {
    findAllByClass(page, 'article-comment-open')[1].dispatchEvent('tap');
    const box = await until(() => findByClass(page, 'article-comment'));
    box.dispatchEvent('input', { detail: { value: '建议写明主街的起止位置' } });
    findAllByClass(page, 'consult-option')[0].dispatchEvent('tap');
    await until(() => findByClass(page, 'chip--on'), 'the chosen option');
    findByClass(page, 'consult-submit').dispatchEvent('tap');
    await until(() => textOf(findByClass(page, 'consult-error')).includes('内容安全'), 'the refusal');
    expect(textOf(findByClass(page, 'field-error'))).toBe('内容未通过安全检查，请修改');
    expect(wx.showModal).toHaveBeenCalledTimes(1);

    findByClass(page, 'consult-submit').dispatchEvent('tap');
    await until(() => findByClass(page, 'consult-done'), 'the thanks');
    const [first, second] = of('respond').map((c) => c.data);
    expect(second.data).toEqual({
      consultationId: 'c1',
      answers: [{ questionId: 'q1', choice: 0 }],
      comments: [{ articleId: 'a2', text: '建议写明主街的起止位置' }],
      anonymous: false,
    });
    expect(second.requestId).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    // The same draft is the same create: a retry never answers twice.
    expect(second.requestId).toBe(first.requestId);
    await until(() => textOf(findByClass(page, 'consult-submit')) === '提交修改', 'the edit button');
  });

  test('after the feedback is published, the voter sees what became of the article beside their own comment', async () => {
    state = consultOutcome;
    page.pageOpts.onShow.call(page.instance);
    const mine = await until(() => findByClass(page, 'my-comment-outcome'), 'the outcome beside the comment');
    expect(textOf(findByClass(page, 'my-comment-text'))).toBe('建议写明主街的起止位置');
    expect(textOf(mine)).toBe('这一条部分采纳：起止位置在附图中标明');
    expect(findByClass(page, 'consult-submit')).toBeFalsy();
  });
});
