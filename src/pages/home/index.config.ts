export default definePageConfig({
  navigationBarTitleText: '代表联络',
  enablePullDownRefresh: true,
});
