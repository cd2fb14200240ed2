/** Shared shapes and a plain typed function, imported by the transformer tests as a case. */
export interface Circle { kind: 'circle'; r: number }
export interface Rect { kind: 'rect'; w: number; h: number }
export interface Triangle { kind: 'triangle'; b: number; h: number }

/** A typed function declared in another module, used as an overload case by reference. */
export function perimeterOfRect(s: Rect): number {
  return 2 * (s.w + s.h);
}
