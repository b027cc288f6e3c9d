export default definePageConfig({
  navigationBarTitleText: '承办单位工作台',
  enablePullDownRefresh: true,
});
