/**
 * One file's generated block while it is built: its declarations in an order that runs, the patches
 * that link schema nodes once every node is declared, fresh names, and the names of declarations
 * shared by what they hold.
 */
import type { Statement } from './code.js';

export class Block {
  readonly declarations: Statement[] = [];
  readonly patches: Statement[] = [];
  /** Declared names by what they hold: a check's printed expression, an alias, a global's instance check… */
  readonly names = new Map<string, string>();
  private counter = 0;

  constructor(readonly prefix = '__dc') {}

  /** A name no other declaration of the block has: `__dc_o3`. */
  fresh(kind: string): string {
    return `${this.prefix}_${kind}${this.counter++}`;
  }

  /** All declarations, then the patches. */
  statements(): Statement[] {
    return [...this.declarations, ...this.patches];
  }

  get empty(): boolean {
    return this.declarations.length === 0;
  }
}
