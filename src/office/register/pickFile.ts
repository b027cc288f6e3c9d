/** Type-checking stand-in: Taro picks pickFile.weapp.ts or pickFile.h5.ts by platform. */
export { pickRegisterFile } from './pickFile.h5';
