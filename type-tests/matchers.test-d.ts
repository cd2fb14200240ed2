/** `when(matchers, fn)`: parameter types from matchers, optional / rest / literal / protocol / schema. */
import { expectError, expectType } from 'tsd';
import { optional, overload, rest, when, type ArgsOf, type MatchedBy, type Protocol, type StandardSchemaV1 } from 'duckcall';

interface Circle { kind: 'circle'; r: number }
declare const circle: Circle;
class Money {
  constructor(readonly cents: number) {}
}

// when returns a stand-in for fn, with the same type.
const twice = (n: number) => n * 2;
expectType<(n: number) => number>(when([Number], twice));

// Constructors of primitives give the primitive; other constructors give their instances.
when([String, Number, Boolean, BigInt, Symbol], (s, n, b, big, sym) => {
  expectType<string>(s);
  expectType<number>(n);
  expectType<boolean>(b);
  expectType<bigint>(big);
  expectType<symbol>(sym);
});
when([Date, Map, Money, Array, Function, Object], (d, m, money, arr, fn, obj) => {
  expectType<Date>(d);
  expectType<Map<unknown, unknown>>(m);
  expectType<Money>(money);
  expectType<unknown[]>(arr);
  expectType<Function>(fn);
  expectType<{}>(obj);
});

// A type-guard predicate gives its guarded type; a plain predicate gives unknown.
const isCircle = (v: unknown): v is Circle => typeof v === 'object' && v !== null && 'r' in v;
const isTruthy = (v: unknown): boolean => !!v;
when([isCircle, isTruthy], (c, t) => {
  expectType<Circle>(c);
  expectType<unknown>(t);
});

// Literals give literal types.
when(['hex', 1, true, 2n, null, undefined], (h, one, yes, two, nil, undef) => {
  expectType<'hex'>(h);
  expectType<1>(one);
  expectType<true>(yes);
  expectType<2n>(two);
  expectType<null>(nil);
  expectType<undefined>(undef);
});

// optional(m) gives an optional parameter; rest(m) a rest parameter.
expectType<[number, (string | undefined)?]>(null as unknown as ArgsOf<[NumberConstructor, ReturnType<typeof optional<StringConstructor>>]>);
const fmt = overload(
  when([Number, optional(Number)], (n, digits = 2) => {
    expectType<number>(n);
    expectType<number>(digits);
    return n.toFixed(digits);
  }),
  when([Date], (d) => d.toISOString()),
  when(['hex', Number], (_, n) => {
    expectType<'hex'>(_);
    return n.toString(16);
  }),
  when([String, rest(String)], (...parts) => {
    expectType<[string, ...string[]]>(parts);
    return parts.length;
  }),
);
expectType<string>(fmt(1));
expectType<string>(fmt(1, 3));
expectType<string>(fmt(1, undefined));
expectType<string>(fmt(new Date()));
expectType<string>(fmt('hex', 255));
expectType<number>(fmt('a'));
expectType<number>(fmt('a', 'b', 'c'));
expectError(fmt(true));
expectError(fmt(1, 'two'));
expectError(fmt('a', 1));
expectError(fmt());

// A fn whose parameters do not fit the matchers is rejected.
expectError(when([Number], (s: string) => s));
expectError(when([Number], (a: number, b: number) => a + b));

// A rest matcher must be written with rest(); optional/rest take a plain matcher.
expectError(optional(optional(Number)));
expectError(rest(rest(String)));

// Protocols and Standard Schema objects give the type they check.
declare const CircleP: Protocol<Circle>;
declare const stringSchema: StandardSchemaV1<string>;
when([CircleP, stringSchema], (c, s) => {
  expectType<Circle>(c);
  expectType<string>(s);
});
const describeIt = overload(
  when([CircleP], (c) => c.r),
  when([stringSchema], (s) => s.toUpperCase()),
);
expectType<number>(describeIt(circle));
expectType<string>(describeIt('x'));
expectError(describeIt(1));

// A schema that transforms its input: the case receives the value as passed (the input type).
declare const parsesNumber: StandardSchemaV1<string, number>;
expectType<string>(null as unknown as MatchedBy<typeof parsesNumber>);
when([parsesNumber], (raw) => {
  expectType<string>(raw);
});

// Something that is no matcher is rejected.
expectError(when([{}], () => 0));
expectError(when([[Number]], () => 0));
