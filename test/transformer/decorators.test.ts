/**
 * `@overload('name')` with no matchers (API.md §2), TC39 decorators, compiled through the duckcall
 * transformer: the method's parameter types become the case's guards, and the transformer appends the
 * `static {}` block that installs the dispatchers when the class is defined.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { casesOf, NoMatchingOverloadError, overload, which, type Overloaded } from '../../src/index.js';
import { BaseShapes } from './support/base-shapes.js';
import type { Circle, Rect, Triangle } from './support/shapes.js';
import { thrown } from '../support/thrown.js';

const circle: Circle = { kind: 'circle', r: 1 };
const rect: Rect = { kind: 'rect', w: 2, h: 3 };
const triangle: Triangle = { kind: 'triangle', b: 4, h: 3 };


// No static member, no hand-written static block: only the transformer can install `area` here.
class Shapes {
  scale = 1;
  @overload('area') areaOfCircle(s: Circle): number {
    return this.scale * Math.PI * s.r ** 2;
  }
  @overload('area') areaOfRect(s: Rect): number {
    return this.scale * s.w * s.h;
  }
  @overload('area') areaOfSides(w: number, h: number): number {
    return this.scale * w * h;
  }
  declare area: Overloaded<[Shapes['areaOfCircle'], Shapes['areaOfRect'], Shapes['areaOfSides']]>;
}
const installedAtDefinition = typeof Shapes.prototype.area === 'function';

class Parser {
  constructor(readonly source: string) {}
  @overload('parse') static parseText(t: string): Parser {
    return new Parser(`text:${t}`);
  }
  @overload('parse') static parseBytes(b: Uint8Array): Parser {
    return new Parser(`bytes:${b.length}`);
  }
  declare static parse: Overloaded<[typeof Parser.parseText, typeof Parser.parseBytes]>;
}
const staticInstalledAtDefinition = typeof Parser.parse === 'function';

describe('@overload(name) with guards from the transformer', () => {
  it('installs the dispatcher on the prototype when the class is defined', () => {
    expect(installedAtDefinition).toBe(true);
    expect(Object.prototype.hasOwnProperty.call(Shapes.prototype, 'area')).toBe(true);
    // Not an own property of instances: the `declare` field emits nothing.
    expect(Object.prototype.hasOwnProperty.call(new Shapes(), 'area')).toBe(false);
  });

  it('dispatches instance calls by parameter types, with this passed through', () => {
    const shapes = new Shapes();
    expect(shapes.area(circle)).toBeCloseTo(Math.PI);
    expect(shapes.area(rect)).toBe(6);
    expect(shapes.area(4, 5)).toBe(20);
    shapes.scale = 10;
    expect(shapes.area(rect)).toBe(60);
    expect(shapes.area(4, 5)).toBe(200);
    // The case methods stay callable by their own names.
    expect(shapes.areaOfRect(rect)).toBe(60);
  });

  it('installs static dispatchers on the class', () => {
    expect(staticInstalledAtDefinition).toBe(true);
    expect(Parser.parse('abc').source).toBe('text:abc');
    expect(Parser.parse(new Uint8Array(4)).source).toBe('bytes:4');
    expect(Parser.parseText('x').source).toBe('text:x');
    expect(() => Parser.parse(1 as any)).toThrow(NoMatchingOverloadError);
  });

  it('tries the cases in declaration order', () => {
    interface HasRadius { r: number }
    interface HasLabel { label: string }
    class Describer {
      @overload('describe') radius(s: HasRadius): string {
        return `radius ${s.r}`;
      }
      @overload('describe') label(s: HasLabel): string {
        return `label ${s.label}`;
      }
      declare describe: Overloaded<[Describer['radius'], Describer['label']]>;
    }
    class Reversed {
      @overload('describe') label(s: HasLabel): string {
        return `label ${s.label}`;
      }
      @overload('describe') radius(s: HasRadius): string {
        return `radius ${s.r}`;
      }
      declare describe: Overloaded<[Reversed['label'], Reversed['radius']]>;
    }
    const both = { r: 1, label: 'x' };
    expect(new Describer().describe(both)).toBe('radius 1');
    expect(new Reversed().describe(both)).toBe('label x');
    expect(new Describer().describe({ label: 'y' })).toBe('label y');
    expect(casesOf(Shapes.prototype.area).map((c) => c.fn)).toEqual([
      Shapes.prototype.areaOfCircle,
      Shapes.prototype.areaOfRect,
      Shapes.prototype.areaOfSides,
    ]);
  });

  it('works on class expressions too', () => {
    const Anon = class {
      @overload('twice') twiceNumber(n: number): number {
        return n * 2;
      }
      @overload('twice') twiceString(s: string): string {
        return s + s;
      }
      declare twice: Overloaded<[(n: number) => number, (s: string) => string]>;
    };
    expect(typeof Anon.prototype.twice).toBe('function');
    expect(new Anon().twice(2)).toBe(4);
    expect(new Anon().twice('ab')).toBe('abab');
  });

  it('names Class.name in NoMatchingOverloadError', () => {
    const error = thrown(() => new Shapes().area(true as any)) as NoMatchingOverloadError;
    expect(error).toBeInstanceOf(NoMatchingOverloadError);
    expect(error.message.split('\n')[0]).toBe('No overload of Shapes.area() accepts (boolean).');
    expect(error.candidates).toHaveLength(3);
    expect(error.candidates.map((c) => c.signature.slice(0, c.signature.indexOf('(')))).toEqual(['areaOfCircle', 'areaOfRect', 'areaOfSides']);
    expect(error.candidates[0]!.errors).toEqual([{ path: '$args[0]', expected: 'Circle', value: true }]);
    expect(error.message).toContain('$args[0]: expected Circle, got boolean');
    expect(error.message).toContain('expected 2 arguments, got 1');
    const staticError = thrown(() => Parser.parse(null as any)) as NoMatchingOverloadError;
    expect(staticError.message.split('\n')[0]).toBe('No overload of Parser.parse() accepts (null).');
  });

  it('types the dispatcher through declare', () => {
    const shapes = new Shapes();
    expectTypeOf(shapes.area(circle)).toEqualTypeOf<number>();
    expectTypeOf(Parser.parse('x')).toEqualTypeOf<Parser>();
    function neverCalled(): void {
      // @ts-expect-error boolean fits no case
      shapes.area(true);
      // @ts-expect-error a number fits neither static case
      Parser.parse(1);
    }
    expect(typeof neverCalled).toBe('function');
  });
});

describe('subclasses', () => {
  class MoreShapes extends Shapes {
    @overload('area') areaOfTriangle(t: Triangle): number {
      return (this.scale * t.b * t.h) / 2;
    }
    // Same parameter types as Shapes.areaOfCircle: replaces it in MoreShapes's set.
    @overload('area') roughCircle(s: Circle): number {
      return 3 * s.r ** 2;
    }
    declare area: Overloaded<[MoreShapes['areaOfTriangle'], MoreShapes['roughCircle'], Shapes['areaOfRect'], Shapes['areaOfSides']]>;
  }
  const subclassInstalledAtDefinition = Object.prototype.hasOwnProperty.call(MoreShapes.prototype, 'area');

  it('puts its own cases first, then the parent cases it does not replace', () => {
    expect(subclassInstalledAtDefinition).toBe(true);
    const more = new MoreShapes();
    expect(more.area(triangle)).toBe(6);
    expect(more.area(circle)).toBe(3);
    expect(more.area(rect)).toBe(6);
    expect(more.area(2, 5)).toBe(10);
    expect(casesOf(MoreShapes.prototype.area).map((c) => c.fn)).toEqual([
      MoreShapes.prototype.areaOfTriangle,
      MoreShapes.prototype.roughCircle,
      Shapes.prototype.areaOfRect,
      Shapes.prototype.areaOfSides,
    ]);
    expect(which(MoreShapes.prototype.area, circle)?.fn).toBe(MoreShapes.prototype.roughCircle);
    const error = thrown(() => more.area('x' as any)) as NoMatchingOverloadError;
    expect(error.message.split('\n')[0]).toBe('No overload of MoreShapes.area() accepts (string).');
  });

  it('leaves the parent dispatcher unchanged', () => {
    const shapes = new Shapes();
    expect(Shapes.prototype.area).not.toBe(MoreShapes.prototype.area);
    expect(shapes.area(circle)).toBeCloseTo(Math.PI);
    expect(() => shapes.area(triangle as any)).toThrow(NoMatchingOverloadError);
    expect(casesOf(Shapes.prototype.area)).toHaveLength(3);
  });

  it('extends a class from another module, replacing by parameter types across modules', () => {
    class LocalShapes extends BaseShapes {
      @overload('area') localCircle(s: Circle): string {
        return `local circle ${s.r}`;
      }
      @overload('area') localTriangle(t: Triangle): string {
        return `local triangle ${t.b}`;
      }
      declare area: Overloaded<[LocalShapes['localCircle'], LocalShapes['localTriangle'], BaseShapes['areaOfRect']]>;
    }
    const local = new LocalShapes();
    expect(local.area(circle)).toBe('local circle 1');
    expect(local.area(triangle)).toBe('local triangle 4');
    expect(local.area(rect)).toBe('base rect 6');
    expect(casesOf(LocalShapes.prototype.area).map((c) => c.fn)).toEqual([
      LocalShapes.prototype.localCircle,
      LocalShapes.prototype.localTriangle,
      BaseShapes.prototype.areaOfRect,
    ]);
    expect(new BaseShapes().area(circle)).toBe('base circle 1');
    expect(() => new BaseShapes().area(triangle as any)).toThrow(NoMatchingOverloadError);
  });

  it('extends static sets on subclasses too', () => {
    class JsonParser extends Parser {
      @overload('parse') static parseObject(o: { json: string }): Parser {
        return new Parser(`json:${o.json}`);
      }
      declare static parse: Overloaded<[typeof JsonParser.parseObject, typeof Parser.parseText, typeof Parser.parseBytes]>;
    }
    expect(JsonParser.parse({ json: '{}' }).source).toBe('json:{}');
    expect(JsonParser.parse('a').source).toBe('text:a');
    expect(() => Parser.parse({ json: '{}' } as any)).toThrow(NoMatchingOverloadError);
  });
});

describe('typed @overload cases carry their signature as written', () => {
  it('shows it in casesOf and errors, and a method with no parameters is a case of its own', () => {
    class Counter {
      count = 0;
      @overload('bump') bumpByOne(): number {
        return (this.count += 1);
      }
      @overload('bump') bumpBy(step: number): number {
        return (this.count += step);
      }
      declare bump: Overloaded<[Counter['bumpByOne'], Counter['bumpBy']]>;
    }
    const counter = new Counter();

    expect(counter.bump()).toBe(1);
    expect(counter.bump(5)).toBe(6);
    expect(casesOf(counter.bump).map((c) => c.signature)).toEqual(['bumpByOne() => number', 'bumpBy(step: number) => number']);
    expect(() => (counter.bump as (x: unknown) => unknown)('x')).toThrow(/bumpBy\(step: number\) => number: \$args\[0\]: expected number, got string/);
  });
});
