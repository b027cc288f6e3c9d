export default definePageConfig({
  navigationBarTitleText: '我的接待日',
  enablePullDownRefresh: true,
});
