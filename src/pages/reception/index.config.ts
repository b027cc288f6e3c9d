export default definePageConfig({
  navigationBarTitleText: '接待日预约',
  enablePullDownRefresh: true,
});
