/**
 * The `duckcall` command's logic, runnable in-process: arguments in, text and an exit code out.
 *
 * Exit codes: 0 done, 1 diagnostics, stale output or a setup problem, 2 a usage mistake.
 */
import { existsSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import manifest from '../../../package.json' with { type: 'json' };
import { Engine, formatDiagnostic, SetupFailure, type EngineDiagnostic } from '../../engine/index.js';
import { generateFiles, sortDiagnostics, staleFiles, writeFiles } from './generate.js';
import { layoutOf } from './layout.js';
import { watchProject } from './watch.js';

const synopsis = `Usage: duckcall generate [-p tsconfig.json] --out-dir DIR [--watch] [--check]
       duckcall check [-p tsconfig.json]
`;

const usage = `${synopsis}

Commands:
  generate --out-dir DIR  Write every source file of the project to DIR as TypeScript, with
                          duckcall's calls lowered, laid out as tsc lays out outDir.
  check                   Report duckcall's diagnostics without writing anything.

Options:
  -p, --project FILE  The tsconfig to use. Default: tsconfig.json in the current directory or above.
  --out-dir DIR       (generate) The directory to write to.
  --check             (generate) Write nothing; exit 1 listing the files of DIR that are stale.
  -w, --watch         (generate) Regenerate when a file changes, until stopped.
  --direct-calls      Calls whose static types select one case call it directly (see directCalls).
  -h, --help          Print this help.
  -v, --version       Print duckcall's version.
`;

/** Where the command writes, so it can be run in-process. */
export interface Console {
  readonly cwd: string;
  out(text: string): void;
  err(text: string): void;
}

interface Arguments {
  readonly command: 'generate' | 'check';
  readonly project?: string;
  readonly outDir?: string;
  readonly check: boolean;
  readonly watch: boolean;
  readonly directCalls: boolean;
}

class UsageError extends Error {}

/** Runs the command; resolves to its exit code (never, for `--watch`, until the process ends). */
export async function main(argv: readonly string[], console: Console): Promise<number> {
  if (argv.some((arg) => arg === '-h' || arg === '--help')) {
    console.out(usage);
    return 0;
  }
  if (argv.some((arg) => arg === '-v' || arg === '--version')) {
    console.out(`${manifest.version}\n`);
    return 0;
  }
  let args: Arguments;
  try {
    args = parse(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.err(`duckcall: ${error.message}\n${synopsis}Run 'duckcall --help' for more.\n`);
    return 2;
  }
  try {
    return args.command === 'check' ? check(args, console) : await generate(args, console);
  } catch (error) {
    if (error instanceof SetupFailure) {
      console.err(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

function parse(argv: readonly string[]): Arguments {
  const [command, ...rest] = argv;
  if (command === undefined) throw new UsageError('no command given.');
  if (command !== 'generate' && command !== 'check') throw new UsageError(`unknown command '${command}'.`);
  let project: string | undefined;
  let outDir: string | undefined;
  let check = false;
  let watch = false;
  let directCalls = false;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const next = inline ?? rest[++i];
      if (next === undefined || next === '') throw new UsageError(`${flag} needs a value.`);
      return next;
    };
    if (inline !== undefined && !['--project', '--out-dir', '--outDir'].includes(flag)) throw new UsageError(`${flag} takes no value.`);
    switch (flag) {
      case '-p':
      case '--project':
        project = value();
        break;
      case '--out-dir':
      case '--outDir':
        outDir = value();
        break;
      case '--check':
        check = true;
        break;
      case '-w':
      case '--watch':
        watch = true;
        break;
      case '--direct-calls':
        directCalls = true;
        break;
      default:
        throw new UsageError(arg.startsWith('-') ? `unknown option '${arg}'.` : `unexpected argument '${arg}'.`);
    }
  }
  if (command === 'check' && (outDir !== undefined || check || watch)) {
    throw new UsageError('check takes no --out-dir, --check or --watch; they belong to generate.');
  }
  if (command === 'generate' && outDir === undefined) throw new UsageError('generate needs --out-dir DIR.');
  if (check && watch) throw new UsageError('--check and --watch cannot be used together.');
  return { command, project, outDir, check, watch, directCalls };
}

function open(args: Arguments, console: Console): Engine {
  // As with tsc, -p may name the directory that holds tsconfig.json.
  const project = args.project !== undefined && isDirectory(resolve(console.cwd, args.project)) ? join(args.project, 'tsconfig.json') : args.project;
  return Engine.open({ root: console.cwd, tsconfig: project, directCalls: args.directCalls });
}

function isDirectory(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}

/** `duckcall check`. */
function check(args: Arguments, console: Console): number {
  const diagnostics = sortDiagnostics(open(args, console).check());
  printDiagnostics(diagnostics, console);
  return diagnostics.length > 0 ? 1 : 0;
}

/** `duckcall generate`, once, with `--check`, or with `--watch`. */
async function generate(args: Arguments, console: Console): Promise<number> {
  const outDir = args.outDir!;
  const engine = open(args, console);
  const layout = layoutOf(engine, outDir, console.cwd);
  const path = (file: string) => relativePath(console.cwd, file);
  if (layout.outside.length > 0) {
    for (const file of layout.outside) {
      console.err(
        `duckcall: ${path(file)} is not under rootDir ${path(layout.rootDir) || '.'}, so it has no place in ${outDir}. ` +
          `Set "rootDir" in ${path(engine.configFile)} to a directory that holds every source file.\n`,
      );
    }
    return 1;
  }
  if (args.watch) return watch(args, outDir, console);

  const files = generateFiles(engine, layout);
  const diagnostics = sortDiagnostics(files.flatMap((file) => file.diagnostics));
  printDiagnostics(diagnostics, console);
  if (args.check) {
    const stale = staleFiles(files);
    if (stale.length > 0) {
      console.out(`duckcall: ${stale.length} file${stale.length === 1 ? '' : 's'} of ${outDir} ${stale.length === 1 ? 'is' : 'are'} stale; run duckcall generate.\n`);
      for (const file of stale) console.out(`  ${path(file.output)} (${file.reason})\n`);
      return 1;
    }
    return diagnostics.length > 0 ? 1 : 0;
  }
  writeFiles(files);
  return diagnostics.length > 0 ? 1 : 0;
}

function watch(args: Arguments, outDir: string, console: Console): Promise<number> {
  const time = () => new Date().toTimeString().slice(0, 8);
  console.out(`[${time()}] Starting generation in watch mode...\n`);
  const watching = watchProject({
    open: () => open(args, console),
    outDir,
    cwd: console.cwd,
    report: (diagnostics) => printDiagnostics(diagnostics, console, false),
    status: (line) => console.out(`[${time()}] ${line}\n`),
    failure: (error) => {
      if (!(error instanceof SetupFailure)) throw error;
      console.err(`${error.message}\n`);
    },
  });
  return new Promise((resolve) => {
    const stop = () => {
      watching.close();
      resolve(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

function printDiagnostics(diagnostics: readonly EngineDiagnostic[], console: Console, summary = true): void {
  for (const diagnostic of diagnostics) console.out(`${formatDiagnostic(diagnostic, console.cwd)}\n`);
  if (summary && diagnostics.length > 0) {
    const files = new Set(diagnostics.map((d) => d.fileName)).size;
    const count = `${diagnostics.length} error${diagnostics.length === 1 ? '' : 's'}`;
    console.out(`\nFound ${count}${files > 1 ? ` in ${files} files` : ''}.\n`);
  }
}

/** A path relative to `from`, with forward slashes, so messages read the same on every machine. */
function relativePath(from: string, to: string): string {
  return relative(from, to).split(sep).join('/');
}
