import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: {
    // graphql 16 ships CommonJS and ESM side by side; Node (and so yoga and Pothos) loads the CommonJS build,
    // Vite would give our sources the ESM one. One copy keeps `instanceof GraphQLError` and schema checks true.
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Several files start real servers, worker processes and browsers, and measure them against timeouts; on a
    // 2-core machine they disturb each other (a cluster test lost a worker to a hostile-input flood). One file at a
    // time keeps every test honest at the cost of some wall time.
    fileParallelism: false,
  },
})
