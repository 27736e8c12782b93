import { defineConfig } from 'vitest/config';

export default defineConfig({
  // As in the Chrome build: the profile build's accounting (src/content/profile.ts) compiles to nothing.
  define: { __TECHWAR_PROFILE__: 'false' },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // Only a guard against hangs: the property tests run thousands of random cases and take several
    // seconds on a busy 2-core machine, past vitest's 5 s default. No test here measures time.
    testTimeout: 30_000,
  },
});
