import { defineConfig } from 'vitest/config';

// The pre-commit end-to-end test: installs the hook from git with the real pre-commit (minutes).
export default defineConfig({
  test: {
    include: ['test/pre-commit/**/*.test.ts'],
    testTimeout: 900_000,
  },
});
