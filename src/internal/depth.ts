/**
 * Levels of a recursive type a generated check goes down by plain recursion before it leaves the
 * rest of the value to the runtime's explicit stack (`solve` in guards.ts). Each level is a few
 * frames, so this stays far from the stack limit even when the caller is itself deep. Shared by the
 * transformer, which writes it into generated checks, and the runtime.
 * @internal
 */
export const FAST_DEPTH = 400;
