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
    // The files run one after another in one worker that keeps its modules: each file importing the whole app
    // afresh cost about a third of the run's time (tests/api: import 111 s isolated, 11 s shared; CPU over the
    // whole suite 10 min 10 s isolated, 7 min 53 s shared). Tests keep their state in temporary stores and
    // folders of their own, never in module state.
    isolate: false,
  },
})
