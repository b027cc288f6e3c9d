/**
 * Type-checking stand-in: Taro picks cloud.weapp.ts or cloud.h5.ts by platform at build time.
 * Both export the same `transport`.
 */
export { transport } from './cloud.h5';
