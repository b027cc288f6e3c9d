/**
 * The voter's thread before the deputy has answered (REAL weapp build): no 标记已解决 / 未解决，关闭 yet —
 * an older voter cannot close it by mistake; the page says when it will be offered.
 * Run `npm run build:weapp` first.
 */
const path = require('path');
const { setupWx, loadPage, until, findByClass, textOf } = require('./helpers');
const { ok, thread, threadSummary, unexpected } = require('./fixtures');

const root = path.resolve(__dirname, '../../dist/weapp');

const unanswered = {
  thread: threadSummary({
    status: 'new',
    firstReplySeconds: null,
    canChase: false,
    lastText: '村口路灯坏了',
  }),
  messages: thread.messages.slice(0, 1),
  nextCursor: null,
};

describe('an unanswered thread (weapp build)', () => {
  let page;

  beforeAll(async () => {
    setupWx((name, body) => {
      if (name === 'contact' && body.action === 'thread') return ok(unanswered);
      return unexpected();
    });
    page = await loadPage(root, 'pages/thread/index', { threadId: 't7' });
    await until(() => findByClass(page, 'followup-textarea'), 'the follow-up box');
  });

  test('offers no closing before a reply, and says it will', () => {
    expect(findByClass(page, 'close-resolved')).toBeFalsy();
    expect(findByClass(page, 'close-unresolved')).toBeFalsy();
    expect(textOf(findByClass(page, 'close-later'))).toContain('代表回复后');
  });
});
