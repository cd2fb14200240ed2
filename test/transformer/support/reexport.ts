/** Re-exports duckcall's protocol functions, so tests can check recognition through a re-export. */
export { is as isA, assert, validate, protocol } from '../../../src/index.js';
