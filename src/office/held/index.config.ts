export default definePageConfig({
  navigationBarTitleText: '待审核留言',
  enablePullDownRefresh: true,
});
