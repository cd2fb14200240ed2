/**
 * The generated block as TypeScript that type-checks under `strict` (for `duckcall generate`): the
 * same code with `any` written where strict mode wants a type. Only erasable syntax is added.
 */
import ts from 'typescript';

export function typedBlock(code: string): string {
  const file = ts.createSourceFile('block.ts', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const insertions: { at: number; text: string }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isParameter(node) && !node.type && !(ts.isIdentifier(node.name) && node.name.text === 'this')) {
      // `d`, the depth a check of a recursive type is called at, is left out by callers outside the block.
      insertions.push({ at: node.name.end, text: ts.isIdentifier(node.name) && node.name.text === 'd' ? '?: any' : ': any' });
    } else if ((ts.isFunctionExpression(node) || ts.isFunctionDeclaration(node)) && usesThis(node)) {
      insertions.push({ at: node.parameters.pos, text: node.parameters.length > 0 ? 'this: any, ' : 'this: any' });
    } else if (ts.isVariableDeclaration(node) && !node.type && (!node.initializer || ts.isSourceFile(node.parent.parent.parent))) {
      insertions.push({ at: node.name.end, text: ': any' });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  let out = code;
  for (const { at, text } of insertions.sort((a, b) => b.at - a.at)) out = out.slice(0, at) + text + out.slice(at);
  return out;
}

/** Whether `this` appears in the function's own body (not in a nested non-arrow function). */
function usesThis(fn: ts.FunctionLikeDeclaration): boolean {
  const visit = (node: ts.Node): boolean => {
    if (node.kind === ts.SyntaxKind.ThisKeyword) return true;
    if (ts.isFunctionExpression(node) || ts.isFunctionDeclaration(node)) return false;
    return ts.forEachChild(node, visit) ?? false;
  };
  return fn.body ? visit(fn.body) : false;
}
