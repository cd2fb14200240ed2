/**
 * The README's set-up snippets are the ones the tests build with: each bundler config in
 * test/fixtures/readme-snippets/ (used by test/bundlers.test.ts) appears in the README word for
 * word, and so does the TypeScript 7 build script test/typescript7.test.ts runs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from './support/project.js';

const readme = readFileSync(join(root, 'README.md'), 'utf8');
const snippets = join(root, 'test', 'fixtures', 'readme-snippets');

describe('README set-up snippets', () => {
  it.each(readdirSync(snippets))('shows %s as the bundler test builds with it', (name) => {
    const text = readFileSync(join(snippets, name), 'utf8').trimEnd();

    expect(readme).toContain(`\n${text}\n\`\`\``);
  });

  it('shows the TypeScript 7 build script the TypeScript 7 test runs', () => {
    const test = readFileSync(join(root, 'test', 'typescript7.test.ts'), 'utf8');
    const script = /build: '([^']+)'/.exec(test)?.[1];

    expect(script).toBeDefined();
    expect(readme).toContain(`"build": "${script}"`);
    expect(readme).toContain('"extends": "./tsconfig.json"');
    expect(test).toContain("{ extends: './tsconfig.json', compilerOptions: { rootDir: 'gen', outDir: 'out', noEmit: false }, include: ['gen'] }");
    expect(readme).toContain('"compilerOptions": { "rootDir": "gen", "outDir": "out", "noEmit": false }');
  });
});
