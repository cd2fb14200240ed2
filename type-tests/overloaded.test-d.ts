/** `Overloaded<[...]>` and `overload(...)`: order, return types per case, splicing. */
import { expectAssignable, expectError, expectNotAssignable, expectType } from 'tsd';
import { overload, when, type Overloaded } from 'duckcall';

interface Circle { kind: 'circle'; r: number }
interface Rect { kind: 'rect'; w: number; h: number }
interface Triangle { kind: 'triangle'; b: number; h: number }
declare const circle: Circle;
declare const rect: Rect;
declare const triangle: Triangle;
const isCircle = (v: unknown): v is Circle => typeof v === 'object' && v !== null && (v as Circle).kind === 'circle';
const isRect = (v: unknown): v is Rect => typeof v === 'object' && v !== null && (v as Rect).kind === 'rect';
const isTriangle = (v: unknown): v is Triangle => typeof v === 'object' && v !== null && (v as Triangle).kind === 'triangle';

// Overloaded keeps the declared order: a value both cases accept gets the FIRST case's return type.
declare const numberFirst: Overloaded<[(x: number) => 'number case', (x: unknown) => 'unknown case']>;
declare const unknownFirst: Overloaded<[(x: unknown) => 'unknown case', (x: number) => 'number case']>;
expectType<'number case'>(numberFirst(1));
expectType<'unknown case'>(numberFirst('one'));
expectType<'unknown case'>(unknownFirst(1));

// Each call gets the return type of the case that fits it; a call no case fits is an error.
declare const area: Overloaded<[(s: Circle) => number, (s: Rect) => string, (w: number, h: number) => bigint]>;
expectType<number>(area(circle));
expectType<string>(area(rect));
expectType<bigint>(area(2, 3));
expectError(area(true));
expectError(area(triangle));
expectError(area(2));

// An argument typed any: the value picks the case at run time, so the static type claims none.
declare const anything: any;
expectType<unknown>(area(anything));
expectType<unknown>(area(2, anything));
expectType<unknown>(area(anything, anything));
expectType<number>(area(circle));
expectNotAssignable<(x: boolean) => unknown>(area);
expectAssignable<(s: Rect) => string>(area);

// An empty list is no function at all.
expectType<unknown>(null as unknown as Overloaded<[]>);

// overload(when(...)) with unannotated parameters: their types come from the matchers.
const double = overload(
  when([Number], (n) => {
    expectType<number>(n);
    return n * 2;
  }),
  when([String], (s) => {
    expectType<string>(s);
    return s.length > 0;
  }),
);
expectType<number>(double(21));
expectType<boolean>(double('abc'));
expectError(double(true));
expectError(double());
expectError(double(1, 2));
expectNotAssignable<(x: boolean) => unknown>(double);
expectAssignable<(x: number) => number>(double);

// The static type of overload(...cases) is Overloaded of the cases, in order.
const shapes = overload(
  when([isCircle], (s) => Math.PI * s.r ** 2),
  when([isRect], (s) => `${s.w}x${s.h}`),
);
expectType<number>(shapes(circle));
expectType<string>(shapes(rect));
expectError(shapes(triangle));

// An overloaded function given as a case is spliced in: the new function accepts everything the
// old one did, with the same return types, plus the new cases; the old one is unchanged.
const more = overload(
  shapes,
  when([isTriangle], (t) => {
    expectType<Triangle>(t);
    return [t.b, t.h] as const;
  }),
);
expectType<number>(more(circle));
expectType<string>(more(rect));
expectType<readonly [number, number]>(more(triangle));
expectError(shapes(triangle));
expectError(more(1));

// Order holds through overload() too.
const firstWins = overload(
  when([Number], (_n): 'number' => 'number'),
  when([Object], (_o): 'object' => 'object'),
);
expectType<'number'>(firstWins(1));
expectType<'object'>(firstWins('x'));

// `this` passes through: a case may declare its `this`.
const withThis = overload(function (this: { factor: number }, n: number) {
  return n * this.factor;
});
expectType<number>(withThis.call({ factor: 2 }, 3));

// A case must be a function.
expectError(overload(1));
