export default definePageConfig({
  navigationBarTitleText: '编辑征询稿',
  enablePullDownRefresh: true,
});
