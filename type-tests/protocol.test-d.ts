/** is / assert / validate / protocol / implement. */
import { expectAssignable, expectError, expectType } from 'tsd';
import { assert, implement, is, protocol, validate, type Issue, type Protocol, type StandardSchemaV1, type Validation } from 'duckcall';

interface EatsBread {
  eatBread(grams: number): void;
  readonly name: string;
}
declare const duck: unknown;

// is narrows.
if (is<EatsBread>(duck)) {
  expectType<EatsBread>(duck);
} else {
  expectType<unknown>(duck);
}
expectType<boolean>(is<EatsBread>(duck));

// assert narrows for the rest of the scope.
function fed(value: unknown): string {
  assert<EatsBread>(value);
  expectType<EatsBread>(value);
  return value.name;
}
expectType<string>(fed(duck));

// validate returns Validation<T>.
const result = validate<EatsBread>(duck);
expectType<Validation<EatsBread>>(result);
if (result.success) {
  expectType<EatsBread>(result.data);
} else {
  expectType<Issue[]>(result.errors);
  expectType<string>(result.errors[0]!.path);
  expectType<string>(result.errors[0]!.expected);
  expectType<unknown>(result.errors[0]!.value);
}
expectError(result.data);

// protocol<T>() is reusable and a Standard Schema whose output is T.
// An assertion method needs an explicitly typed receiver (a TypeScript rule), hence the annotation.
const EatsBreadP: Protocol<EatsBread> = protocol<EatsBread>();
expectType<Protocol<EatsBread>>(EatsBreadP);
expectType<string>(EatsBreadP.name);
expectType<Validation<EatsBread>>(EatsBreadP.validate(duck));
expectAssignable<StandardSchemaV1<unknown, EatsBread>>(EatsBreadP);
expectType<EatsBread>(null as unknown as StandardSchemaV1.InferOutput<typeof EatsBreadP>);
if (EatsBreadP.is(duck)) expectType<EatsBread>(duck);
function fedByProtocol(value: unknown): number {
  EatsBreadP.assert(value);
  expectType<EatsBread>(value);
  return value.name.length;
}
expectType<number>(fedByProtocol(duck));

// protocol({ name, is }) builds one by hand from a guard.
const isNamed = (v: unknown): v is { name: string } => typeof v === 'object' && v !== null && typeof (v as { name?: unknown }).name === 'string';
expectType<Protocol<{ name: string }>>(protocol({ name: 'Named', is: isNamed }));
expectError(protocol({ name: 'Named' }));

// @implement<T>() accepts a class whose instances fit T, and rejects one whose instances do not.
@implement<EatsBread>()
class Duck {
  readonly name = 'duck';
  eatBread(grams: number): void {
    void grams;
  }
}
expectType<'duck'>(new Duck().name);
expectAssignable<EatsBread>(new Duck());

expectError(
  @implement<EatsBread>()
  class Rock {
    readonly name = 'rock';
  },
);
expectError(
  @implement<EatsBread>()
  class WrongBread {
    readonly name = 'wrong';
    eatBread(grams: string): void {
      void grams;
    }
  },
);
