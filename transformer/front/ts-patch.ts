/**
 * `duckcall/transformer`: the ts-patch front end. tsc builds the Program and emits; duckcall only
 * lowers its calls, through the same lowering every other front end uses (see ../engine).
 *
 * tsconfig.json: `"plugins": [{ "transform": "duckcall/transformer" }]`, then compile with `tspc`.
 */
export { lowering as default, type DuckcallTransformerOptions, type TransformerExtras } from '../lower/lowering.js';
