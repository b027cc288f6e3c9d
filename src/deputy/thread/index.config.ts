export default definePageConfig({
  navigationBarTitleText: '回复留言',
  enablePullDownRefresh: true,
});
