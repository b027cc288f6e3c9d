export default definePageConfig({
  navigationBarTitleText: '实名制群',
  enablePullDownRefresh: true,
});
