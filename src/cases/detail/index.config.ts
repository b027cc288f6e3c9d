export default definePageConfig({
  navigationBarTitleText: '办理进程',
  enablePullDownRefresh: true,
});
