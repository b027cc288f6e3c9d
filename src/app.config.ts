const pages = [
  'pages/home/index',
  'pages/threads/index',
  'pages/me/index',
  'pages/card/index',
  'pages/write/index',
  'pages/thread/index',
  'pages/notifications/index',
  'pages/receptions/index',
  'pages/reception/index',
  'pages/bookings/index',
];
// The demo sign-in exists only on the local host (H5); on WeChat the identity is the OPENID. An address
// that names no page lands on pages/notfound (H5: WeChat has its own page for that).
if (process.env.TARO_ENV === 'h5') pages.push('pages/login/index', 'pages/notfound/index');

export default defineAppConfig({
  pages,
  subPackages: [
    {
      root: 'deputy',
      pages: [
        'inbox/index',
        'thread/index',
        'card/index',
        'record/index',
        'receptions/index',
        'reception/index',
        'cases/index',
        'groups/index',
        'group/index',
      ],
    },
    {
      root: 'office',
      pages: [
        'index/index',
        'register/index',
        'conflicts/index',
        'deputies/index',
        'held/index',
        'stations/index',
        'days/index',
        'day/index',
        'stats/index',
        'consults/index',
        'consult/index',
        'consult-edit/index',
        'cases/index',
        'casestats/index',
        'calendar/index',
        'units/index',
        'groups/index',
      ],
    },
    { root: 'consult', pages: ['list/index', 'answer/index'] },
    { root: 'cases', pages: ['submit/index', 'detail/index', 'mine/index', 'published/index'] },
    { root: 'unit', pages: ['index/index'] },
    { root: 'groups', pages: ['mine/index', 'join/index', 'feed/index', 'post/index'] },
  ],
  window: {
    backgroundTextStyle: 'dark',
    navigationBarBackgroundColor: '#b3261e',
    navigationBarTitleText: '代表联络',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f2f2f2',
  },
  tabBar: {
    color: '#404040',
    selectedColor: '#b3261e',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/home/index', text: '首页' },
      { pagePath: 'pages/threads/index', text: '我的留言' },
      { pagePath: 'pages/me/index', text: '我的' },
    ],
  },
  lazyCodeLoading: 'requiredComponents',
});
