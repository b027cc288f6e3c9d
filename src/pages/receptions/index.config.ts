export default definePageConfig({
  navigationBarTitleText: '代表接待日',
  enablePullDownRefresh: true,
});
