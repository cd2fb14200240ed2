// Overloaded methods on a class with `@overload(name)`, using TC39 decorators (TypeScript's
// default: no experimentalDecorators in tsconfig.json).
//
// TypeScript forbids two method bodies with one name, so each case is a method with its own name
// and `@overload('area')` joins it to the dispatcher `area`. No matchers: duckcall/transformer
// makes the guards from each method's parameter types, and installs the dispatchers when the class
// is defined. `declare` gives the dispatcher its type: the cases, in order, as an overload list.
import assert from 'node:assert/strict';
import { casesOf, NoMatchingOverloadError, overload, which, type Overloaded } from 'duckcall';

interface Circle { kind: 'circle'; r: number }
interface Rect { kind: 'rect'; w: number; h: number }
interface Triangle { kind: 'triangle'; base: number; height: number }

class Drawing {
  constructor(readonly scale = 1) {}

  @overload('area') areaOfCircle(s: Circle): number {
    return Math.PI * (s.r * this.scale) ** 2;
  }
  @overload('area') areaOfRect(s: Rect): number {
    return s.w * s.h * this.scale ** 2;
  }
  @overload('area') areaOfSides(w: number, h: number): number {
    return w * h * this.scale ** 2;
  }
  declare area: Overloaded<[Drawing['areaOfCircle'], Drawing['areaOfRect'], Drawing['areaOfSides']]>;

  // Drawing.parse('scale=2'), or the same text as bytes.
  @overload('parse') static parseText(text: string): Drawing {
    const match = /^scale=(\d+(?:\.\d+)?)$/.exec(text.trim());
    if (!match) throw new SyntaxError(`not a drawing: ${JSON.stringify(text)}`);
    return new Drawing(Number(match[1]));
  }
  @overload('parse') static parseBytes(bytes: Uint8Array): Drawing {
    return Drawing.parseText(new TextDecoder().decode(bytes));
  }
  declare static parse: Overloaded<[typeof Drawing.parseText, typeof Drawing.parseBytes]>;
}

// The dispatchers exist as soon as the class is defined, before any instance is made.
assert.equal(typeof Drawing.prototype.area, 'function');
assert.equal(typeof Drawing.parse, 'function');

const d = new Drawing();
assert.equal(d.area({ kind: 'circle', r: 1 }), Math.PI);
assert.equal(d.area({ kind: 'rect', w: 2, h: 3 }), 6);
assert.equal(d.area(2, 3), 6);
console.log(`new Drawing().area({ kind: 'rect', w: 2, h: 3 }) = ${d.area({ kind: 'rect', w: 2, h: 3 })}`);

// `this` reaches the case that runs; the case methods stay callable by their own names.
const big = Drawing.parse('scale=2');
assert.equal(big.scale, 2);
assert.equal(big.area(2, 3), 24);
assert.equal(big.areaOfSides(2, 3), 24);
console.log(`Drawing.parse('scale=2').area(2, 3) = ${big.area(2, 3)}`);

const fromBytes = Drawing.parse(new TextEncoder().encode('scale=3'));
assert.equal(fromBytes.scale, 3);
console.log(`Drawing.parse(<bytes of 'scale=3'>).scale = ${fromBytes.scale}`);

// Introspection: the cases in order, and which one a call would run.
const signatures = casesOf(d.area).map((c) => c.signature);
assert.deepEqual(signatures, ['areaOfCircle(s: Circle) => number', 'areaOfRect(s: Rect) => number', 'areaOfSides(w: number, h: number) => number']);
console.log(`casesOf(area): ${signatures.join(', ')}`);
assert.equal(which(d.area, { kind: 'rect', w: 1, h: 1 })?.fn, Drawing.prototype.areaOfRect);
assert.equal(which(d.area, 'x'), undefined);

// A triangle is none of the cases: the compiler rejects the call, and so does the dispatcher.
const triangle: Triangle = { kind: 'triangle', base: 4, height: 3 };
// @ts-expect-error -- Drawing's area has no Triangle case
assert.throws(() => d.area(triangle), NoMatchingOverloadError);
try {
  // @ts-expect-error -- as above
  d.area(triangle);
} catch (error) {
  console.log(`new Drawing().area(triangle) throws:\n${(error as Error).message}`);
}

// A subclass's cases come first, then the parent's; the parent's set is unchanged.
class Sketch extends Drawing {
  @overload('area') areaOfTriangle(t: Triangle): number {
    return (t.base * t.height * this.scale ** 2) / 2;
  }
  declare area: Overloaded<[Sketch['areaOfTriangle'], Drawing['area']]>;
}

assert.notEqual(Sketch.prototype.area, Drawing.prototype.area);
const sketch = new Sketch();
assert.equal(sketch.area(triangle), 6);
assert.equal(sketch.area(2, 3), 6);
assert.throws(() => d.area(triangle as any), NoMatchingOverloadError);
console.log(`new Sketch().area(triangle) = ${sketch.area(triangle)}`);
const sketchSignatures = casesOf(sketch.area).map((c) => c.signature);
assert.deepEqual(sketchSignatures, ['areaOfTriangle(t: Triangle) => number', ...signatures]);
console.log(`casesOf(Sketch area): ${sketchSignatures.join(', ')}`);
