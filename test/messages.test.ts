/**
 * "duckcall's compile step did not run": every SetupError that means it (typed overload cases, is<T>()
 * and friends, @overload without matchers) ends with the same few lines saying how to set it up for
 * each toolchain: ts-patch, a bundler plugin, or `duckcall generate` for TypeScript 7.
 */
import { describe, expect, it } from 'vitest';
import { SetupError, is, overload } from '../src/index.js';
import { ENGINE_SETUP, caseWithoutGuards, decoratorWithoutGuards, indistinguishable, transformerMissing } from '../src/messages.js';
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

  it('@overload(name) without matchers, applied as a TC39 decorator', () => {
    // What TypeScript passes a TC39 method decorator (this file is not compiled with decorators).
    const context = { kind: 'method', name: 'areaOfCircle', static: false, metadata: {}, addInitializer() {} };

    const decorate = overload('area') as unknown as (fn: Function, c: unknown) => void;

    const error = thrown(() => decorate(function areaOfCircle() {}, context));

    expect(error).toEqual(new SetupError(decoratorWithoutGuards('prototype', 'areaOfCircle', 'area')));
    expect((error as Error).message).toContain(ENGINE_SETUP);
  });
});
