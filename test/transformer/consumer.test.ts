/**
 * The new-user check: API.md's own examples, in a fresh project that installs the packed tarball,
 * compiled with `tspc` and `"plugins": [{ "transform": "duckcall/transformer" }]` exactly as the
 * README says, then run with Node as ESM. No network: duckcall has no runtime dependencies, and
 * typescript, ts-patch and @types/node (which users install themselves) are linked from this
 * repository's node_modules.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exec, installTarball, linkFromRepository, packPackage, type Finished } from '../support/pack.js';

const tsconfig = {
  compilerOptions: {
    target: 'ES2022',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    strict: true,
    types: ['node'],
    rootDir: 'src',
    outDir: 'out',
    plugins: [{ transform: 'duckcall/transformer' }],
  },
  include: ['src'],
};

/** Shared by the examples, as a user's project would share them. */
const shapesTypes = `
export interface Circle { kind: 'circle'; r: number }
export interface Rect { kind: 'rect'; w: number; h: number }
`;

/** API.md §1 and §4. */
const areaExample = `
import { overload, casesOf, which, NoMatchingOverloadError } from 'duckcall';
import type { Circle, Rect } from './types.js';

export const area = overload(
  (s: Circle) => Math.PI * s.r ** 2,
  (s: Rect) => s.w * s.h,
  (w: number, h: number) => w * h,
);

const out: Record<string, unknown> = {};
out.circle = area({ kind: 'circle', r: 1 });  // 3.14159…   (static type: number)
out.product = area(2, 3);                      // 6
out.rect = area({ kind: 'rect', w: 2, h: 3 });
try {
  area('x' as any);                            // throws NoMatchingOverloadError
} catch (e) {
  out.stringError = { name: (e as Error).name, isNoMatch: e instanceof NoMatchingOverloadError };
}
try {
  (area as (...args: unknown[]) => number)(true);
} catch (e) {
  const error = e as NoMatchingOverloadError;
  out.booleanError = { name: error.name, code: error.code, message: error.message, args: error.args, candidates: error.candidates.length };
}
out.cases = casesOf(area).map((c) => c.signature);
out.whichRect = which(area, { kind: 'rect', w: 1, h: 1 })?.signature;
out.whichPair = which(area, 2, 3)?.signature;
out.whichNone = which(area, 'x') === undefined;
console.log(JSON.stringify(out));
`;

/** API.md §1, "Without the transformer: when". */
const fmtExample = `
import { overload, when, optional, rest } from 'duckcall';

const fmt = overload(
  when([Number, optional(Number)], (n: number, digits = 2) => n.toFixed(digits)),
  when([Date], (d: Date) => d.toISOString()),
  when(['hex', Number], (_: 'hex', n: number) => n.toString(16)),
  when([String, rest(String)], (...parts: string[]) => parts.join(' ')),
);

const text: string = fmt(1.5);
console.log(JSON.stringify([text, fmt(3.14159, 3), fmt(new Date(0)), fmt('hex', 255), fmt('a', 'b', 'c')]));
`;

/** API.md §2. */
const shapesClassExample = `
import { overload, type Overloaded } from 'duckcall';
import type { Circle, Rect } from './types.js';

class Shapes {
  constructor(readonly source = 'new') {}
  @overload('area') areaOfCircle(s: Circle): number { return Math.PI * s.r ** 2 }
  @overload('area') areaOfRect(s: Rect): number { return s.w * s.h }
  declare area: Overloaded<[Shapes['areaOfCircle'], Shapes['areaOfRect']]>;

  @overload('parse') static parseText(t: string): Shapes { return new Shapes('text ' + t) }
  @overload('parse') static parseBytes(b: Uint8Array): Shapes { return new Shapes(b.length + ' bytes') }
  declare static parse: Overloaded<[typeof Shapes.parseText, typeof Shapes.parseBytes]>;
}

console.log(JSON.stringify({
  rect: new Shapes().area({ kind: 'rect', w: 2, h: 3 }),   // 6
  circle: new Shapes().area({ kind: 'circle', r: 1 }),
  text: Shapes.parse('…').source,
  bytes: Shapes.parse(new Uint8Array(3)).source,
  ownName: new Shapes().areaOfRect({ kind: 'rect', w: 4, h: 5 }),
}));
`;

/** API.md §3. */
const protocolsExample = `
import { is, assert, validate, protocol, implement, ProtocolError } from 'duckcall';

interface EatsBread { eatBread(grams: number): void; readonly name: string }

const duck: unknown = { name: 'Donald', eatBread(grams: number) {} };
const robot: unknown = { name: 'R2', eatBread: 'no' };
const out: Record<string, unknown> = {};

out.is = [is<EatsBread>(duck), is<EatsBread>(robot)];
if (is<EatsBread>(duck)) out.narrowed = duck.name;
assert<EatsBread>(duck);
out.asserted = duck.name;
try {
  assert<EatsBread>({ name: 7 });
} catch (e) {
  const error = e as ProtocolError;
  out.assertError = { name: error.name, code: error.code, errors: error.errors };
}
out.valid = validate<EatsBread>(duck).success;
out.invalid = validate<EatsBread>(robot);

const EatsBreadP = protocol<EatsBread>();
out.protocol = { name: EatsBreadP.name, is: [EatsBreadP.is(duck), EatsBreadP.is(robot)], standard: EatsBreadP['~standard'].version };

@implement<EatsBread>() class Duck {
  readonly name = 'Daisy';
  eatBread(grams: number): void {}
}
out.duck = new Duck().name;
try {
  // @ts-expect-error a class without eatBread does not implement EatsBread
  @implement<EatsBread>() class Rock { readonly name = 'rock' }
  out.rock = 'defined ' + Rock.name;
} catch (e) {
  out.rock = { name: (e as Error).name, paths: (e as ProtocolError).errors.map((i) => i.path) };
}
console.log(JSON.stringify(out));
`;

describe('a new user: npm install duckcall, ts-patch, and API.md examples compiled with tspc', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'duckcall-consumer-'));
  const project = join(scratch, 'project');
  let compiled: Finished;

  /** Runs a compiled example with Node (ESM: the project's package.json has "type": "module"). */
  async function run(file: string): Promise<any> {
    const result = await exec(process.execPath, [join('out', file)], project);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    return JSON.parse(result.stdout);
  }

  beforeAll(async () => {
    installTarball(project, packPackage(scratch));
    for (const name of ['typescript', 'ts-patch', '@types/node']) linkFromRepository(project, name);
    writeFileSync(join(project, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
    const src = join(project, 'src');
    const files = { 'types.ts': shapesTypes, 'area.ts': areaExample, 'fmt.ts': fmtExample, 'shapes-class.ts': shapesClassExample, 'protocols.ts': protocolsExample };
    mkdirSync(src);
    for (const [name, text] of Object.entries(files)) writeFileSync(join(src, name), text);
    compiled = await exec(process.execPath, [join(project, 'node_modules', 'ts-patch', 'bin', 'tspc.js'), '-p', 'tsconfig.json', '--pretty', 'false'], project);
  }, 240_000);

  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('compiles with tspc and the transformer with no diagnostics', () => {
    expect(compiled.stdout + compiled.stderr).toBe('');
    expect(compiled.status).toBe(0);
  });

  it('emits code that imports only duckcall and the project itself (no helper packages)', () => {
    const specifiers = readdirSync(join(project, 'out'))
      .filter((file) => file.endsWith('.js'))
      .flatMap((file) => [...readFileSync(join(project, 'out', file), 'utf8').matchAll(/^import\b[^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1]!));

    expect([...new Set(specifiers)].filter((specifier) => !specifier.startsWith('.'))).toEqual(['duckcall']);
  });

  it('§1 and §4: area dispatches by type, explains a failed call exactly as API.md shows, and introspects', async () => {
    const out = await run('area.js');

    expect(out.circle).toBeCloseTo(3.14159, 5);
    expect(out.product).toBe(6);
    expect(out.rect).toBe(6);
    expect(out.stringError).toEqual({ name: 'NoMatchingOverloadError', isNoMatch: true });
    expect(out.booleanError).toEqual({
      name: 'NoMatchingOverloadError',
      code: 'ERR_NO_MATCHING_OVERLOAD',
      // Verbatim from API.md §5.
      message: [
        'No overload of area() accepts (boolean).',
        '  (s: Circle) => number: $args[0]: expected Circle, got boolean',
        '  (s: Rect) => number: $args[0]: expected Rect, got boolean',
        '  (w: number, h: number) => number: expected 2 arguments, got 1',
      ].join('\n'),
      args: [true],
      candidates: 3,
    });
    expect(out.cases).toEqual(['(s: Circle) => number', '(s: Rect) => number', '(w: number, h: number) => number']);
    expect(out.whichRect).toBe('(s: Rect) => number');
    expect(out.whichPair).toBe('(w: number, h: number) => number');
    expect(out.whichNone).toBe(true);
  });

  it('§1: the when(...) fmt example', async () => {
    expect(await run('fmt.js')).toEqual(['1.50', '3.142', '1970-01-01T00:00:00.000Z', 'ff', 'a b c']);
  });

  it('§2: Shapes with @overload("area") and a static parse set', async () => {
    expect(await run('shapes-class.js')).toEqual({ rect: 6, circle: Math.PI, text: 'text …', bytes: '3 bytes', ownName: 20 });
  });

  it('§3: is, assert, validate, protocol and @implement on EatsBread', async () => {
    const out = await run('protocols.js');

    expect(out.is).toEqual([true, false]);
    expect(out.narrowed).toBe('Donald');
    expect(out.asserted).toBe('Donald');
    expect(out.assertError).toEqual({
      name: 'ProtocolError',
      code: 'ERR_PROTOCOL',
      errors: [
        { path: '$input.eatBread', expected: 'a method' },
        { path: '$input.name', expected: 'string', value: 7 },
      ],
    });
    expect(out.valid).toBe(true);
    expect(out.invalid).toEqual({ success: false, errors: [{ path: '$input.eatBread', expected: 'a method', value: 'no' }] });
    expect(out.protocol).toEqual({ name: 'EatsBread', is: [true, false], standard: 1 });
    expect(out.duck).toBe('Daisy');
    expect(out.rock).toEqual({ name: 'ProtocolError', paths: ['$input.prototype.eatBread'] });
  });
});
