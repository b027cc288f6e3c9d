export default definePageConfig({
  navigationBarTitleText: '给代表留言',
});
