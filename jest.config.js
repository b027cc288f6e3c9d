/** jest: node projects for domain, handlers and storage; jsdom for the mini-program pages. */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      target: 'es2022',
      transform: { react: { runtime: 'automatic' } },
    },
    module: { type: 'commonjs' },
  },
];

module.exports = {
  // A hang guard, not a budget: the burst cases run hundreds of requests, and CI is a busy 2-core machine.
  testTimeout: 180000,
  projects: [
    {
      displayName: 'node',
      testEnvironment: 'node',
      roots: ['<rootDir>/tests'],
      testMatch: ['<rootDir>/tests/{unit,integration,contract}/**/*.test.ts'],
      transform: { '^.+\\.(t|j)sx?$': swc },
    },
    {
      displayName: 'mp',
      testEnvironment: 'jsdom',
      roots: ['<rootDir>/tests'],
      testMatch: ['<rootDir>/tests/mp/**/*.test.{js,ts}'],
      transform: { '^.+\\.ts$': swc },
    },
  ],
};
