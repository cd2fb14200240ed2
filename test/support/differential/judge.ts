/**
 * The judge: random types and values, each value's verdict from the TypeScript checker
 * (`isTypeAssignableTo` of the value's exact type to the type as it is at runtime: brands and string
 * enums erased) and from duckcall's `is<T>` compiled by the real engine and run.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { Engine } from '../../../transformer/engine/index.js';
import { project } from '../project.js';
import { Random } from './random.js';
import { declarations, featuresOf, typeText, TypeGenerator, type Family, type Feature, type Ty } from './types.js';
import { foreign, ValueGenerator, valueExpr, valueType, type Val } from './values.js';

export interface Case {
  readonly family: Family;
  readonly type: Ty;
  /** The type as written in `is<…>`. */
  readonly text: string;
  /** The type the checker judges against: brands and string enums erased (`typeText(t, true)`). */
  readonly erased: string;
  readonly features: ReadonlySet<Feature>;
  readonly values: readonly Val[];
  /** How duckcall judges: `is<T>`, `is<T>` on a type parameter instantiated with T, or T as a rest parameter list. */
  readonly probe: 'is' | 'type-parameter' | 'rest-parameters';
  /** A compile error is an answer too (API.md: `is<T>` on an unconstrained `T`; a rest element before the end may be refused). */
  readonly compileErrorAccepted: boolean;
}

export type Verdict = boolean | { readonly error: string };

export interface Judged {
  readonly case: Case;
  readonly value: Val;
  readonly checker: boolean;
  readonly duckcall: Verdict;
}

export interface RunOptions {
  readonly seed: number;
  /** About how many (type, value) pairs. */
  readonly pairs: number;
  readonly families: readonly Family[];
  readonly compilerOptions?: Record<string, unknown>;
}

export interface Run {
  readonly options: RunOptions;
  readonly judged: readonly Judged[];
  /** Checker errors in the generated module: a type or a value's type text that is wrong (a generator bug). */
  readonly generatorErrors: readonly string[];
}

const VALID_PER_TYPE = 3;
const NEAR_MISSES_PER_TYPE = 2;
/** Values of another kind altogether (a primitive for an object type, a Map for a tuple, …). */
const FOREIGN_PER_TYPE = 1;
const TYPES_PER_MODULE = 250;

export function generateCases({ seed, pairs, families, compilerOptions = {} }: RunOptions): Case[] {
  const rng = new Random(seed);
  const typesOf = new TypeGenerator(rng);
  const valuesOf = new ValueGenerator(rng);
  const exact = compilerOptions['exactOptionalPropertyTypes'] === true;
  const cases: Case[] = [];
  let count = 0;
  for (let i = 0; count < pairs; i++) {
    const family = families[i % families.length] as Family;
    const type = typesOf.family(family);
    const valid: Val[] = [];
    for (let j = 0; j < VALID_PER_TYPE; j++) valid.push(valuesOf.valid(type));
    const misses = valid.slice(0, NEAR_MISSES_PER_TYPE).map((v) => valuesOf.nearMiss(v));
    const others = Array.from({ length: FOREIGN_PER_TYPE }, () => foreign(rng));
    const otherCollection = valuesOf.otherCollection(type);
    if (otherCollection) others.push(otherCollection);
    const seen = new Set<string>();
    const values = [...valid, ...misses, ...others].filter((v) => {
      const key = valueExpr(v);
      return seen.has(key) ? false : (seen.add(key), true);
    });
    const features = featuresOf(type);
    if (features.delete('optional') && exact) features.add('exact-optional');
    const probe = family === 'type-parameters' ? 'type-parameter' : family === 'rest-parameters' ? 'rest-parameters' : 'is';
    if (probe === 'type-parameter') features.add('type-parameter');
    const restBeforeEnd = type.k === 'tuple' && type.elements.some((e, i) => e.kind === 'rest' && i < type.elements.length - 1);
    if (probe === 'rest-parameters' && restBeforeEnd) features.add('leading-or-middle-rest');
    const compileErrorAccepted = probe === 'type-parameter' || (probe === 'rest-parameters' && restBeforeEnd);
    cases.push({ family, type, text: typeText(type), erased: typeText(type, true), features, values, probe, compileErrorAccepted });
    count += values.length;
  }
  return cases;
}

const DECLARED = [...declarations.matchAll(/^(?:export )?(?:enum|interface|type|class) (\w+)/gm)].map((m) => m[1] as string);
const IMPORT_DECLARATIONS = `import { ${DECLARED.join(', ')} } from './declarations.js';`;

/**
 * One chunk of cases as two modules: `casesN.ts` with the types and `is<T>` for each (compiled by the
 * engine), and `valuesN.ts` with each value as a thunk that `satisfies` its type text (compiled
 * without a checker; the checker's Program checks that each value has the type written for it).
 */
const PROBES = `function viaTypeParameter<T>(value: unknown): boolean { return is<T>(value); }
function called(value: unknown, make: () => unknown): boolean {
  if (!Array.isArray(value)) return false;
  try {
    return (make() as (...args: unknown[]) => unknown)(...value) === true;
  } catch (error) {
    if (error instanceof NoMatchingOverloadError) return false;
    throw error;
  }
}`;

function chunkModules(cases: readonly Case[]): { guards: string; values: string; guardLines: Map<number, number[]> } {
  const guards = [`import { is, overload, NoMatchingOverloadError } from 'duckcall';`, IMPORT_DECLARATIONS, ...PROBES.split('\n')];
  // A diagnostic on `viaTypeParameter` is an answer for every case that goes through it.
  const guardLines = new Map<number, number[]>([[3, cases.flatMap((c, i) => (c.probe === 'type-parameter' ? [i] : []))]]);
  cases.forEach((c, i) => guards.push(`export type T${i} = ${c.text};`, `export type E${i} = ${c.erased};`));
  guards.push('export const guards: ((value: unknown) => boolean)[] = [');
  cases.forEach((c, i) => {
    guards.push(
      c.probe === 'is'
        ? `  is<T${i}>,`
        : c.probe === 'type-parameter'
          ? `  (value: unknown) => viaTypeParameter<T${i}>(value),`
          : `  (value: unknown) => called(value, () => overload((...args: T${i}) => true)),`,
    );
    guardLines.set(guards.length, [i]);
  });
  guards.push('];', '');
  const values = [IMPORT_DECLARATIONS];
  cases.forEach((c, i) => c.values.forEach((v, j) => values.push(`export type V${i}_${j} = ${valueType(v)};`)));
  values.push('export const values: (() => unknown)[][] = [');
  cases.forEach((c, i) => values.push(`  [${c.values.map((v, j) => `() => ((${valueExpr(v)}) satisfies V${i}_${j})`).join(', ')}],`));
  values.push('];', '');
  return { guards: guards.join('\n'), values: values.join('\n'), guardLines };
}

export async function run(options: RunOptions): Promise<Run> {
  const cases = generateCases(options);
  const chunks: { n: number; cases: Case[]; guards: string; values: string; guardLines: Map<number, number[]> }[] = [];
  for (let at = 0; at < cases.length; at += TYPES_PER_MODULE) {
    const part = cases.slice(at, at + TYPES_PER_MODULE);
    chunks.push({ n: chunks.length, cases: part, ...chunkModules(part) });
  }
  const time = timer();
  const files: Record<string, string> = { 'package.json': '{ "type": "module" }\n', 'declarations.ts': declarations.replace(/^(enum|interface|type|class) /gm, 'export $1 ') };
  for (const c of chunks) {
    files[`cases${c.n}.ts`] = c.guards;
    files[`values${c.n}.ts`] = c.values;
  }
  const dir = project(files, options.compilerOptions);

  // The checker's verdicts, from a Program over the same files and tsconfig.
  const parsed = ts.getParsedCommandLineOfConfigFile(join(dir, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
  if (!parsed) throw new Error('the scratch tsconfig cannot be read');
  const program = ts.createProgram(parsed.fileNames, parsed.options);
  const checker = program.getTypeChecker();
  time('program');
  const generatorErrors: string[] = [];
  const aliasesOf = (name: string): Map<string, ts.Type> => {
    const source = program.getSourceFile(join(dir, name));
    if (!source) throw new Error(`${name} is not in the program`);
    for (const d of program.getSemanticDiagnostics(source)) {
      const line = d.start === undefined ? 0 : source.getLineAndCharacterOfPosition(d.start).line;
      generatorErrors.push(`${name}:${line + 1}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}\n    ${source.text.split('\n')[line]}`);
    }
    const aliases = new Map<string, ts.Type>();
    for (const statement of source.statements) {
      if (ts.isTypeAliasDeclaration(statement)) aliases.set(statement.name.text, checker.getTypeAtLocation(statement.name));
    }
    return aliases;
  };
  aliasesOf('declarations.ts');
  const checkerVerdicts = new Map<Case, boolean[]>();
  for (const chunk of chunks) {
    const types = aliasesOf(`cases${chunk.n}.ts`);
    time('check cases');
    const values = aliasesOf(`values${chunk.n}.ts`);
    time('check values');
    chunk.cases.forEach((c, i) => {
      const target = types.get(`E${i}`) as ts.Type;
      checkerVerdicts.set(
        c,
        c.values.map((_, j) => checker.isTypeAssignableTo(values.get(`V${i}_${j}`) as ts.Type, target)),
      );
    });
    time('verdicts');
  }

  // duckcall's verdicts: the cases compiled by the engine, the rest by the plain compiler, imported and run.
  // The JavaScript goes to its own folder: beside a .ts file of the same name, Vite would load the .ts.
  const outDir = join(dir, 'out');
  mkdirSync(outDir);
  const emit = (name: string): void => {
    const out = ts.transpileModule(files[`${name}.ts`] as string, { compilerOptions: parsed.options, fileName: `${name}.ts` });
    writeFileSync(join(outDir, `${name}.js`), out.outputText);
  };
  emit('declarations');
  const engine = Engine.open({ root: dir });
  const judged: Judged[] = [];
  for (const chunk of chunks) {
    emit(`values${chunk.n}`);
    const out = engine.transform(join(dir, `cases${chunk.n}.ts`));
    time('transform');
    const compileErrors = new Map<number, string>();
    for (const d of out.diagnostics) {
      const indexes = chunk.guardLines.get(d.line);
      if (indexes === undefined) generatorErrors.push(`cases${chunk.n}.ts:${d.line}: ${d.message}`);
      else for (const index of indexes) compileErrors.set(index, d.message);
    }
    writeFileSync(join(outDir, `cases${chunk.n}.js`), out.code);
    const { guards } = (await import(pathToFileURL(join(outDir, `cases${chunk.n}.js`)).href)) as { guards: ((value: unknown) => boolean)[] };
    const { values } = (await import(pathToFileURL(join(outDir, `values${chunk.n}.js`)).href)) as { values: (() => unknown)[][] };
    time('import');
    chunk.cases.forEach((c, i) => {
      const verdicts = checkerVerdicts.get(c) as boolean[];
      c.values.forEach((value, j) => {
        const error = compileErrors.get(i);
        let duckcall: Verdict;
        if (error !== undefined) duckcall = { error: `compile error: ${error}` };
        else {
          try {
            duckcall = (guards[i] as (value: unknown) => boolean)((values[i] as (() => unknown)[])[j]?.());
          } catch (e) {
            duckcall = { error: `throws: ${e instanceof Error ? e.message : String(e)}` };
          }
        }
        judged.push({ case: c, value, checker: verdicts[j] as boolean, duckcall });
      });
    });
  }
  time('run');
  return { options, judged, generatorErrors };
}

export function agrees(j: Judged): boolean {
  return j.duckcall === j.checker || (j.case.compileErrorAccepted && typeof j.duckcall === 'object' && j.duckcall.error.startsWith('compile error'));
}

/** Agreement per family and overall, then every disagreement with its type, value and both verdicts. */
export function report(runs: readonly Run[], label: (run: Run) => string): string {
  const lines: string[] = [];
  for (const r of runs) {
    const byFamily = new Map<string, { pairs: number; agree: number }>();
    for (const j of r.judged) {
      const row = byFamily.get(j.case.family) ?? { pairs: 0, agree: 0 };
      row.pairs++;
      if (agrees(j)) row.agree++;
      byFamily.set(j.case.family, row);
    }
    const total = r.judged.length;
    const agree = r.judged.filter(agrees).length;
    lines.push(`${label(r)}: ${agree}/${total} pairs agree (${percent(agree, total)}), ${new Set(r.judged.map((j) => j.case)).size} types, seed ${r.options.seed}`);
    for (const [family, row] of [...byFamily].sort(([a], [b]) => a.localeCompare(b))) {
      lines.push(`  ${family.padEnd(24)} ${String(row.agree).padStart(5)}/${String(row.pairs).padEnd(5)} ${percent(row.agree, row.pairs)}`);
    }
  }
  const disagreements = runs.flatMap((r) => r.judged.filter((j) => !agrees(j)).map((j) => ({ r, j })));
  if (disagreements.length > 0) lines.push('', `${disagreements.length} disagreements:`);
  for (const { r, j } of disagreements) {
    lines.push(
      `  [${label(r)}] [${j.case.family}] [${[...j.case.features].join(', ')}]`,
      `    type:     ${j.case.text}${j.case.erased !== j.case.text ? `   (checked as ${j.case.erased})` : ''}`,
      `    value:    ${valueExpr(j.value)}`,
      `    as type:  ${valueType(j.value)}`,
      `    checker: ${j.checker}   duckcall: ${typeof j.duckcall === 'boolean' ? j.duckcall : j.duckcall.error}`,
    );
  }
  return lines.join('\n');
}

function percent(part: number, whole: number): string {
  return whole === 0 ? '-' : `${((100 * part) / whole).toFixed(1)}%`;
}

function timer(): (label: string) => void {
  let at = performance.now();
  return (label) => {
    if (process.env['DUCKCALL_DIFFERENTIAL_TIMES']) console.log(`${label}: ${Math.round(performance.now() - at)} ms`);
    at = performance.now();
  };
}
