/**
 * Type texts printed without the checker: a non-generic interface, class or type alias exported by a
 * module is named by its declaration (`ShapeBuilder.text`, `qualifiedText`), intrinsic and literal
 * types, arrays and plain object type literals are written (`ShapeBuilder.text`), and a function whose
 * parameters are simply typed is written from its declaration (`signatureText`): each must give
 * exactly the text the checker prints for it. Judged by the checker over every type declared in this
 * repository's own program (its sources, tests and the declaration files they load) and over a
 * project of the declarations that must not take the short way.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { declaredName, ShapeBuilder, writtenTypeText } from '../transformer/analyze/shape.js';
import { signatureText, writtenSignature } from '../transformer/lower/parameters.js';
import { project, removeProjects, root } from './support/project.js';

afterAll(removeProjects);

const TEXT = ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseSingleQuotesForStringLiteralType;
const QUALIFIED = ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseFullyQualifiedType;

/** The synthetic projects are checked under each of these (their other options: test/support/project.ts). */
const OPTION_SETS: readonly (readonly [string, Record<string, unknown>])[] = [
  ['strict', {}],
  ['not strict', { strict: false }],
  ['exactOptionalPropertyTypes', { exactOptionalPropertyTypes: true }],
];

const programs = new Map<string, ts.Program>();

function programOf(configPath: string): ts.Program {
  const known = programs.get(configPath);
  if (known) return known;
  const config = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => { throw new Error(String(d.messageText)); } });
  if (!config) throw new Error(`cannot read ${configPath}`);
  const program = ts.createProgram(config.fileNames, config.options);
  programs.set(configPath, program);
  return program;
}

/** Every type an interface, class, type alias or enum declares, anywhere in the program's files. */
function declaredTypes(program: ts.Program): ts.Type[] {
  const checker = program.getTypeChecker();
  const types: ts.Type[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isInterfaceDeclaration(node) || ts.isClassDeclaration(node) || ts.isTypeAliasDeclaration(node) || ts.isEnumDeclaration(node)) && node.name) {
      types.push(checker.getTypeAtLocation(node.name));
    }
    ts.forEachChild(node, visit);
  };
  for (const file of program.getSourceFiles()) visit(file);
  return types;
}

/** Compares both texts of every declared type with the checker's; returns how many took the short way. */
function compare(program: ts.Program): { declared: number; short: number; attributes: number } {
  const checker = program.getTypeChecker();
  const shapes = new ShapeBuilder(checker, program);
  let short = 0;
  let attributes = 0;
  const types = declaredTypes(program);
  for (const type of types) {
    if (declaredName(type)) short++;
    const qualified = checker.typeToString(type, undefined, QUALIFIED);
    if (qualified.includes('"resolution-mode"')) attributes++;
    expect(shapes.text(type)).toBe(checker.typeToString(type, undefined, TEXT));
    expect(shapes.qualifiedText(type)).toBe(qualified.replace(/(import\("[^"]*"), \{ with: \{ "resolution-mode": "(?:import|require)" \} \}\)/g, '$1)'));
  }
  return { declared: types.length, short, attributes };
}

describe('type texts named by their declaration', () => {
  it("equal the checker's over every type declared in this repository's program", () => {
    const { declared, short } = compare(programOf(join(root, 'test', 'tsconfig.json')));
    // Both ways are exercised: thousands of declarations, hundreds of them named the short way.
    expect(declared).toBeGreaterThan(2000);
    expect(short).toBeGreaterThan(200);
    expect(declared - short).toBeGreaterThan(1000);
  }, 120_000);

  it("equal the checker's where a declaration must not take the short way (NodeNext, defaults, namespaces, UMD)", () => {
    const dir = project(
      {
        'shapes.ts': `
export interface Circle { kind: 'circle'; r: number }
export class Vec { constructor(readonly x: number) {} }
export type Shape = Circle | { kind: 'square'; side: number };
export type Id = string;
export interface Box<T> { value: T }
export type Boxed = Box<Circle>;
export default class Main { m = 1 }
interface Hidden { h: true }
export type Leak = Hidden;
export namespace Space { export interface Inner { i: number } }
export interface Merged { a: number }
export namespace Merged { export const b = 1; }
export enum Color { Red, Green }
export function local() { interface Local { l: string } return null as unknown as Local; }
export const enum Flag { On = 1 }
`,
        'umd.d.ts': `export as namespace Lib;\nexport interface Exposed { e: number }\n`,
        'ambient.d.ts': `declare module 'ambient' { export interface FromAmbient { f: number } }\n`,
        'script.ts': `interface Global { g: number }\n`,
        'main.ts': `import type { Exposed } from './umd.js';\nimport type { FromAmbient } from 'ambient';\nexport type Both = Exposed & FromAmbient;\nexport interface Uses { e: Exposed; f: FromAmbient }\n`,
      },
      { module: 'NodeNext', moduleResolution: 'NodeNext' },
    );
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
    const { declared, short, attributes } = compare(programOf(join(dir, 'tsconfig.json')));
    expect(declared).toBeGreaterThan(15);
    expect(short).toBeGreaterThanOrEqual(4);
    // The checker's fully qualified texts carried NodeNext's import attributes, which are left out.
    expect(attributes).toBeGreaterThan(0);
  });
});

/** Compares the text of the type of every type node in the program's own files with the checker's. */
function compareTypeNodes(program: ts.Program): { nodes: number; written: number } {
  const checker = program.getTypeChecker();
  const shapes = new ShapeBuilder(checker, program);
  let nodes = 0;
  let written = 0;
  const visit = (node: ts.Node): void => {
    if (ts.isTypeNode(node) && !ts.isTypePredicateNode(node) && !ts.isThisTypeNode(node)) {
      const type = checker.getTypeFromTypeNode(node);
      nodes++;
      const text = writtenTypeText(type, checker);
      if (text !== undefined) {
        written++;
        expect(text, node.getText()).toBe(checker.typeToString(type, undefined, TEXT));
      }
      expect(shapes.text(type), node.getText()).toBe(checker.typeToString(type, undefined, TEXT));
    }
    ts.forEachChild(node, visit);
  };
  for (const file of program.getSourceFiles()) if (!file.isDeclarationFile) visit(file);
  return { nodes, written };
}

describe('type texts written without the printer', () => {
  it("equal the checker's over the type of every type node in this repository's program", () => {
    const { nodes, written } = compareTypeNodes(programOf(join(root, 'test', 'tsconfig.json')));
    expect(nodes).toBeGreaterThan(10_000);
    expect(written).toBeGreaterThan(5_000);
    expect(nodes - written).toBeGreaterThan(1_000);
  }, 120_000);

  it.each(OPTION_SETS)("equal the checker's on the forms around the short way (%s)", (_, options) => {
    const dir = project({
      'forms.ts': `
export interface Point { x: number; y: number }
type Local = { next: Local | null; value: number };
export type Forms = [
  { x: number; y: number },
  { readonly id: string; tags: string[]; nested: { deep: { deeper: boolean } } },
  { optional?: number; required: string },
  { m(): void; f: () => void },
  { get g(): number },
  { 'quoted-key': number; default: string; 0: boolean },
  { [key: string]: number },
  {},
  { kind: 'circle'; code: 404; neg: -1; big: 10n; float: 0.5; odd: 'it''s'; tab: 'a\\tb' },
  { point: Point; points: Point[]; local: Local; list: Local[] },
  { u: string | undefined; arr: (string | number)[]; ro: readonly string[]; ra: ReadonlyArray<Point> },
  Array<{ a: string }>,
  { a: string }[][],
  { t: true; f: false; n: null; un: undefined; v: void; s: symbol; o: object; nv: never; uk: unknown; an: any },
  { fn: (a: number) => string; ctor: new () => Point; tuple: [number, string] },
  { e: typeof Object; date: Date; map: Map<string, Point> },
];
`,
    }, options);
    const { nodes, written } = compareTypeNodes(programOf(join(dir, 'tsconfig.json')));
    expect(nodes).toBeGreaterThan(60);
    expect(written).toBeGreaterThan(30);
  });
});

const SIGNATURE = ts.TypeFormatFlags.WriteArrowStyleSignature | ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseSingleQuotesForStringLiteralType;

/** Compares the signature text of every function-like declaration with the checker's. */
function compareSignatures(program: ts.Program): { functions: number; written: number } {
  const checker = program.getTypeChecker();
  let functions = 0;
  let written = 0;
  const visit = (node: ts.Node): void => {
    if ((ts.isArrowFunction(node) || ts.isFunctionExpression(node) || ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) && node.body) {
      const signature = checker.getSignatureFromDeclaration(node);
      if (signature) {
        functions++;
        const text = writtenSignature(signature, checker);
        if (text !== undefined) {
          written++;
          expect(text).toBe(checker.signatureToString(signature, node, SIGNATURE));
          expect(signatureText(signature, checker)).toBe(text);
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  for (const file of program.getSourceFiles()) if (!file.isDeclarationFile) visit(file);
  return { functions, written };
}

describe('signature texts written from the declaration', () => {
  it("equal the checker's over every function this repository declares", () => {
    const { functions, written } = compareSignatures(programOf(join(root, 'test', 'tsconfig.json')));
    expect(functions).toBeGreaterThan(3000);
    expect(written).toBeGreaterThan(500);
    expect(functions - written).toBeGreaterThan(1000);
  }, 120_000);

  it.each(OPTION_SETS)("equal the checker's on the parameter and return forms around the short way (%s)", (_, options) => {
    const dir = project({
      'cases.ts': `
export interface Circle { r: number }
import type { Circle as Round } from './cases.js';
export const cases = [
  (s: Circle) => s.r,
  (s: Round, label?: string) => label ?? String(s.r),
  (...xs: number[]) => xs.length > 0,
  (a: string | null, b: Circle[] | undefined): void => {},
  (a: unknown, b: any, c: object, d: bigint, e: symbol) => undefined,
  (a: number = 1) => a,
  (t: string, n = 1) => t.length + n,
  (flag = false, label = 'x') => (flag ? label : ''),
  (big = 1n, maybe = undefined) => big,
  (a?: number | string) => a,
  ({ r }: Circle) => r,
  (a: 'x' | 'y') => a,
  (a: Array<number>) => a,
  (a: (number | string)[]) => a,
  async (a: number) => a,
  (a: number) => (a > 1 ? 'big' : 'small'),
  (a: number) => { throw new Error(String(a)); },
  function (this: Circle, a: number) { return this.r + a; },
  function* (a: number) { yield a; },
  <T,>(a: T) => a,
  (a: number) => ({ a }),
  (a: Circle) => a,
  (a: number) => a > 0 || null,
];
export class Shapes {
  area(s: Circle): number { return s.r; }
  scale(s: Circle, by: number) { return s.r * by; }
  static of(n: number): Shapes { return new Shapes(); }
}
export function plain(a: string, b: number[]): boolean { return a.length === b.length; }
`,
    }, options);
    const { functions, written } = compareSignatures(programOf(join(dir, 'tsconfig.json')));
    expect(functions).toBe(27);
    expect(written).toBeGreaterThanOrEqual(10);
  });
});
