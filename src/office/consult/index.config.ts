export default definePageConfig({
  navigationBarTitleText: '征询结果与反馈',
  enablePullDownRefresh: true,
});
