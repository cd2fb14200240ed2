/**
 * The representative types of the hostile-input suite, each with its `is`, `assert` and `validate`
 * compiled by duckcall (this module goes through the duckcall Vite plugin like the tests do).
 */
import { assert, is, validate, type Validation } from '../../../../src/index.js';

export interface Profile { id: number; name?: string; tags?: string[] }
export type Shape = { kind: 'circle'; r: number } | { kind: 'rect'; w: number; h: number };
export interface List { value: number; next: List | null }
export interface Tree { label: string; children: Tree[] }
export type Scores = Record<string, number>;
export type Row = [string, ...number[]];
export type Index = Map<string, number[]>;
export type Tags = Set<string>;
export type Route = `/users/${number}`;
export class Account {
  #balance = 0;
  deposit(amount: number): number {
    this.#balance += amount;
    return this.#balance;
  }
}
export type Person = { name: string } & { age: number };
export interface Dict { version: number; [key: string]: number | string }
export type Scalar = number | bigint | symbol;

/** One type's compiled checks. */
export interface Subject {
  readonly is: (value: unknown) => boolean;
  readonly assert: (value: unknown) => void;
  readonly validate: (value: unknown) => Validation<unknown>;
}

export const subjects = {
  Profile: { is: (v) => is<Profile>(v), assert: (v) => { assert<Profile>(v); }, validate: (v) => validate<Profile>(v) },
  Shape: { is: (v) => is<Shape>(v), assert: (v) => { assert<Shape>(v); }, validate: (v) => validate<Shape>(v) },
  List: { is: (v) => is<List>(v), assert: (v) => { assert<List>(v); }, validate: (v) => validate<List>(v) },
  Tree: { is: (v) => is<Tree>(v), assert: (v) => { assert<Tree>(v); }, validate: (v) => validate<Tree>(v) },
  Scores: { is: (v) => is<Scores>(v), assert: (v) => { assert<Scores>(v); }, validate: (v) => validate<Scores>(v) },
  Row: { is: (v) => is<Row>(v), assert: (v) => { assert<Row>(v); }, validate: (v) => validate<Row>(v) },
  Index: { is: (v) => is<Index>(v), assert: (v) => { assert<Index>(v); }, validate: (v) => validate<Index>(v) },
  Tags: { is: (v) => is<Tags>(v), assert: (v) => { assert<Tags>(v); }, validate: (v) => validate<Tags>(v) },
  Date: { is: (v) => is<Date>(v), assert: (v) => { assert<Date>(v); }, validate: (v) => validate<Date>(v) },
  Route: { is: (v) => is<Route>(v), assert: (v) => { assert<Route>(v); }, validate: (v) => validate<Route>(v) },
  Account: { is: (v) => is<Account>(v), assert: (v) => { assert<Account>(v); }, validate: (v) => validate<Account>(v) },
  Person: { is: (v) => is<Person>(v), assert: (v) => { assert<Person>(v); }, validate: (v) => validate<Person>(v) },
  Dict: { is: (v) => is<Dict>(v), assert: (v) => { assert<Dict>(v); }, validate: (v) => validate<Dict>(v) },
  Scalar: { is: (v) => is<Scalar>(v), assert: (v) => { assert<Scalar>(v); }, validate: (v) => validate<Scalar>(v) },
} satisfies Record<string, Subject>;

export type TypeName = keyof typeof subjects;
export const typeNames = Object.keys(subjects) as TypeName[];
