/**
 * The engine every front end but ts-patch uses: which TypeScript, one incremental Program per
 * tsconfig, and one file in, lowered code out (JavaScript for bundlers, TypeScript for `generate`).
 */
export { Engine, formatDiagnostic, SetupFailure, type EngineDiagnostic, type EngineOptions, type Transformed } from './project.js';
