/* global Component */
/**
 * Loads one page of the real weapp build into miniprogram-simulate (see TOOLCHAIN-NOTES), with a
 * `wx.cloud` that answers from a handler. One page per test file: app.js stays in the module cache.
 * Tests wait for what they need with `until` (polling), never for a fixed time: a busy machine only
 * makes them slower.
 */
const fs = require('fs');
const path = require('path');
const simulate = require('miniprogram-simulate');

const POLL_MS = 10;
const UNTIL_TIMEOUT_MS = 10000;

/**
 * Polls `condition` every 10 ms until it returns something truthy, and returns that. Fails after 10 s
 * (generous: it only ever waits that long when the condition never comes) naming what it waited for.
 */
async function until(condition, what = String(condition), timeout = UNTIL_TIMEOUT_MS) {
  const start = Date.now();
  for (;;) {
    let value;
    let error;
    try {
      value = condition();
    } catch (e) {
      error = e;
    }
    if (value) return value;
    if (Date.now() - start > timeout) {
      const last = error ? ` (last try threw: ${error.message})` : '';
      throw new Error(`Timed out after ${timeout / 1000} s waiting for ${what}${last}`);
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

/**
 * Lets the promise callbacks already queued run (one turn of the event loop): for asserting that
 * something did NOT happen after an event. Not a wait for rendering — use `until` for that.
 */
const flush = () => new Promise((r) => setTimeout(r, 0));

/**
 * Installs wx.cloud and jest mocks for the navigation / feedback APIs. `handler(name, body)`
 * returns the envelope for one call. Returns the array of recorded calls ({ name, data }).
 */
function setupWx(handler) {
  const calls = [];
  const storage = {};
  global.wx.cloud = {
    init: jest.fn(),
    callFunction: jest.fn((opts) => {
      const body = JSON.parse(JSON.stringify(opts.data));
      calls.push({ name: opts.name, data: body });
      let result;
      try {
        result = handler(opts.name, body);
      } catch (e) {
        // A handler that throws plays a lost connection.
        const fail = { errMsg: `cloud.callFunction:fail ${e.message}` };
        opts.fail?.(fail);
        opts.complete?.(fail);
        return Promise.reject(fail);
      }
      const res = { result, errMsg: 'cloud.callFunction:ok' };
      opts.success?.(res);
      opts.complete?.(res);
      return Promise.resolve(res);
    }),
  };
  const ok = (name) =>
    jest.fn((opts = {}) => {
      const res = { errMsg: `${name}:ok` };
      opts.success?.(res);
      opts.complete?.(res);
      return Promise.resolve(res);
    });
  for (const name of [
    'navigateTo',
    'redirectTo',
    'switchTab',
    'reLaunch',
    'showToast',
    'setNavigationBarTitle',
  ]) {
    global.wx[name] = ok(name);
  }
  global.wx.getStorageSync = jest.fn((k) => (k in storage ? storage[k] : ''));
  global.wx.setStorageSync = jest.fn((k, v) => {
    storage[k] = v;
  });
  global.wx.removeStorageSync = jest.fn((k) => {
    delete storage[k];
  });
  return calls;
}

async function loadPage(root, pagePath, query) {
  if (!fs.existsSync(path.join(root, 'app.js'))) {
    throw new Error(`No weapp build at ${root}: run npm run build:weapp first`);
  }
  let appInst;
  let pageOpts;
  global.App = (cfg) => {
    appInst = cfg;
  };
  global.getApp = () => appInst;
  global.getCurrentPages = () => [];
  global.Page = (opts) => {
    pageOpts = opts;
    Component({ ...opts, methods: { ...opts } });
  };
  require(path.join(root, 'app.js'));
  appInst.onLaunch?.call(appInst, { path: pagePath, query: {} });
  const page = simulate.render(simulate.load(path.join(root, pagePath), 'page', { rootPath: root }));
  page.attach(document.createElement('parent-wrapper'));
  pageOpts.onLoad.call(page.instance, query);
  // onShow before React has mounted the page reaches no useDidShow hook: wait for the first render.
  await until(() => page.instance.data.root?.cn?.length > 0, `${pagePath} to mount`);
  pageOpts.onShow?.call(page.instance);
  page.pageOpts = pageOpts;
  return page;
}

/** Every element carrying a class, in document order (as simulate wrappers). */
function findAllByClass(page, cls) {
  return Array.from(page.querySelectorAll(`.${cls}`));
}

/** The simulate component wrapping the first element with that class (dispatchEvent works on it). */
function findByClass(page, cls) {
  return page.querySelector(`.${cls}`);
}

/**
 * The node of the page's render data (what Taro sends with setData) whose classes include `cls`: its
 * props as the template reads them (e.g. an image's src and mode), which the rendered DOM of a built-in
 * component does not show.
 */
function dataOf(page, cls) {
  const walk = (n) => {
    if (!n || typeof n !== 'object') return null;
    if (typeof n.cl === 'string' && n.cl.split(' ').includes(cls)) return n;
    for (const c of n.cn ?? []) {
      const found = walk(c);
      if (found) return found;
    }
    return null;
  };
  return walk(page.instance.data.root);
}

function textOf(node) {
  const dom = node && node.dom ? node.dom : node;
  return dom ? dom.textContent.replace(/\s+/g, ' ').trim() : '';
}

module.exports = { setupWx, loadPage, until, flush, findByClass, findAllByClass, textOf, dataOf };
