/**
 * Writes a brotli (.br) and a gzip (.gz) copy beside each script, style sheet and other text asset of the
 * H5 build, so the host serves them without compressing anything per request (brotli at its best setting,
 * which is too slow to do on the fly). Production builds only; Node's zlib does both.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Compiler } from 'webpack';

const br = promisify(brotliCompress);
const gz = promisify(gzip);
const TEXT = /\.(js|css|svg|json|html|txt)$/;
/** Below this, compressing saves less than a packet. */
const MIN_BYTES = 1024;

export class PrecompressPlugin {
  apply(compiler: Compiler): void {
    if (compiler.options.mode !== 'production') return;
    // After the files are written: they are the final ones (minified and hashed), whatever stage each
    // plugin before this one took.
    compiler.hooks.afterEmit.tapPromise('Precompress', async (compilation) => {
      const names = compilation
        .getAssets()
        .map((a) => a.name)
        .filter((name) => TEXT.test(name) && !name.endsWith('.LICENSE.txt'));
      await Promise.all(
        names.map(async (name) => {
          const file = join(compiler.outputPath, name);
          const bytes = await readFile(file);
          if (bytes.length < MIN_BYTES) return;
          const [b, g] = await Promise.all([
            br(bytes, {
              params: {
                [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
                [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
              },
            }),
            gz(bytes, { level: 9 }),
          ]);
          await Promise.all([writeFile(`${file}.br`, b), writeFile(`${file}.gz`, g)]);
        }),
      );
    });
  }
}
