export default definePageConfig({
  navigationBarTitleText: '加入实名制群',
});
