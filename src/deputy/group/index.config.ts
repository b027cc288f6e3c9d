export default definePageConfig({
  navigationBarTitleText: '管理实名制群',
  enablePullDownRefresh: true,
});
