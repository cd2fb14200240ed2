/**
 * A signature's parameters as duckcall matchers: one guard per position, `optional(...)` for
 * optional and defaulted parameters, `rest(...)` for a rest array, positions for a rest tuple.
 */
import ts from 'typescript';
import { UnsupportedType } from '../analyze/shape.js';
import type { FileAdditions } from './file-additions.js';

export interface Position {
  readonly type: ts.Type;
  readonly flag: 'required' | 'optional' | 'rest';
}

/** The argument positions a signature accepts, with each position's type. */
export function positionsOf(signature: ts.Signature, checker: ts.TypeChecker, at: ts.Node): Position[] {
  const positions: Position[] = [];
  for (const parameter of signature.getParameters()) {
    const declaration = parameter.valueDeclaration;
    const type = checker.getTypeOfSymbolAtLocation(parameter, at);
    if (declaration && ts.isParameter(declaration) && declaration.dotDotDotToken) {
      if (checker.isTupleType(type)) {
        const flags = (type as ts.TupleTypeReference).target.elementFlags;
        checker.getTypeArguments(type as ts.TypeReference).forEach((element, i) => {
          const flag = flags[i]! & ts.ElementFlags.Optional ? 'optional' : flags[i]! & ts.ElementFlags.Variable ? 'rest' : 'required';
          // A rest element (`...number[]`) holds its element type already; only a variadic `...T` holds an array.
          positions.push({ type: flags[i]! & ts.ElementFlags.Variadic ? elementOf(element, checker) : element, flag });
        });
      } else {
        positions.push({ type: elementOf(type, checker), flag: 'rest' });
      }
      continue;
    }
    const optional = declaration && ts.isParameter(declaration) && (checker.isOptionalParameter(declaration) || declaration.initializer !== undefined);
    positions.push({ type, flag: optional ? 'optional' : 'required' });
  }
  return positions;
}

function elementOf(type: ts.Type, checker: ts.TypeChecker): ts.Type {
  if (checker.isArrayType(type)) return checker.getTypeArguments(type as ts.TypeReference)[0] ?? checker.getAnyType();
  return checker.getIndexTypeOfType(type, ts.IndexKind.Number) ?? checker.getAnyType();
}

/** Matcher expressions for the positions, built on the file's protocols. */
export function matchersFor(positions: readonly Position[], state: FileAdditions, at: ts.Node): ts.Expression[] {
  const restAt = positions.findIndex((p) => p.flag === 'rest');
  if (restAt !== -1 && restAt !== positions.length - 1) {
    throw new UnsupportedType('a parameter list with a rest element before its end (arguments are matched left to right: put the rest last)');
  }
  return positions.map(({ type, flag }) => state.matcher(state.protocolFor(type, at), flag));
}

/** How TypeScript prints the signature, arrow style: `(s: Circle) => number`. */
export function signatureText(signature: ts.Signature, checker: ts.TypeChecker): string {
  // Printed from its own declaration, so parameter types are reused as written (`digits?: number`,
  // not `digits?: number | undefined`) and named as its module names them.
  return checker.signatureToString(
    signature,
    signature.getDeclaration(),
    ts.TypeFormatFlags.WriteArrowStyleSignature | ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseSingleQuotesForStringLiteralType,
  );
}
