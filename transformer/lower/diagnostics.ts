/**
 * Compile errors the transformer reports, worded in one place. A failure to analyse a type becomes
 * a diagnostic at the node, never a crash of the compiler.
 */
import ts from 'typescript';

export const DIAGNOSTIC_CODE = 990001;

export type AddDiagnostic = (diagnostic: ts.Diagnostic) => unknown;

export function diagnosticAt(node: ts.Node, messageText: string): ts.Diagnostic {
  const file = node.getSourceFile();
  const start = node.getStart(file);
  return {
    file,
    start,
    length: node.getEnd() - start,
    messageText: `duckcall: ${messageText}`,
    category: ts.DiagnosticCategory.Error,
    code: DIAGNOSTIC_CODE,
    source: 'duckcall',
  };
}

export const messages = {
  duplicate: (index: number, earlier: number, signature: string) =>
    `case ${index} ${signature} has the same parameter types as case ${earlier}; it can never run. Remove one of them.`,
  shadowed: (index: number, earlier: number, signature: string, earlierSignature: string) =>
    `case ${index} ${signature} can never run: every argument list it accepts is accepted first by case ${earlier} ${earlierSignature}. ` +
    `Put the more specific case first.`,
  duplicateMethod: (set: string, method: string, earlier: string) =>
    `@overload('${set}') case ${method} has the same parameter types as ${earlier}; it can never run. Remove one of them.`,
  shadowedMethod: (set: string, method: string, earlier: string) =>
    `@overload('${set}') case ${method} can never run: every argument list it accepts is accepted first by ${earlier}. ` +
    `Declare the more specific method first.`,
  signatureOverloads: (name: string) =>
    `${name} has several overload signatures but one body, so duckcall cannot tell which arguments it handles. ` +
    `Pass one case per signature, e.g. overload((a: string) => …, (a: number) => …).`,
  unsupported: (what: string) => `cannot generate a runtime check for ${what}.`,
  impossible: (what: string) => `no value can pass the check for ${what}; a guard that is never true is a mistake in the type.`,
  unconstrainedTypeParameter: (fn: string, name: string) =>
    `${fn}<${name}>() checks a type parameter with no constraint, which any value satisfies, so the check would always pass. ` +
    `Check a concrete type, or pass the check in: e.g. take a Protocol<${name}> (from protocol<YourType>()) as a parameter and call its .${fn === 'protocol' || fn === 'implement' ? 'is' : fn}().`,
  brandOnly: (index: number, earlier: number, signature: string, earlierSignature: string) =>
    `case ${index} ${signature} differs from case ${earlier} ${earlierSignature} only in brands, which have no runtime value, so the same check picks case ${earlier} for both. ` +
    `Tell them apart by a runtime property, or merge them.`,
  needsTypeArgument: (fn: string) => `${fn}<T>() needs a type argument: write ${fn}<YourType>(…).`,
  internal: (error: unknown) => `internal error while generating a check (${error instanceof Error ? error.message : String(error)}). Please report it.`,
};
