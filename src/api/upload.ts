/**
 * Type-checking stand-in: Taro picks upload.weapp.ts or upload.h5.ts by platform at build time (as cloud.ts).
 * Both export the same `uploadImage` and `imageSrc`.
 */
export { imageSrc, uploadImage, UPLOAD_MAX_BYTES } from './upload.h5';
