/**
 * The transformer as ts-patch runs it: each project under fixtures/ is compiled by the real `tspc`
 * with `"plugins": [{ "transform": "duckcall/transformer" }]`, in a scratch directory whose
 * node_modules holds the package freshly built from this checkout, and the output is run with Node.
 * Diagnostics are asserted as [file, line, column, message], with messages from the builders.
 */
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arity, noMatchingOverload } from '../../src/messages.js';
import { messages } from '../../transformer/lower/diagnostics.js';
import { buildPackage, exec, linkFromRepository, root, tspc, type Finished } from '../support/pack.js';

const fixtures = join(root, 'test', 'transformer', 'fixtures');
const projects = ['run', 'legacy', 'diagnostics', 'clean'] as const;
type Project = (typeof projects)[number];

const scratch = mkdtempSync(join(tmpdir(), 'duckcall-tspc-'));
const compiled = {} as Record<Project, Finished>;

/** What tspc printed, stdout and stderr together. */
const printed = (project: Project): string => compiled[project].stdout + compiled[project].stderr;

/** Runs one compiled program of a fixture and parses the JSON line it prints. */
async function runProgram(project: Project, file: string): Promise<Record<string, any>> {
  const result = await exec(process.execPath, [join('out', file)], join(scratch, project));
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout) as Record<string, any>;
}

/** `file(line,col): error TS990001: message` lines, as [file, line, column, message]. */
function diagnosticsIn(output: string): [string, number, number, string][] {
  return output
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const match = /^(.+)\((\d+),(\d+)\): error TS\d+: (.*)$/.exec(line);
      if (!match) throw new Error(`not a diagnostic line: ${line}`);
      return [match[1]!, Number(match[2]), Number(match[3]), match[4]!];
    });
}

/** As diagnosticAt words it. */
const duckcall = (text: string): string => `duckcall: ${text}`;

beforeAll(async () => {
  buildPackage(join(scratch, 'node_modules', 'duckcall'));
  for (const name of ['typescript', '@types/node', 'reflect-metadata']) linkFromRepository(scratch, name);
  for (const project of projects) cpSync(join(fixtures, project), join(scratch, project), { recursive: true, filter: (path) => !/[\\/]out$/.test(path) });
  const results = await Promise.all(projects.map((project) => exec(process.execPath, [tspc, '-p', 'tsconfig.json', '--pretty', 'false'], join(scratch, project))));
  projects.forEach((project, i) => (compiled[project] = results[i]!));
}, 180_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('tspc with duckcall/transformer', () => {
  it('never crashes on any fixture, unsupported types included: no stack trace, no internal error', () => {
    const [internalError] = messages.internal('\0').split('\0');

    for (const project of projects) {
      expect(printed(project), project).not.toMatch(/^ {4}at /m);
      expect(printed(project), project).not.toContain(internalError);
      expect(compiled[project].stderr, project).toBe('');
      expect(compiled[project].status, project).not.toBeNull();
    }
  });

  it('compiles well-formed code, near misses for the shadowing check included, with exit code 0 and no output', async () => {
    expect(printed('clean')).toBe('');
    expect(compiled.clean.status).toBe(0);

    const loaded = await exec(process.execPath, [join('out', 'near-misses.js')], join(scratch, 'clean'));
    expect(loaded).toEqual({ status: 0, stdout: '', stderr: '' });
  });

  it('reports duplicate, shadowed and unsupported cases at the node, as errors (exit code 2)', () => {
    const file = 'cases.ts';
    const keyed = messages.unsupported('the property [key] of Keyed (a symbol key other than a well-known symbol)');
    const upper = messages.unsupported('the string mapping type Uppercase<string>');

    expect(diagnosticsIn(printed('diagnostics'))).toEqual([
      [file, 11, 3, duckcall(messages.duplicate(1, 0, '(m: number) => number'))],
      [file, 17, 3, duckcall(messages.shadowed(1, 0, "(s: 'exact') => number", '(s: string) => string'))],
      [file, 19, 3, duckcall(messages.shadowed(3, 2, '(c: Circle & { label: string; }) => string', '(c: Circle) => number'))],
      [file, 21, 3, duckcall(messages.shadowed(5, 4, '(n: number) => number', '(n: number, m?: number) => number'))],
      [file, 25, 31, duckcall(keyed)],
      [file, 26, 31, duckcall(upper)],
      [file, 27, 43, duckcall(upper)],
      // The same type again: reported again, not checked with what was built before it failed.
      [file, 28, 47, duckcall(keyed)],
      [file, 31, 45, duckcall(messages.needsTypeArgument('is'))],
      [file, 31, 76, duckcall(messages.needsTypeArgument('assert'))],
      [file, 31, 97, duckcall(messages.needsTypeArgument('protocol'))],
      [
        file,
        38,
        19,
        duckcall(
          messages.unsupported(
            'the class Hidden: it has private or protected members, so it is checked with instanceof, but it is not reachable as a value here (import it)',
          ),
        ),
      ],
      [file, 43, 3, duckcall(keyed)],
      [file, 52, 2, duckcall(messages.needsTypeArgument('implement'))],
    ]);
    // Like any error (or even a warning) under tspc: outputs generated, exit code 2.
    expect(compiled.diagnostics.status).toBe(2);
  });
});

describe('programs compiled by tspc (TC39 decorators)', () => {
  it('compile with no diagnostics', () => {
    expect(printed('run')).toBe('');
    expect(compiled.run.status).toBe(0);
    expect(readdirSync(join(scratch, 'run', 'out')).sort()).toEqual(['decorators.js', 'overloads.js', 'protocols.js', 'shapes.js']);
  });

  it('run typed overloads: each call runs the first case whose parameter types accept the arguments', async () => {
    const out = await runProgram('run', 'overloads.js');
    const noMatch = (value: unknown) =>
      noMatchingOverload('area', [value], [
        { signature: '(s: Circle) => number', errors: [{ path: '$args[0]', expected: 'Circle', value }] },
        { signature: '(s: Rect) => number', errors: [{ path: '$args[0]', expected: 'Rect', value }] },
        { signature: '(w: number, h: number) => number', errors: [{ path: '$args', expected: arity(2, 2), value: 1 }] },
      ]);

    expect(out.area).toEqual([Math.PI, 6, 6]);
    expect(out.areaError).toEqual({ name: 'NoMatchingOverloadError', code: 'ERR_NO_MATCHING_OVERLOAD', message: noMatch('x') });
    expect(out.areaNoMatch).toEqual({ name: 'NoMatchingOverloadError', code: 'ERR_NO_MATCHING_OVERLOAD', message: noMatch(true) });
    expect(out.areaIsNoMatch).toBe(true);
    expect(out.areaCases).toEqual(['(s: Circle) => number', '(s: Rect) => number', '(w: number, h: number) => number']);
    expect([out.whichRect, out.whichNone]).toEqual([1, true]);
    expect(out.spliced).toEqual([6, 10, 4, 3]);
    expect(out.fmt).toEqual(['1.50', '1.235', '1970-01-01T00:00:00.000Z', 'ff', 'a b c', '']);
    expect(out.fmtUndefinedDigits).toBe('2.00');
    expect(out.fmtTooMany).toBe('NoMatchingOverloadError');
    expect(out.tupleRest).toEqual(['n=1 s=-', 'n=1 s=x', 'NoMatchingOverloadError']);
    expect(out.kind).toEqual([
      'color Green',
      'unit em',
      'user user-42',
      'string|boolean user-x',
      'bigint 10',
      'symbol s',
      'nullish null',
      'nullish undefined',
      'string|boolean true',
    ]);
    expect(out.kindRejects).toBe('NoMatchingOverloadError');
    expect(out.data).toEqual(['pair a=1', 'numbers 3', 'map 1', 'dates 1', 'tree 1', 'flags 2']);
    expect(out.dataRejects).toEqual(['NoMatchingOverloadError', 'NoMatchingOverloadError', 'NoMatchingOverloadError']);
    // Money has #cents, so only instances are Money; Point is structural; the look-alike is not Money.
    expect(out.classes).toEqual(['money 250', 'point 1,2', 'lookalike 3', 'point 3,4']);
    expect(out.thisPassed).toBe(15);
    expect(out.generic).toEqual(['string a', 'number 1']);
    expect(out.thrown).toEqual({ name: 'RangeError', message: 'bad 1' });
    expect(out.mixed).toEqual([3, 'ABC']);
    expect(out.async).toBe(42);
  });

  it('run is / assert / validate / protocol / @implement', async () => {
    const out = await runProgram('run', 'protocols.js');
    const notAFunction = { path: '$input.eatBread', expected: 'a method', value: 'not a function' };

    expect(out.is).toEqual([true, false, false, false]);
    expect(out.narrowed).toBe('Donald');
    expect(out.nested).toEqual([true, false, false]);
    expect(out.validateOk).toEqual({ success: true, data: { name: 'Ann', pet: { age: 3 }, tags: ['a'] } });
    expect(out.validateBad).toEqual({
      success: false,
      errors: [
        { path: '$input.name', expected: 'string', value: 1 },
        { path: '$input.tags[1]', expected: 'string', value: 2 },
        { path: '$input.tags[3]', expected: 'string', value: 4 },
      ],
    });
    expect(out.assert).toEqual({ name: 'ProtocolError', code: 'ERR_PROTOCOL', isProtocolError: true, isTypeError: true, errors: [notAFunction] });
    expect(out.assertedName).toBe('Donald');
    expect(out.cyclic).toEqual([true, false, false]);
    expect(out.unchanged).toBe(true);
    expect(out.protocol).toEqual({ name: 'EatsBread', is: [true, false], vendor: 1, standardOk: true, standardIssues: 1 });
    expect(out.feed).toEqual(['Donald eats 20 g', 'not a duck: rock']);
    expect(out.implemented).toEqual(['Daisy', 'function']);
    expect(out.impostor).toEqual({ name: 'ProtocolError', code: 'ERR_PROTOCOL', paths: ['$input.prototype.eatBread'] });
    expect(out.mute.name).toBe('ProtocolError');
    expect(out.mute.message).toMatch(/^Mute does not implement EatsBread\b/);
    expect(out.symbolMethods).toEqual(['function', true, false, true]);
    expect(out.sizeOnly).toEqual([`$input.prototype[${String(Symbol.iterator)}]`]);
  });

  it('run @overload methods: installed at class definition, static sets, subclasses, class expressions', async () => {
    const out = await runProgram('run', 'decorators.js');

    expect(out.installedAtDefinition).toEqual(['function', 'function']);
    expect(out.area).toEqual([6, Math.PI]);
    expect(out.ownNames).toEqual([20, 'text x']);
    expect(out.thisPassed).toEqual(['shapes: one 1', 'shapes: two 1 b', 'other: one 2']);
    expect(out.parse).toEqual(['text abc', 'bytes 4']);
    expect(out.noMatch.name).toBe('NoMatchingOverloadError');
    expect(out.noMatch.message).toMatch(/^No overload of Shapes\.area\(\) accepts \(object\)\.\n/);
    expect(out.noMatch.message).toContain('$args[0].w: expected number, got string');
    expect(out.cases).toEqual([expect.stringMatching(/^areaOfCircle\(.*Circle.*\)/), expect.stringMatching(/^areaOfRect\(.*Rect.*\)/)]);
    expect(out.subclass).toEqual([9, -1, Math.PI]);
    expect(out.parentUnchanged).toEqual([6, true]);
    expect(out.subclassCases).toEqual([
      expect.stringMatching(/^areaOfSquare\(/),
      expect.stringMatching(/^areaOfRectAgain\(/),
      expect.stringMatching(/^areaOfCircle\(/),
    ]);
    expect(out.classExpression).toEqual([4, 'abab']);
  });
});

describe('programs compiled by tspc (experimentalDecorators + emitDecoratorMetadata)', () => {
  it('compile with no diagnostics', () => {
    expect(printed('legacy')).toBe('');
    expect(compiled.legacy.status).toBe(0);
  });

  it('use the generated guards, not design:paramtypes (which records Object for both interfaces)', async () => {
    const out = await runProgram('legacy', 'decorators.js');

    expect(out.metadataRecorded).toEqual(['Object']);
    expect(out.area).toEqual([6, Math.PI]);
    expect(out.scale).toEqual(['shapes x2', 'shapes x2em', 'shapes to 3x4']);
    expect(out.parse).toEqual(['text abc', 'bytes 2']);
    expect(out.noMatch).toBe('NoMatchingOverloadError');
    expect(out.cases).toEqual([expect.stringMatching(/^areaOfCircle\(/), expect.stringMatching(/^areaOfRect\(/)]);
    expect(out.subclass).toEqual([9, -1, Math.PI]);
    expect(out.parentUnchanged).toBe(6);
    expect(out.implemented).toBe('Daisy');
    expect(out.mute).toEqual({ name: 'ProtocolError', paths: ['$input.prototype.eatBread'] });
  });
});
