import type { Codes } from '../../core/ports';
import type { EnvVersion, WxCloud } from './cloud';

/** getUnlimited's scene: at most 32 visible characters from this set (no `%`, so no URL-encoded Chinese). */
export const SCENE_PATTERN = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/;

export interface CardCodesConfig {
  /** Which build the code opens: 'release' (default), 'trial' or 'develop'. */
  envVersion?: EnvVersion;
  /** Pixels, 280–1280; WeChat's default is 430. */
  width?: number;
  /**
   * QR images of short texts (booking codes), given only to the functions whose module renders them, so the
   * others bundle no QR library (see Module.rendersQr).
   */
  qr?: Codes['qr'];
}

/**
 * Mini-program codes through `wxacode.getUnlimited` — never `createQRCode`, which has a lifetime cap.
 * `checkPath: false` lets a code be made before the page is published (trial builds); the page then reads
 * `decodeURIComponent(options.scene)`.
 */
export function createCodes(cloud: WxCloud, config: CardCodesConfig = {}): Codes {
  return {
    qr:
      config.qr ??
      (() => Promise.reject(new Error('this function renders no QR images: set rendersQr on its module'))),
    async image({ scene, page }) {
      if (!SCENE_PATTERN.test(scene))
        throw new Error(`getUnlimited scene must match ${SCENE_PATTERN}: "${scene}"`);
      const path = page.replace(/^\/+/, ''); // the API wants pages/x/index, no leading slash
      if (path.includes('?'))
        throw new Error('getUnlimited page cannot carry parameters: put them in the scene');
      const res = await cloud.openapi.wxacode.getUnlimited({
        scene,
        page: path,
        checkPath: false,
        envVersion: config.envVersion ?? 'release',
        ...(config.width ? { width: config.width } : {}),
      });
      if (!Buffer.isBuffer(res?.buffer) || res.buffer.length === 0) {
        throw new Error(`getUnlimited answered without an image (${res?.contentType ?? 'no content type'})`);
      }
      return res.buffer;
    },
  };
}
