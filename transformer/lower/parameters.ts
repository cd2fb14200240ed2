/**
 * A signature's parameters as duckcall matchers: one guard per position, `optional(...)` for
 * optional and defaulted parameters, `rest(...)` for a rest array, positions for a rest tuple.
 */
import ts from 'typescript';
import { UnsupportedType, writtenTypeText } from '../analyze/shape.js';
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
  return (
    writtenSignature(signature, checker) ??
    checker.signatureToString(
      signature,
      signature.getDeclaration(),
      ts.TypeFormatFlags.WriteArrowStyleSignature | ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseSingleQuotesForStringLiteralType,
    )
  );
}

/**
 * The text `signatureText` prints, put together from the declaration where every parameter is a
 * plain name annotated with a simple type (keywords, names, their arrays and unions) and the return
 * type is annotated so or inferred as a primitive: the checker would reuse those type nodes as written
 * and spend its time making sure each name is visible where it was written. `undefined` for any other
 * signature, which the checker prints; a test holds the two texts equal over every function the
 * repository declares.
 */
export function writtenSignature(signature: ts.Signature, checker: ts.TypeChecker): string | undefined {
  const declaration = signature.getDeclaration() as ts.SignatureDeclaration | undefined;
  if (!declaration || declaration.typeParameters || signature.typeParameters) return undefined;
  if (!(ts.isArrowFunction(declaration) || ts.isFunctionExpression(declaration) || ts.isFunctionDeclaration(declaration) || ts.isMethodDeclaration(declaration))) return undefined;
  if (declaration.asteriskToken || ts.getCombinedModifierFlags(declaration) & ts.ModifierFlags.Async) return undefined;
  const parameters: string[] = [];
  for (const p of declaration.parameters) {
    if (!ts.isIdentifier(p.name) || p.name.text === 'this') return undefined;
    // A defaulted parameter is optional; unannotated, it has its default's (widened) type.
    const type = p.type ? simpleTypeText(p.type) : p.initializer ? inferredPrimitive(checker.getTypeAtLocation(p.name), checker) : undefined;
    if (type === undefined) return undefined;
    parameters.push(`${p.dotDotDotToken ? '...' : ''}${p.name.text}${p.questionToken || p.initializer ? '?' : ''}: ${type}`);
  }
  const returned = declaration.type ? simpleTypeText(declaration.type) : inferredPrimitive(checker.getReturnTypeOfSignature(signature), checker);
  return returned === undefined ? undefined : `(${parameters.join(', ')}) => ${returned}`;
}

/** A keyword type's name (built on first use: `ts` is not loaded when this module is). */
function keyword(kind: ts.SyntaxKind): string | undefined {
  keywords ??= new Map<ts.SyntaxKind, string>([
    [ts.SyntaxKind.NumberKeyword, 'number'],
    [ts.SyntaxKind.StringKeyword, 'string'],
    [ts.SyntaxKind.BooleanKeyword, 'boolean'],
    [ts.SyntaxKind.BigIntKeyword, 'bigint'],
    [ts.SyntaxKind.SymbolKeyword, 'symbol'],
    [ts.SyntaxKind.ObjectKeyword, 'object'],
    [ts.SyntaxKind.UnknownKeyword, 'unknown'],
    [ts.SyntaxKind.AnyKeyword, 'any'],
    [ts.SyntaxKind.NeverKeyword, 'never'],
    [ts.SyntaxKind.UndefinedKeyword, 'undefined'],
    [ts.SyntaxKind.VoidKeyword, 'void'],
  ]);
  return keywords.get(kind);
}
let keywords: Map<ts.SyntaxKind, string> | undefined;

/** A keyword, a plain name, an array of one, or a union of those, as the printer writes it. */
function simpleTypeText(node: ts.TypeNode, inUnion = false): string | undefined {
  const name = keyword(node.kind);
  if (name) return name;
  if (ts.isLiteralTypeNode(node) && node.literal.kind === ts.SyntaxKind.NullKeyword) return 'null';
  if (ts.isTypeReferenceNode(node)) return !node.typeArguments && ts.isIdentifier(node.typeName) ? node.typeName.text : undefined;
  if (ts.isArrayTypeNode(node)) {
    const element = node.elementType;
    if (!(keyword(element.kind) || (ts.isTypeReferenceNode(element) && !element.typeArguments))) return undefined;
    const text = simpleTypeText(element, true);
    return text === undefined ? undefined : `${text}[]`;
  }
  if (ts.isUnionTypeNode(node) && !inUnion) {
    const members = node.types.map((t) => simpleTypeText(t, true));
    return members.every((m) => m !== undefined) ? members.join(' | ') : undefined;
  }
  return undefined;
}

/** An inferred type that is a bare primitive (`number`, `boolean`, `void`…): its name. */
function inferredPrimitive(type: ts.Type, checker: ts.TypeChecker): string | undefined {
  const primitive =
    ts.TypeFlags.Number | ts.TypeFlags.String | ts.TypeFlags.Boolean | ts.TypeFlags.BigInt | ts.TypeFlags.ESSymbol | ts.TypeFlags.Void | ts.TypeFlags.Undefined | ts.TypeFlags.Null | ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.Never;
  if (type.aliasSymbol || !(type.flags & primitive) || type.flags & ts.TypeFlags.EnumLiteral) return undefined;
  return writtenTypeText(type, checker) ?? checker.typeToString(type);
}
