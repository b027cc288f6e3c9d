export default definePageConfig({
  navigationBarTitleText: '反映社情民意',
});
