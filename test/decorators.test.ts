/**
 * `@overload(name, ...matchers)` on methods, with TC39 decorators and with `experimentalDecorators`.
 * Vitest cannot compile decorators, so each scenario is TypeScript source compiled by the real
 * compiler (test/support/compile.ts) and run with `duckcall` mapped to src/.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { casesOf, installOverloads, NoMatchingOverloadError, SetupError } from '../src/index.js';
import {
  caseNamedLikeDispatcher,
  decoratorWithoutGuards,
  dispatcherNameClash,
  indistinguishable,
  noMatchingOverload,
  notAMatcher,
  notAMethod,
} from '../src/messages.js';
import { compile, decoratorModes, run, type DecoratorMode } from './support/compile.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Shared by every scenario: the shapes and hand-written guards the transformer would generate. */
const prelude = `
import { overload, installOverloads, type Overloaded } from 'duckcall';
export interface Circle { kind: 'circle'; r: number }
export interface Rect { kind: 'rect'; w: number; h: number }
export interface Triangle { kind: 'triangle'; b: number; h: number }
const kindIs = (kind: string) => (v: unknown) => typeof v === 'object' && v !== null && (v as { kind?: unknown }).kind === kind;
export const isCircle = Object.defineProperty(kindIs('circle'), 'name', { value: 'isCircle' }) as (v: unknown) => v is Circle;
export const isRect = Object.defineProperty(kindIs('rect'), 'name', { value: 'isRect' }) as (v: unknown) => v is Rect;
export const isTriangle = Object.defineProperty(kindIs('triangle'), 'name', { value: 'isTriangle' }) as (v: unknown) => v is Triangle;
`;

const circle = { kind: 'circle', r: 1 } as const;
const rect = { kind: 'rect', w: 2, h: 3 } as const;
const triangle = { kind: 'triangle', b: 4, h: 5 } as const;

/** The error `act` throws (fails the test when it throws nothing). */
function thrown(act: () => unknown): unknown {
  try {
    act();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

function signatures(fn: unknown): string[] {
  return casesOf(fn as Function).map((c) => c.signature);
}

describe.each(decoratorModes)('@overload with %s decorators', (mode: DecoratorMode) => {
  const load = (source: string) => run(prelude + source, { mode });

  it('dispatches an instance overload set to the case whose matchers accept the arguments', () => {
    const { Shapes } = load(`
      export class Shapes {
        @overload('area', isCircle) areaOfCircle(s: Circle): number { return Math.PI * s.r ** 2 }
        @overload('area', isRect) areaOfRect(s: Rect): number { return s.w * s.h }
        @overload('area', Number, Number) areaOfSides(w: number, h: number): number { return w * h + 0.5 }
        declare area: Overloaded<[Shapes['areaOfCircle'], Shapes['areaOfRect'], Shapes['areaOfSides']]>;
      }
    `);
    const shapes = new Shapes();

    expect(shapes.area(circle)).toBe(Math.PI);
    expect(shapes.area(rect)).toBe(6);
    expect(shapes.area(2, 3)).toBe(6.5);
    // Installed on the prototype like a method: not per instance, not enumerable, replaceable.
    expect(Object.getOwnPropertyDescriptor(Shapes.prototype, 'area')).toMatchObject({ enumerable: false, writable: true, configurable: true });
    expect(Object.prototype.hasOwnProperty.call(shapes, 'area')).toBe(false);
  });

  it('dispatches a static overload set on the class', () => {
    const { Shapes } = load(`
      export class Shapes {
        constructor(readonly from: string) {}
        @overload('parse', String) static parseText(t: string): Shapes { return new Shapes('text:' + t) }
        @overload('parse', Uint8Array) static parseBytes(b: Uint8Array): Shapes { return new Shapes('bytes:' + b.length) }
        declare static parse: Overloaded<[typeof Shapes.parseText, typeof Shapes.parseBytes]>;
      }
    `);

    expect(Shapes.parse('abc').from).toBe('text:abc');
    expect(Shapes.parse(new Uint8Array(4)).from).toBe('bytes:4');
    expect(Shapes.parse('abc')).toBeInstanceOf(Shapes);
    expect(Shapes.prototype.parse).toBeUndefined();
  });

  it('keeps the case methods callable by their own names, unchanged', () => {
    const { Shapes } = load(`
      export class Shapes {
        @overload('area', isCircle) areaOfCircle(s: Circle): number { return Math.PI * s.r ** 2 }
        @overload('area', isRect) areaOfRect(s: Rect): number { return s.w * s.h }
        @overload('parse', String) static parseText(t: string): string { return 'text:' + t }
      }
    `);
    const shapes = new Shapes();

    // A case method is the plain method: it runs without any dispatch, even for arguments its
    // matchers would reject.
    expect(shapes.areaOfRect(rect)).toBe(6);
    expect(shapes.areaOfCircle({ kind: 'rect', r: 2 })).toBe(4 * Math.PI);
    expect(Shapes.parseText('x')).toBe('text:x');
    expect(casesOf(shapes.area).map((c) => c.fn)).toEqual([Shapes.prototype.areaOfCircle, Shapes.prototype.areaOfRect]);
  });

  it('installs the dispatchers when the class is defined if it has a static @overload member', () => {
    const { instanceAreaAtDefinition, staticParseAtDefinition, Shapes } = load(`
      export class Shapes {
        @overload('area', isCircle) areaOfCircle(s: Circle): number { return Math.PI * s.r ** 2 }
        @overload('parse', String) static parseText(t: string): string { return 'text:' + t }
      }
      export const instanceAreaAtDefinition = typeof Shapes.prototype.area;
      export const staticParseAtDefinition = typeof Shapes.parse;
    `);

    expect(instanceAreaAtDefinition).toBe('function');
    expect(staticParseAtDefinition).toBe('function');
    expect(Shapes.prototype.area.call(undefined, circle)).toBe(Math.PI);
  });

  it('installs the dispatchers when the class is defined if it calls installOverloads in a static block', () => {
    const { areaAtDefinition, Shapes } = load(`
      export class Shapes {
        @overload('area', isCircle) areaOfCircle(s: Circle): number { return Math.PI * s.r ** 2 }
        @overload('area', isRect) areaOfRect(s: Rect): number { return s.w * s.h }
        static { installOverloads(this) }
      }
      export const areaAtDefinition = typeof Shapes.prototype.area;
    `);

    expect(areaAtDefinition).toBe('function');
    expect(Shapes.prototype.area(rect)).toBe(6);
    // Idempotent: a second call leaves a working dispatcher with the same cases.
    installOverloads(Shapes);
    expect(signatures(Shapes.prototype.area)).toEqual(['areaOfCircle(isCircle)', 'areaOfRect(isRect)']);
  });

  it(
    mode === 'legacy'
      ? 'installs the dispatcher when the class is defined, with nothing else in the class'
      : 'installs the dispatcher at the first construction when nothing installs it earlier',
    () => {
      const { areaAtDefinition, Shapes } = load(`
        export class Shapes {
          @overload('area', isCircle) areaOfCircle(s: Circle): number { return Math.PI * s.r ** 2 }
          @overload('area', isRect) areaOfRect(s: Rect): number { return s.w * s.h }
        }
        export const areaAtDefinition = typeof Shapes.prototype.area;
      `);

      // TC39 method decorators never see the class; only a construction (or installOverloads) can install.
      expect(areaAtDefinition).toBe(mode === 'legacy' ? 'function' : 'undefined');
      const first = new Shapes();
      expect(typeof Shapes.prototype.area).toBe('function');
      expect(first.area(circle)).toBe(Math.PI);
      expect(new Shapes().area(rect)).toBe(6);
    },
  );

  it('tries the cases in declaration order and runs the first that accepts the arguments', () => {
    const { NumberFirst, ObjectFirst } = load(`
      export class NumberFirst {
        @overload('describe', Number) asNumber(n: number) { return 'number ' + n }
        @overload('describe', Object) asObject(o: {}) { return 'object ' + String(o) }
      }
      export class ObjectFirst {
        @overload('describe', Object) asObject(o: {}) { return 'object ' + String(o) }
        @overload('describe', Number) asNumber(n: number) { return 'number ' + n }
      }
    `);

    expect(new NumberFirst().describe(1)).toBe('number 1');
    expect(new NumberFirst().describe('x')).toBe('object x');
    expect(new ObjectFirst().describe(1)).toBe('object 1');
    expect(signatures(NumberFirst.prototype.describe)).toEqual(['asNumber(Number)', 'asObject(Object)']);
    expect(signatures(ObjectFirst.prototype.describe)).toEqual(['asObject(Object)', 'asNumber(Number)']);
  });

  it('passes `this` through to the case, for instance and static sets', () => {
    const { Scaled } = load(`
      export class Scaled {
        static unit = 'cm';
        constructor(readonly factor: number) {}
        @overload('scale', Number) scaleNumber(n: number) { return n * this.factor }
        @overload('scale', String) scaleText(s: string) { return s.repeat(this.factor) }
        @overload('label', Number) static labelNumber(n: number) { return n + this.unit }
      }
    `);

    expect(new Scaled(3).scale(2)).toBe(6);
    expect(new Scaled(2).scale('ab')).toBe('abab');
    expect(new Scaled(1).scale.call({ factor: 10 }, 4)).toBe(40);
    expect(Scaled.label(5)).toBe('5cm');
  });

  it("tries a subclass's own cases first, then the parent's, and leaves the parent's dispatcher unchanged", () => {
    const { Base, Sub } = load(`
      export class Base {
        @overload('area', isCircle) areaOfCircle(s: Circle): string { return 'base circle' }
        @overload('area', isRect) areaOfRect(s: Rect): string { return 'base rect' }
        static { installOverloads(this) }
      }
      export class Sub extends Base {
        @overload('area', isTriangle) areaOfTriangle(t: Triangle): string { return 'sub triangle' }
        @overload('area', Object) areaOfAnything(o: {}): string { return 'sub anything' }
        static { installOverloads(this) }
      }
    `);
    const baseCases = Base.prototype.area;

    expect(signatures(Sub.prototype.area)).toEqual([
      'areaOfTriangle(isTriangle)',
      'areaOfAnything(Object)',
      'areaOfCircle(isCircle)',
      'areaOfRect(isRect)',
    ]);
    expect(new Sub().area(triangle)).toBe('sub triangle');
    // The subclass's catch-all comes before the parent's cases, so it wins for a circle.
    expect(new Sub().area(circle)).toBe('sub anything');
    expect(Base.prototype.area).toBe(baseCases);
    expect(new Base().area(circle)).toBe('base circle');
    expect(signatures(Base.prototype.area)).toEqual(['areaOfCircle(isCircle)', 'areaOfRect(isRect)']);
    expect(() => new Base().area(triangle)).toThrow(NoMatchingOverloadError);
  });

  it("replaces a parent's case with a subclass case that has the same matchers", () => {
    const { Base, Sub } = load(`
      export class Base {
        @overload('area', isCircle) areaOfCircle(s: Circle): string { return 'base circle' }
        @overload('area', isRect) areaOfRect(s: Rect): string { return 'base rect' }
      }
      export class Sub extends Base {
        @overload('area', isCircle) areaOfCircleExactly(s: Circle): string { return 'sub circle' }
      }
    `);
    const sub = new Sub();
    const base = new Base();

    expect(signatures(Sub.prototype.area)).toEqual(['areaOfCircleExactly(isCircle)', 'areaOfRect(isRect)']);
    expect(sub.area(circle)).toBe('sub circle');
    expect(sub.area(rect)).toBe('base rect');
    expect(base.area(circle)).toBe('base circle');
    expect(signatures(Base.prototype.area)).toEqual(['areaOfCircle(isCircle)', 'areaOfRect(isRect)']);
  });

  it('inherits an overload set unchanged into a subclass without cases of its own', () => {
    const { Base, Plain } = load(`
      export class Base {
        @overload('area', isCircle) areaOfCircle(s: Circle): string { return 'base circle' }
      }
      export class Plain extends Base {}
    `);

    expect(new Plain().area(circle)).toBe('base circle');
    expect(Object.prototype.hasOwnProperty.call(Plain.prototype, 'area')).toBe(false);
    expect(Plain.prototype.area).toBe(Base.prototype.area);
  });

  it('extends static overload sets in subclasses the same way', () => {
    const { Base, Sub } = load(`
      export class Base {
        @overload('parse', String) static parseText(t: string) { return 'base text ' + t }
        @overload('parse', Number) static parseNumber(n: number) { return 'base number ' + n }
      }
      export class Sub extends Base {
        @overload('parse', Uint8Array) static parseBytes(b: Uint8Array) { return 'sub bytes ' + b.length }
        @overload('parse', String) static parseTextLoudly(t: string) { return 'sub TEXT ' + t.toUpperCase() }
      }
    `);
    const baseParse = Base.parse;

    expect(signatures(Sub.parse)).toEqual(['parseBytes(Uint8Array)', 'parseTextLoudly(String)', 'parseNumber(Number)']);
    expect(Sub.parse(new Uint8Array(2))).toBe('sub bytes 2');
    expect(Sub.parse('a')).toBe('sub TEXT A');
    expect(Sub.parse(1)).toBe('base number 1');
    expect(Base.parse).toBe(baseParse);
    expect(Base.parse('a')).toBe('base text a');
    expect(() => Base.parse(new Uint8Array(2))).toThrow(NoMatchingOverloadError);
  });

  it('throws NoMatchingOverloadError naming Class.set and every candidate', () => {
    const { Shapes } = load(`
      export class Shapes {
        @overload('area', isCircle) areaOfCircle(s: Circle): number { return Math.PI * s.r ** 2 }
        @overload('area', isRect) areaOfRect(s: Rect): number { return s.w * s.h }
        @overload('parse', String) static parseText(t: string): string { return t }
      }
    `);

    const error = thrown(() => new Shapes().area(true)) as NoMatchingOverloadError;
    expect(error).toBeInstanceOf(NoMatchingOverloadError);
    expect(error.code).toBe('ERR_NO_MATCHING_OVERLOAD');
    expect(error.args).toEqual([true]);
    expect(error.candidates.map((c) => c.signature)).toEqual(['areaOfCircle(isCircle)', 'areaOfRect(isRect)']);
    expect(error.message).toBe(noMatchingOverload('Shapes.area', [true], error.candidates));
    expect(error.message.split('\n')[0]).toBe('No overload of Shapes.area() accepts (boolean).');

    const staticError = thrown(() => Shapes.parse(1)) as NoMatchingOverloadError;
    expect(staticError).toBeInstanceOf(NoMatchingOverloadError);
    expect(staticError.message).toBe(noMatchingOverload('Shapes.parse', [1], staticError.candidates));
  });

  it('throws SetupError naming Class.method for an instance case with no matchers (and no recorded metadata)', () => {
    // Arrange
    const source = `
      export class Drawing {
        @overload('size', Number) scale(n: number): number { return n }
        @overload('size') area(s: Circle): number { return Math.PI * s.r ** 2 }
      }
    `;

    // Act: legacy decorators see the class, so the definition throws. TC39 method decorators are
    // not told their class, so the named error waits for the first construction.
    const error =
      mode === 'legacy'
        ? thrown(() => load(source))
        : thrown(() => {
            const { Drawing } = load(source);
            return new Drawing();
          });

    // Assert
    expect(error).toBeInstanceOf(SetupError);
    expect((error as SetupError).message).toBe(decoratorWithoutGuards('Drawing', 'area', 'size'));
    expect((error as SetupError).message).toContain("@overload('size') on Drawing.area has no guards");
  });

  it('throws it at class definition when the class calls installOverloads in a static block', () => {
    const error = thrown(() =>
      load(`
        export class Drawing {
          @overload('size') area(s: Circle): number { return Math.PI * s.r ** 2 }
          static { installOverloads(this) }
        }
      `),
    );

    expect(error).toBeInstanceOf(SetupError);
    expect((error as SetupError).message).toBe(decoratorWithoutGuards('Drawing', 'area', 'size'));
  });

  it('throws SetupError naming Class.method at class definition for a static case with no matchers', () => {
    const error = thrown(() =>
      load(`
        export class Drawing {
          @overload('parse') static fromText(t: string): string { return t }
        }
      `),
    );

    expect(error).toBeInstanceOf(SetupError);
    expect((error as SetupError).message).toBe(decoratorWithoutGuards('Drawing', 'fromText', 'parse'));
  });

  it('names the class of the case when a subclass constructs through a parent with such a case', () => {
    const source = `
      export class Drawing {
        @overload('size') area(s: Circle): number { return Math.PI * s.r ** 2 }
      }
      export class Sketch extends Drawing {}
    `;

    const error =
      mode === 'legacy'
        ? thrown(() => load(source))
        : thrown(() => {
            const { Sketch } = load(source);
            return new Sketch();
          });

    expect((error as SetupError).message).toBe(decoratorWithoutGuards('Drawing', 'area', 'size'));
  });

  it('throws SetupError at class definition when @overload decorates a getter', () => {
    const error = thrown(() =>
      load(`
        export class Shapes {
          @overload('area', isCircle) get unitCircle(): number { return Math.PI }
        }
      `),
    );

    expect(error).toBeInstanceOf(SetupError);
    expect((error as SetupError).message).toBe(notAMethod(mode === 'legacy' ? 'accessor' : 'getter'));
  });

  it('throws SetupError at class definition when @overload decorates a field', () => {
    const error = thrown(() =>
      load(`
        export class Shapes {
          @overload('area', isCircle) areaOfCircle = (s: Circle) => Math.PI * s.r ** 2;
        }
      `),
    );

    expect(error).toBeInstanceOf(SetupError);
    expect((error as SetupError).message).toBe(notAMethod('field'));
  });

  it('throws SetupError naming the class when a case method has the overload set’s name', () => {
    const error = thrown(() =>
      load(`
        export class Shapes {
          @overload('area', isCircle) area(s: Circle): number { return Math.PI * s.r ** 2 }
          static { installOverloads(this) }
        }
      `),
    );

    expect(error).toBeInstanceOf(SetupError);
    expect((error as SetupError).message).toBe(caseNamedLikeDispatcher('Shapes', 'area'));
  });

  it('names the class and the method in a bad matcher’s SetupError, instance and static', () => {
    const instance = thrown(() =>
      load(`
        export class Shapes {
          @overload('area', {} as never) areaOfCircle(s: Circle): number { return Math.PI * s.r ** 2 }
          static { installOverloads(this) }
        }
      `),
    );
    const statics = thrown(() =>
      load(`
        export class Shapes {
          @overload('parse', {} as never) static parseText(t: string): string { return t }
        }
      `),
    );

    expect((instance as SetupError).message).toBe(notAMatcher('@overload on Shapes.areaOfCircle', 0, {}));
    expect((statics as SetupError).message).toBe(notAMatcher('@overload on Shapes.parseText', 0, {}));
  });

  it('throws SetupError at class definition when the class already has its own member with the set’s name', () => {
    const error = thrown(() =>
      load(`
        export class Shapes {
          area(): string { return 'mine' }
          @overload('area', isCircle) areaOfCircle(s: Circle): number { return Math.PI * s.r ** 2 }
          static { installOverloads(this) }
        }
      `),
    );

    expect(error).toBeInstanceOf(SetupError);
    expect((error as SetupError).message).toBe(dispatcherNameClash('Shapes', 'area'));
  });

  it('throws the same SetupError for a clashing static member', () => {
    const error = thrown(() =>
      load(`
        export class Shapes {
          static parse(): string { return 'mine' }
          @overload('parse', String) static parseText(t: string): string { return t }
        }
      `),
    );

    expect(error).toBeInstanceOf(SetupError);
    expect((error as SetupError).message).toBe(dispatcherNameClash('Shapes', 'parse'));
  });
});

describe('@overload with TC39 decorators, for a class nothing installs at definition', () => {
  it('throws that SetupError at every construction, never installing a dispatcher without the case', () => {
    const { Drawing } = run(
      `${prelude}
      export class Drawing {
        @overload('size') area(s: Circle): number { return Math.PI * s.r ** 2 }
      }
    `,
      { mode: 'tc39' },
    );

    const first = thrown(() => new Drawing());
    const second = thrown(() => new Drawing());

    expect((first as SetupError).message).toBe(decoratorWithoutGuards('Drawing', 'area', 'size'));
    expect((second as SetupError).message).toBe(decoratorWithoutGuards('Drawing', 'area', 'size'));
    expect(Object.prototype.hasOwnProperty.call(Drawing.prototype, 'size')).toBe(false);
  });
});

describe('@overload with experimentalDecorators, emitDecoratorMetadata and reflect-metadata', () => {
  const load = (source: string) => run(`import 'reflect-metadata';\n${prelude}${source}`, { mode: 'legacy', metadata: true });

  it('dispatches on the parameter constructors TypeScript recorded', () => {
    const { Show } = load(`
      export class Show {
        @overload('show') showNumber(n: number): string { return 'number ' + n.toFixed(1) }
        @overload('show') showString(s: string): string { return 'string ' + s.toUpperCase() }
        @overload('show') showDate(d: Date): string { return 'date ' + d.getUTCFullYear() }
        @overload('show') showPair(a: number, b: string): string { return 'pair ' + a + b }
      }
    `);
    const show = new Show();

    expect(show.show(2)).toBe('number 2.0');
    expect(show.show('ab')).toBe('string AB');
    expect(show.show(new Date(Date.UTC(2024, 0, 1)))).toBe('date 2024');
    expect(show.show(1, 'x')).toBe('pair 1x');
    expect(signatures(show.show)).toEqual(['showNumber(Number)', 'showString(String)', 'showDate(Date)', 'showPair(Number, String)']);
    expect(() => show.show(true)).toThrow(NoMatchingOverloadError);
    expect(() => show.show('x', 1)).toThrow(NoMatchingOverloadError);
  });

  it('prefers matchers given in the decorator to the recorded constructors', () => {
    const { Shapes } = load(`
      export class Shapes {
        @overload('area', isCircle) areaOfCircle(s: Circle): number { return Math.PI * s.r ** 2 }
        @overload('area', isRect) areaOfRect(s: Rect): number { return s.w * s.h }
      }
    `);

    expect(new Shapes().area(rect)).toBe(6);
    expect(signatures(Shapes.prototype.area)).toEqual(['areaOfCircle(isCircle)', 'areaOfRect(isRect)']);
  });

  it('throws SetupError naming both methods when two cases record the same constructors', () => {
    const error = thrown(() =>
      load(`
        export class Shapes {
          @overload('area') areaOfCircle(s: Circle): number { return Math.PI * s.r ** 2 }
          @overload('area') areaOfRect(s: Rect): number { return s.w * s.h }
        }
      `),
    );

    expect(error).toBeInstanceOf(SetupError);
    const { message } = error as SetupError;
    expect(message).toBe(indistinguishable('Shapes', 'areaOfCircle', 'areaOfRect', 'area', 'Object'));
    expect(message).toContain('Shapes.areaOfCircle');
    expect(message).toContain('Shapes.areaOfRect');
  });

  it("lets a subclass case with the same recorded constructors replace the parent's", () => {
    const { Base, Sub } = load(`
      export class Base {
        @overload('show') showNumber(n: number): string { return 'base number' }
        @overload('show') showString(s: string): string { return 'base string' }
      }
      export class Sub extends Base {
        @overload('show') showNumberBetter(n: number): string { return 'sub number' }
      }
    `);

    expect(new Sub().show(1)).toBe('sub number');
    expect(new Sub().show('a')).toBe('base string');
    expect(new Base().show(1)).toBe('base number');
  });
});

describe('without reflect-metadata', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'duckcall-decorators-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('is imported nowhere in src', () => {
    const sources = readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    const importsIt = /\b(?:from|import|require\s*\()\s*['"]reflect-metadata['"]/;

    expect(sources.length).toBeGreaterThan(5);
    const offenders = sources.filter((f) => importsIt.test(readFileSync(join(root, 'src', f), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('loads and dispatches where reflect-metadata cannot be found, and reports a case with no guards', () => {
    // duckcall's src, compiled to ESM, as node_modules/duckcall of a project that has no reflect-metadata.
    const packageDir = join(scratch, 'node_modules', 'duckcall');
    for (const file of readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'))) {
      const { outputText } = ts.transpileModule(readFileSync(join(root, 'src', file), 'utf8'), {
        compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ES2022 },
      });
      const out = join(packageDir, file.replace(/\.ts$/, '.js'));
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, outputText);
    }
    writeFileSync(join(packageDir, 'package.json'), JSON.stringify({ name: 'duckcall', type: 'module', exports: './index.js' }));
    writeFileSync(join(scratch, 'package.json'), JSON.stringify({ type: 'module' }));
    const options = { mode: 'legacy', metadata: true, format: 'esm' } as const;
    writeFileSync(
      join(scratch, 'with-matchers.js'),
      compile(
        `${prelude}
        export class Shapes {
          @overload('area', isCircle) areaOfCircle(s: Circle): number { return Math.PI * s.r ** 2 }
          @overload('area', isRect) areaOfRect(s: Rect): number { return s.w * s.h }
        }`,
        options,
      ),
    );
    writeFileSync(
      join(scratch, 'without-matchers.js'),
      compile(
        `${prelude}
        export class Show {
          @overload('show') showNumber(n: number): string { return 'number' }
        }`,
        options,
      ),
    );
    writeFileSync(
      join(scratch, 'main.js'),
      `
      import { Shapes } from './with-matchers.js';
      const report = { getMetadata: typeof Reflect.getMetadata, area: new Shapes().area({ kind: 'rect', w: 2, h: 3 }) };
      try {
        await import('./without-matchers.js');
      } catch (error) {
        report.error = { name: error.name, message: error.message };
      }
      console.log(JSON.stringify(report));
      `,
    );

    const report = JSON.parse(execFileSync(process.execPath, ['main.js'], { cwd: scratch, encoding: 'utf8' }));

    expect(report).toEqual({
      getMetadata: 'undefined',
      area: 6,
      error: { name: 'SetupError', message: decoratorWithoutGuards('Show', 'showNumber', 'show') },
    });
  });
});
