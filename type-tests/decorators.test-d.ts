/** `@overload(name, ...matchers)` with TC39 decorators, and the `declare name: Overloaded<[...]>` pattern. */
import { expectError, expectType } from 'tsd';
import { installOverloads, overload, type OverloadDecorator, type Overloaded } from 'duckcall';

interface Circle { kind: 'circle'; r: number }
interface Rect { kind: 'rect'; w: number; h: number }
declare const circle: Circle;
declare const rect: Rect;
const isCircle = (v: unknown): v is Circle => typeof v === 'object' && v !== null && (v as Circle).kind === 'circle';
const isRect = (v: unknown): v is Rect => typeof v === 'object' && v !== null && (v as Rect).kind === 'rect';

expectType<OverloadDecorator>(overload('area'));
expectType<OverloadDecorator>(overload('area', isCircle));
expectType<OverloadDecorator>(overload(Symbol('area'), Number));

class Shapes {
  @overload('area', isCircle) areaOfCircle(s: Circle): number { return Math.PI * s.r ** 2; }
  @overload('area', isRect) areaOfRect(s: Rect): string { return `${s.w}x${s.h}`; }
  declare area: Overloaded<[Shapes['areaOfCircle'], Shapes['areaOfRect']]>;

  @overload('parse', String) static parseText(t: string): Shapes { return new Shapes(); }
  @overload('parse', Uint8Array) static parseBytes(b: Uint8Array): number { return b.length; }
  declare static parse: Overloaded<[typeof Shapes.parseText, typeof Shapes.parseBytes]>;

  static { installOverloads(this); }
}

const shapes = new Shapes();
expectType<number>(shapes.area(circle));
expectType<string>(shapes.area(rect));
expectError(shapes.area(1));
expectType<number>(shapes.areaOfCircle(circle));
expectType<Shapes>(Shapes.parse('x'));
expectType<number>(Shapes.parse(new Uint8Array(1)));
expectError(Shapes.parse(1));

// A subclass's set: its own cases first, then the parent's.
class MoreShapes extends Shapes {
  @overload('area', Number) areaOfSquare(side: number): bigint { return BigInt(side * side); }
  declare area: Overloaded<[MoreShapes['areaOfSquare'], Shapes['areaOfCircle'], Shapes['areaOfRect']]>;
}
expectType<bigint>(new MoreShapes().area(2));
expectType<number>(new MoreShapes().area(circle));
expectError(new Shapes().area(2));

// @overload decorates methods only.
expectError(
  class {
    @overload('area', isCircle) get unit(): number { return 1; }
  },
);
expectError(
  class {
    @overload('area', isCircle) unit = 1;
  },
);

// The same decorator has the experimentalDecorators call signature (target, key, descriptor).
declare const descriptor: PropertyDescriptor;
expectType<void>(overload('area', isCircle)(Shapes.prototype, 'areaOfCircle', descriptor));
expectType<void>(overload('parse', String)(Shapes, 'parseText', descriptor));

// installOverloads takes a class.
expectError(installOverloads({}));
