export default definePageConfig({
  navigationBarTitleText: '实名制群管理',
  enablePullDownRefresh: true,
});
