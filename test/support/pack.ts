/**
 * The package as users get it, for tests that compile and run code against it: built into a scratch
 * directory (never the repository's dist/, which other tests and a concurrent `npm run build` use),
 * optionally packed with `npm pack`, and a place to run the tools a consumer would.
 *
 * Same recipe as test/packaging.test.ts.
 */
import { execFile, execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
/** ts-patch's `tspc`, run with this Node (no shell, no PATH lookup). */
export const tspc = join(root, 'node_modules', 'ts-patch', 'bin', 'tspc.js');

/** Runs a command and returns its stdout; throws (with stdout and stderr) on a non-zero exit. */
export function sh(command: string, args: readonly string[], cwd: string): string {
  return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], shell: process.platform === 'win32' });
}

export interface Finished {
  /** Exit code (`null` if a signal ended it). */
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a command to the end, whatever its exit code. */
export function exec(command: string, args: readonly string[], cwd: string): Promise<Finished> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (error as { code?: unknown }).code : 0;
      resolve({ status: typeof code === 'number' ? code : null, stdout, stderr });
    });
  });
}

/**
 * Builds the package with the repository's build script into `directory` (its dist/), next to a
 * copy of the manifest, README and licence: the directory is then the package as npm would pack it.
 */
export function buildPackage(directory: string): string {
  mkdirSync(directory, { recursive: true });
  sh(npm, ['run', 'build', '--', '--out-dir', join(directory, 'dist')], root);
  for (const file of ['package.json', 'README.md', 'LICENSE']) {
    if (existsSync(join(root, file))) copyFileSync(join(root, file), join(directory, file));
  }
  return directory;
}

/** Builds into `scratch/stage` and packs it into `scratch`; returns the tarball's path. */
export function packPackage(scratch: string): string {
  const stage = buildPackage(join(scratch, 'stage'));
  const [packed] = JSON.parse(sh(npm, ['pack', '--json', '--pack-destination', scratch], stage)) as [{ filename: string }];
  return join(scratch, packed.filename);
}

/**
 * Installs a tarball into `project` (created with a minimal ESM manifest). duckcall has no runtime
 * dependencies, so this needs no network. Link other packages after it: npm prunes what it did not install.
 */
export function installTarball(project: string, tarball: string): void {
  mkdirSync(project, { recursive: true });
  if (!existsSync(join(project, 'package.json'))) {
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true, type: 'module' }));
  }
  sh(npm, ['install', tarball, '--no-audit', '--no-fund', '--prefer-offline', '--no-package-lock'], project);
}

/**
 * Makes a package from the repository's node_modules available in `project` without the network:
 * typescript and ts-patch (which a consumer installs next to duckcall), @types/node, reflect-metadata.
 */
export function linkFromRepository(project: string, name: string): void {
  const target = join(project, 'node_modules', name);
  if (existsSync(target)) return;
  mkdirSync(dirname(target), { recursive: true });
  symlinkSync(join(root, 'node_modules', name), target, 'junction');
}
