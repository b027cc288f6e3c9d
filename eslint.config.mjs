import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import globals from 'globals';

/** Every capability module (a folder of cloudfunctions/modules). */
const modules = readdirSync('cloudfunctions/modules', { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name);

/**
 * The boundaries that keep the layout true (eslint-plugin-import-x's no-restricted-paths resolves each
 * import to its file):
 * - the app (src/) imports only the client-safe part of the backend: contracts, constants, China time,
 *   the office scope and masking;
 * - the kernel (core/) and the adapters' kernels name no module;
 * - a module uses another only through that module's public.ts.
 */
const zones = [
  {
    target: './src/**',
    from: './cloudfunctions/**',
    // Glob exceptions are matched against absolute paths.
    except: [
      'cloudfunctions/core/contracts/*.ts',
      'cloudfunctions/core/{time,scope,privacy}.ts',
      'cloudfunctions/modules/{contracts,*/contract,*/constants}.ts',
    ].map((p) => resolve(p)),
    message: 'src/ may import only contracts and client-safe constants of the backend.',
  },
  {
    target: ['./cloudfunctions/core', './cloudfunctions/adapters'],
    from: ['./cloudfunctions/modules', './cloudfunctions/host', './cloudfunctions/entry'],
    message: 'The kernel and the adapters name no capability.',
  },
  ...modules.flatMap((m) =>
    modules
      .filter((other) => other !== m)
      .map((other) => ({
        target: `./cloudfunctions/modules/${m}`,
        from: `./cloudfunctions/modules/${other}`,
        except: ['./public.ts'],
        message: `A module uses ${other} only through modules/${other}/public.ts.`,
      })),
  ),
];

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'data', 'coverage', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser, ...globals.jest } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'cloudfunctions/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })],
    },
    rules: { 'import-x/no-restricted-paths': ['error', { zones }] },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    rules: { '@typescript-eslint/no-var-requires': 'off' },
  },
);
