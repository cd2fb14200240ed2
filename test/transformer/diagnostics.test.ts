import { afterAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { messages } from '../../transformer/lower/diagnostics.js';
import { project, removeProjects } from '../support/project.js';
import { drivePlugin } from '../support/vite-plugin.js';

afterAll(removeProjects);

/** Compiles one file through the plugin and returns the diagnostics it fails with (none: []). */
function diagnostics(source: string, compilerOptions: Record<string, unknown> = {}): string[] {
  const dir = project({ 'input.ts': source }, compilerOptions);
  const plugin = drivePlugin(dir);
  const file = join(dir, 'input.ts');
  try {
    plugin.transform(file, readFileSync(file, 'utf8'));
    return [];
  } catch (error) {
    // tsc's form, `input.ts(5,21): error TS990001: duckcall: …`, as line:column and the message.
    return (error as Error).message.split('\n').map((line) => line.replace(/^input\.ts\((\d+),(\d+)\): error TS990001: /, '$1:$2 '));
  }
}

const shapes = `import { overload } from 'duckcall';
interface Circle { kind: 'circle'; r: number }
`;

describe.each([
  ['TC39 decorators', {}],
  ['legacy decorators', { experimentalDecorators: true }],
])('@overload methods of one class, %s', (_, options) => {
  it('reports a duplicate case at the later method', () => {
    const source = `${shapes}export class A {
  @overload('area') one(s: Circle) { return 1 }
  @overload('area') two(c: Circle) { return 2 }
}
`;
    expect(diagnostics(source, options)).toEqual([`5:21 duckcall: ${messages.duplicateMethod('area', 'two', 'one')}`]);
  });

  it('reports a shadowed case, and nothing for cases of different sets or of static and instance sides', () => {
    const source = `${shapes}export class A {
  @overload('f') wide(s: string) { return 1 }
  @overload('f') narrow(s: 'x') { return 2 }
  @overload('g') other(s: 'x') { return 3 }
  @overload('f') static alsoWide(s: string) { return 4 }
}
`;
    expect(diagnostics(source, options)).toEqual([`5:18 duckcall: ${messages.shadowedMethod('f', 'narrow', 'wide')}`]);
  });

  it('leaves a subclass case with its parent case’s types alone: that is a replacement', () => {
    const source = `${shapes}export class A { @overload('area') one(s: Circle) { return 1 } }
export class B extends A { @overload('area') two(s: Circle) { return 2 } }
`;
    expect(diagnostics(source, options)).toEqual([]);
  });
});

describe('overload() cases', () => {
  it('rejects a function with several signatures but one body', () => {
    const source = `import { overload } from 'duckcall';
function g(a: string): string;
function g(a: number): string;
function g(a: unknown): string { return String(a) }
export const f = overload(g, (b: boolean) => 'b');
`;
    expect(diagnostics(source)).toEqual([`5:27 duckcall: ${messages.signatureOverloads('g')}`]);
  });
});

describe('checks that could only say one thing are compile errors', () => {
  it('reports a rest element before the end of a parameter list, instead of code that fails when it loads', () => {
    const source = `import { overload } from 'duckcall';
export const f = overload(
  (...a: [number, ...string[], boolean]) => a.length,
  (s: string) => s,
);
`;
    expect(diagnostics(source)).toEqual([
      `3:3 duckcall: ${messages.unsupported('a parameter list with a rest element before its end (arguments are matched left to right: put the rest last)')}`,
    ]);
  });

  it('reports is/assert/validate/protocol of a type parameter with no constraint, naming it', () => {
    const source = `import { is, assert, validate, protocol } from 'duckcall';
export function check<T>(v: unknown): v is T { return is<T>(v) }
export function must<Item>(v: unknown): void { assert<Item>(v) }
export const both = <T, U extends { id: string }>(v: unknown) => [validate<T>(v), protocol<T>(), is<U>(v)];
`;
    expect(diagnostics(source)).toEqual([
      `2:55 duckcall: ${messages.unconstrainedTypeParameter('is', 'T')}`,
      `3:48 duckcall: ${messages.unconstrainedTypeParameter('assert', 'Item')}`,
      `4:67 duckcall: ${messages.unconstrainedTypeParameter('validate', 'T')}`,
      `4:83 duckcall: ${messages.unconstrainedTypeParameter('protocol', 'T')}`,
    ]);
  });

  it('reports overload cases that only brands tell apart', () => {
    const source = `import { overload } from 'duckcall';
type UserId = string & { readonly __brand: 'UserId' };
type OrderId = string & { readonly __brand: 'OrderId' };
export const load = overload(
  (id: UserId) => 'user',
  (id: OrderId) => 'order',
  (n: number) => 'number',
);
`;
    expect(diagnostics(source)).toEqual([`6:3 duckcall: ${messages.brandOnly(1, 0, "(id: OrderId) => 'order'", "(id: UserId) => 'user'")}`]);
  });

  it('reports a guard that no value can pass', () => {
    const source = `import { is } from 'duckcall';
interface Never { kind: 'x'; impossible: never }
export const a = (v: unknown) => is<never>(v);
export const b = (v: unknown) => is<Never>(v);
`;
    expect(diagnostics(source)).toEqual([
      `3:34 duckcall: ${messages.impossible('never')}`,
      `4:34 duckcall: ${messages.impossible('Never: its property impossible has type never, so no value is a Never')}`,
    ]);
  });
});
