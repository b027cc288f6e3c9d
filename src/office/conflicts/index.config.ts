export default definePageConfig({
  navigationBarTitleText: '实名认证冲突',
  enablePullDownRefresh: true,
});
