export default definePageConfig({
  navigationBarTitleText: '代表联系卡',
});
