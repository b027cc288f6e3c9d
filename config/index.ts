import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import { PrecompressPlugin } from './precompress';
import prodConfig from './prod';

/**
 * The app imports client-safe files of the backend (contracts' types, modules' constants, China time, the
 * office scope): webpack must compile them too. An eslint rule keeps src/ to those files.
 */
const backendDirs = ['core', 'modules'].map((d) => path.resolve(__dirname, '..', 'cloudfunctions', d));

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'deputylink',
    date: '2026-11-28',
    designWidth: 750,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    // One folder per platform, otherwise the H5 build wipes the weapp build.
    outputRoot: `dist/${process.env.TARO_ENV}`,
    plugins: [],
    defineConstants: {},
    env: {
      TARO_APP_CLOUD_ENV: JSON.stringify(process.env.TARO_APP_CLOUD_ENV || ''),
    },
    alias: {
      '@': path.resolve(__dirname, '..', 'src'),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      compile: { include: backendDirs },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[local]' } },
      },
      optimizeMainPackage: { enable: true },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'browser' },
      compile: { include: backendDirs },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[local]' } },
      },
      webpackChain(chain) {
        // Each page is an async chunk, and Taro splits only the initial ones: the components' code most pages
        // use (about 70 KB of each page's chunk) was copied into every page. It goes into one shared chunk,
        // loaded with the first page and cached for the rest.
        chain.optimization.merge({
          splitChunks: {
            cacheGroups: {
              pages: {
                name: 'pages',
                chunks: 'async',
                minChunks: 13,
                priority: 200,
                reuseExistingChunk: true,
              },
            },
          },
        });
        // .br and .gz beside each asset, for the host to serve as they are.
        chain.plugin('precompress').use(PrecompressPlugin);
      },
    },
  };

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig);
  }
  return merge({}, baseConfig, prodConfig);
});
