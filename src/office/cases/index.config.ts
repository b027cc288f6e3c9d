export default definePageConfig({
  navigationBarTitleText: '社情民意办理',
  enablePullDownRefresh: true,
});
