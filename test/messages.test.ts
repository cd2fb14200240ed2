/**
 * "duckcall's compile step did not run": every SetupError that means it (typed overload cases, is<T>()
 * and friends, @overload without matchers) ends with the same few lines saying how to set it up for
 * each toolchain: ts-patch, a bundler plugin, or `duckcall generate` for TypeScript 7.
 */
import { describe, expect, it } from 'vitest';
import { SetupError, is, overload } from '../src/index.js';
import { ENGINE_SETUP, caseWithoutGuards, decoratorWithoutGuards, indistinguishable, transformerMissing } from '../src/messages.js';
import { run } from './support/compile.js';
import { thrown } from './support/thrown.js';

describe('how to set up the compile step', () => {
  it('names the ts-patch plugin line, every bundler entry and duckcall generate for TypeScript 7', () => {
    const lines = ENGINE_SETUP.split('\n');

    expect(lines).toHaveLength(4);
    expect(lines.find((l) => l.includes('tsc 5.9/6'))).toContain('"plugins": [{ "transform": "duckcall/transformer" }]');
    expect(lines.find((l) => l.includes('tsc 5.9/6'))).toContain('tspc');
    const bundlers = lines.find((l) => l.includes('duckcall/vite'))!;
    for (const entry of ['rollup', 'rolldown', 'esbuild', 'webpack', 'rspack']) expect(bundlers).toContain(`/${entry}`);
    const ahead = lines.find((l) => l.includes('duckcall generate'))!;
    expect(ahead).toContain('TypeScript 7');
    expect(ahead).toContain('--out-dir');
  });

  it('stays short: it ships to browsers inside the runtime', () => {
    expect(new TextEncoder().encode(ENGINE_SETUP).length).toBeLessThanOrEqual(320);
  });

  it.each<[string, string]>([
    ['is<T>() and friends', transformerMissing('is')],
    ['a typed overload case', caseWithoutGuards(0, 'circleArea')],
    ['@overload without matchers', decoratorWithoutGuards('Shapes', 'areaOfCircle', 'area')],
    ['@overload cases that design:paramtypes cannot tell apart', indistinguishable('Shapes', 'areaOfCircle', 'areaOfRect', 'area', 'Object')],
  ])('%s: the message ends with the set-up lines', (_what, message) => {
    expect(message.endsWith(`\n${ENGINE_SETUP}`)).toBe(true);
    // The first line still says what went wrong, on its own.
    expect(message.split('\n')[0]).not.toContain('duckcall/transformer');
  });
});

describe('the runtime throws those messages when the compile step did not run', () => {
  it('is<T>()', () => {
    const error = thrown(() => is<{ a: number }>({ a: 1 }));

    expect(error).toEqual(new SetupError(transformerMissing('is')));
    expect((error as Error).message).toContain(ENGINE_SETUP);
  });

  it('overload() with a typed case that has no guards', () => {
    // Typed here, but this file is not compiled by duckcall: the case reaches the runtime bare.
    const error = thrown(() => overload(function circleArea(s: { r: number }) { return s.r }));

    expect(error).toEqual(new SetupError(caseWithoutGuards(0, 'circleArea')));
    expect((error as Error).message).toContain(ENGINE_SETUP);
  });

  it('@overload(name) without matchers (TC39 decorators, compiled without duckcall)', () => {
    // Arrange: a typed case with no matchers, compiled by plain TypeScript as a user's build would.
    const source = `
      import { overload } from 'duckcall';
      export class Shapes {
        @overload('area') areaOfCircle(s: { r: number }): number { return Math.PI * s.r ** 2 }
      }
    `;

    // Act: a TC39 decorator is not told its class, so the named error comes at the first construction.
    const error = thrown(() => {
      const { Shapes } = run<{ Shapes: new () => unknown }>(source, { mode: 'tc39' });
      return new Shapes();
    });

    // Assert
    expect(error).toEqual(new SetupError(decoratorWithoutGuards('Shapes', 'areaOfCircle', 'area')));
    expect((error as Error).message).toContain(ENGINE_SETUP);
  });
});
