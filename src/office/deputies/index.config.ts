export default definePageConfig({
  navigationBarTitleText: '代表信息',
  enablePullDownRefresh: true,
});
