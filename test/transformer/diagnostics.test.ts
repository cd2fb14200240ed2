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
