import { defineConfig } from 'vitest/config';
import duckcall from './transformer/front/vite.js';

// Three projects: the runtime on its own, exactly as users without the transformer get it (guards by
// hand, `is<T>()` throwing SetupError), everything under test/transformer/ compiled through the
// duckcall Vite plugin, as a user's Vitest project would be, and test/direct-calls/ with the
// plugin's opt-in directCalls.
export default defineConfig({
  test: {
    testTimeout: 20_000,
    projects: [
      {
        test: { name: 'runtime', include: ['test/*.test.ts'], testTimeout: 120_000 },
      },
      {
        plugins: [duckcall({ tsconfig: 'test/tsconfig.json' })],
        test: { name: 'transformer', include: ['test/transformer/**/*.test.ts'], testTimeout: 120_000 },
      },
      {
        plugins: [duckcall({ tsconfig: 'test/tsconfig.json', directCalls: true })],
        test: { name: 'direct-calls', include: ['test/direct-calls/**/*.test.ts'] },
      },
    ],
  },
});
