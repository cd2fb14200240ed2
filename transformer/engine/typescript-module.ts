/**
 * What `import ts from 'typescript'` means in the built package (tsup.config.ts points the import
 * here): the compiler API `loadTypeScript` finds. When there is none, every use of `ts` throws the
 * same `SetupFailure`, so importing a front end never fails by itself and the first front end that
 * needs the compiler reports the problem in its own way (a build error, a command's message).
 */
import type * as TypeScript from 'typescript';
import { loadTypeScript, SetupFailure } from './typescript.js';

function load(): typeof TypeScript {
  try {
    return loadTypeScript().ts;
  } catch (error) {
    const failure = error instanceof SetupFailure ? error : new SetupFailure(String(error));
    return new Proxy({} as typeof TypeScript, {
      get() {
        throw failure;
      },
    });
  }
}

const ts: typeof TypeScript = load();
export default ts;
