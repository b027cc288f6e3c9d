export default definePageConfig({
  navigationBarTitleText: '公开的社情民意',
  enablePullDownRefresh: true,
});
