// A generated TypeScript app of N modules (300 by default), for the build-speed rows: shaped like
// a real one rather than a stress test. Modules m1…m9 that do not use duckcall are shared "model"
// modules with no imports; every other plain module imports a type (type-only) from one of them;
// every tenth module (m0, m10, m20, …: 10%, as issue 10 sets the build rows) uses duckcall: a
// typed overload of four cases, one of whose types is imported type-only from its neighbour, plus
// is<T>() and protocol<T>(). src/main.ts imports every module and prints the sum of their run()
// results, which the generator also computes, so a build can be checked by running it.
//
// The tsconfig is Vite's own template's (bundler resolution, noEmit, allowImportingTsExtensions
// unused), with `import 'duckcall'` resolving to this checkout through node_modules/duckcall.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const usesDuckcall = (i) => i % 10 === 0;
const BASES = [1, 2, 4, 5, 7, 8];
const baseOf = (i) => BASES[i % BASES.length];
/** The plain neighbour a duckcall module imports its item type from. */
const neighbourOf = (i) => i + 1;

function baseModule(i) {
  return `export interface Meta${i} {
  readonly created: number;
  owner: string;
  labels?: string[];
}

export type Status${i} = 'open' | 'closed' | 'archived';

export interface Item${i} {
  id: string;
  count: number;
  tags: string[];
  status: Status${i};
}

export function describe${i}(meta: Meta${i}): string {
  return \`\${meta.owner}@\${meta.created}\`;
}

export function run(): number {
  const meta: Meta${i} = { created: ${i}, owner: 'm${i}' };
  return describe${i}(meta).length;
}
`;
}

function plainModule(i) {
  const b = baseOf(i);
  return `import type { Meta${b}, Status${b} } from './m${b}';

export interface Item${i} {
  id: string;
  count: number;
  tags: string[];
  status: Status${b};
  meta?: Meta${b};
}

export class Store${i} {
  private readonly items = new Map<string, Item${i}>();
  add(item: Item${i}): this {
    this.items.set(item.id, item);
    return this;
  }
  total(): number {
    let sum = 0;
    for (const item of this.items.values()) sum += item.count + item.tags.length;
    return sum;
  }
}

export function run(): number {
  const store = new Store${i}()
    .add({ id: 'a', count: ${i % 7}, tags: ['x'], status: 'open' })
    .add({ id: 'b', count: 2, tags: [], status: 'closed', meta: { created: 1, owner: 'o' } });
  return store.total();
}
`;
}

/** What a plain module's run() returns. */
const plainResult = (i) => (i % 7) + 1 + 2;
const baseResult = (i) => `m${i}@${i}`.length;

function duckcallModule(i) {
  const n = neighbourOf(i);
  const b = baseOf(i);
  return `import { is, overload, protocol } from 'duckcall';
import type { Item${n} } from './m${n}';
import type { Meta${b} } from './m${b}';

export interface Circle${i} {
  kind: 'circle';
  r: number;
  label?: string;
}

export interface Rect${i} {
  kind: 'rect';
  w: number;
  h: number;
  tags: string[];
}

export interface Named${i} {
  readonly name: string;
  size(): number;
}

export const measure${i} = overload(
  (s: Circle${i}) => Math.round(s.r * 3),
  (s: Rect${i}) => s.w * s.h + s.tags.length,
  (item: Item${n}) => item.count + item.tags.length,
  (w: number, h: number) => w * h,
);

const NamedP${i} = protocol<Named${i}>();

export function run(): number {
  let total = measure${i}({ kind: 'circle', r: 2 }) + measure${i}({ kind: 'rect', w: 2, h: 3, tags: ['t'] });
  total += measure${i}({ id: 'i', count: ${i % 5}, tags: ['a', 'b'], status: 'open' }) + measure${i}(2, 5);
  const meta: unknown = { created: ${i}, owner: 'm${i}' };
  if (is<Meta${b}>(meta)) total += 1;
  if (NamedP${i}.is({ name: 'n', size: () => 1 })) total += 1;
  return total;
}
`;
}

/** What a duckcall module's run() returns when its guards work. */
const duckcallResult = (i) => 6 + (6 + 1) + ((i % 5) + 2) + 10 + 1 + 1;

/** The file `m${i}.ts` of the app, and what its run() returns. */
export function appModule(i) {
  if (usesDuckcall(i)) return { text: duckcallModule(i), result: duckcallResult(i) };
  if (i < 10) return { text: baseModule(i), result: baseResult(i) };
  return { text: plainModule(i), result: plainResult(i) };
}

/**
 * Writes the app into `dir`: src/m0.ts … src/m{N-1}.ts, src/main.ts, tsconfig.json, package.json,
 * and node_modules/duckcall linked to `root` (this checkout). Returns what it wrote.
 */
export function writeApp(dir, { root, modules = 300 }) {
  if (usesDuckcall(modules - 1)) throw new Error('app300: the last duckcall module needs a plain neighbour');
  mkdirSync(join(dir, 'src'), { recursive: true });
  mkdirSync(join(dir, 'node_modules'), { recursive: true });
  symlinkSync(root, join(dir, 'node_modules', 'duckcall'), 'dir');
  let expected = 0;
  const files = [];
  for (let i = 0; i < modules; i++) {
    const { text, result } = appModule(i);
    expected += result;
    const file = join(dir, 'src', `m${i}.ts`);
    writeFileSync(file, text);
    files.push(file);
  }
  const imports = Array.from({ length: modules }, (_, i) => `import { run as run${i} } from './m${i}';`);
  const sum = Array.from({ length: modules }, (_, i) => `run${i}()`).join(' +\n  ');
  writeFileSync(join(dir, 'src', 'main.ts'), `${imports.join('\n')}\n\nconst total: number =\n  ${sum};\nconsole.log(\`app300 \${total}\`);\n`);
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: 'app300', private: true, type: 'module' }, null, 2)}\n`);
  const compilerOptions = {
    target: 'ES2022',
    lib: ['ES2022', 'DOM'],
    module: 'ESNext',
    moduleResolution: 'bundler',
    allowImportingTsExtensions: true,
    verbatimModuleSyntax: true,
    noEmit: true,
    strict: true,
    skipLibCheck: true,
    types: [],
    rootDir: 'src',
  };
  writeFileSync(join(dir, 'tsconfig.json'), `${JSON.stringify({ compilerOptions, include: ['src'] }, null, 2)}\n`);
  return { files, main: join(dir, 'src', 'main.ts'), expected: `app300 ${expected}`, duckcallModules: files.filter((_, i) => usesDuckcall(i)).length };
}
