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
  },
})
