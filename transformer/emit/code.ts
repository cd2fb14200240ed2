/**
 * The generated code's intermediate form and its one printer. Emitters build statements and
 * expressions with the constructors below; `print` writes them as JavaScript, or as TypeScript that
 * type-checks under `strict` (the output of `duckcall generate`), where it adds only erasable syntax:
 * `: any` on parameters and module-level constants, `this: any` where a function reads `this`, and
 * the `as` casts and type declarations the tree asks for. Parentheses come from precedence, and
 * `undefined` is written `void 0`, so no module-local binding can change what generated code means.
 */

export type Literal = string | number | boolean | bigint | null | undefined;

/** TypeScript type syntax, written only in TypeScript output (`as`, annotations, type aliases). */
export interface TypeText {
  readonly typeText: string;
}

/** `+` joins strings (the paths of generated explanations). */
export type BinaryOperator = '===' | '!==' | '<' | '<=' | '>' | '>=' | 'instanceof' | '&&' | '||' | '+';

export interface Parameter {
  readonly name: string;
  /** Left out by some callers (the depth `d` of a recursive check): `?: any` in TypeScript output. */
  readonly optional?: boolean;
  readonly type?: TypeText;
}

export type Expression =
  | { readonly kind: 'name'; readonly name: string }
  | { readonly kind: 'literal'; readonly value: Literal }
  | { readonly kind: 'member'; readonly object: Expression; readonly key: string }
  | { readonly kind: 'element'; readonly object: Expression; readonly index: Expression }
  | { readonly kind: 'call'; readonly callee: Expression; readonly args: readonly Expression[] }
  | { readonly kind: 'unary'; readonly operator: '!' | 'typeof'; readonly operand: Expression }
  | { readonly kind: 'update'; readonly prefix: boolean; readonly operand: Expression }
  | { readonly kind: 'binary'; readonly operator: BinaryOperator; readonly left: Expression; readonly right: Expression }
  | { readonly kind: 'conditional'; readonly test: Expression; readonly then: Expression; readonly otherwise: Expression }
  | { readonly kind: 'assign'; readonly target: Expression; readonly value: Expression }
  | { readonly kind: 'sequence'; readonly expressions: readonly Expression[] }
  | { readonly kind: 'array'; readonly elements: readonly Expression[] }
  | { readonly kind: 'object'; readonly properties: readonly (readonly [string, Expression])[] }
  | { readonly kind: 'function'; readonly params: readonly Parameter[]; readonly body: readonly Statement[] }
  | { readonly kind: 'as'; readonly expression: Expression; readonly type: TypeText };

export interface Declarator {
  readonly name: string;
  readonly init?: Expression;
  readonly type?: TypeText;
}

export type Statement =
  | { readonly kind: 'return'; readonly value: Expression }
  | { readonly kind: 'if'; readonly test: Expression; readonly then: readonly Statement[]; readonly otherwise?: readonly Statement[] }
  | { readonly kind: 'declare'; readonly keyword: 'const' | 'let' | 'var'; readonly declarators: readonly Declarator[] }
  | { readonly kind: 'expression'; readonly expression: Expression }
  | { readonly kind: 'for'; readonly init: Statement; readonly test: Expression; readonly update: Expression; readonly body: readonly Statement[] }
  | { readonly kind: 'try'; readonly body: readonly Statement[]; readonly catch?: { readonly name: string; readonly body: readonly Statement[] }; readonly finally?: readonly Statement[] }
  | { readonly kind: 'switch'; readonly on: Expression; readonly clauses: readonly { readonly labels: readonly Expression[]; readonly body: readonly Statement[] }[] }
  | { readonly kind: 'break' }
  | { readonly kind: 'throw'; readonly value: Expression }
  | { readonly kind: 'function'; readonly name: string; readonly params: readonly Parameter[]; readonly body: readonly Statement[] }
  /** A type alias: TypeScript output only. */
  | { readonly kind: 'type'; readonly name: string; readonly type: TypeText };

// ---- Constructors ---------------------------------------------------------------------------------

export const id = (name: string): Expression => ({ kind: 'name', name });
export const literal = (value: Literal): Expression => ({ kind: 'literal', value });
export const TRUE = literal(true);
export const FALSE = literal(false);
export const UNDEFINED = literal(undefined);
export const NULL = literal(null);
export const typeText = (text: string): TypeText => ({ typeText: text });

/** `object.key`, or `object["key"]` where the key is no identifier. */
export const member = (object: Expression, key: string): Expression => ({ kind: 'member', object, key });
/** `object.a.b`: a dotted path of names. */
export const path = (dotted: string): Expression => {
  const [first, ...rest] = dotted.split('.');
  return rest.reduce((object, key) => member(object, key), id(first!));
};
export const element = (object: Expression, index: Expression): Expression => ({ kind: 'element', object, index });
export const call = (callee: Expression, ...args: readonly Expression[]): Expression => ({ kind: 'call', callee, args });
/** `!operand`; the negation of `a === b` is written `a !== b` (and the other way round), which reads the same. */
export const not = (operand: Expression): Expression => {
  if (operand.kind === 'binary' && (operand.operator === '===' || operand.operator === '!==')) {
    return binary(operand.left, operand.operator === '===' ? '!==' : '===', operand.right);
  }
  return { kind: 'unary', operator: '!', operand };
};
export const typeOf = (operand: Expression): Expression => ({ kind: 'unary', operator: 'typeof', operand });
export const increment = (operand: Expression, prefix = false): Expression => ({ kind: 'update', prefix, operand });
export const binary = (left: Expression, operator: BinaryOperator, right: Expression): Expression => ({ kind: 'binary', operator, left, right });
export const equals = (left: Expression, right: Expression): Expression => binary(left, '===', right);
export const differs = (left: Expression, right: Expression): Expression => binary(left, '!==', right);
export const conditional = (test: Expression, then: Expression, otherwise: Expression): Expression => ({ kind: 'conditional', test, then, otherwise });
export const assign = (target: Expression, value: Expression): Expression => ({ kind: 'assign', target, value });
export const sequence = (...expressions: readonly Expression[]): Expression => ({ kind: 'sequence', expressions });
export const array = (elements: readonly Expression[]): Expression => ({ kind: 'array', elements });
export const object = (properties: readonly (readonly [string, Expression])[]): Expression => ({ kind: 'object', properties });
export const fn = (params: readonly (string | Parameter)[], body: readonly Statement[]): Expression => ({ kind: 'function', params: params.map(parameter), body });
export const as = (expression: Expression, type: TypeText): Expression => ({ kind: 'as', expression, type });

/** `a && b && …`; `true` for none. */
export const and = (...operands: readonly Expression[]): Expression => chain('&&', operands, TRUE);
/** `a || b || …`; `false` for none. */
export const or = (...operands: readonly Expression[]): Expression => chain('||', operands, FALSE);

function chain(operator: '&&' | '||', operands: readonly Expression[], none: Expression): Expression {
  if (operands.length === 0) return none;
  return operands.slice(1).reduce((left, right) => binary(left, operator, right), operands[0]!);
}

export const returns = (value: Expression): Statement => ({ kind: 'return', value });
export const when = (test: Expression, then: Statement | readonly Statement[], otherwise?: readonly Statement[]): Statement => ({
  kind: 'if',
  test,
  then: Array.isArray(then) ? then : [then as Statement],
  ...(otherwise ? { otherwise } : {}),
});
export const declare = (keyword: 'const' | 'let' | 'var', name: string, init?: Expression, type?: TypeText): Statement => ({
  kind: 'declare',
  keyword,
  declarators: [{ name, ...(init ? { init } : {}), ...(type ? { type } : {}) }],
});
export const run = (expression: Expression): Statement => ({ kind: 'expression', expression });
export const BREAK: Statement = { kind: 'break' };
export const functionDeclaration = (name: string, params: readonly (string | Parameter)[], body: readonly Statement[]): Statement => ({
  kind: 'function',
  name,
  params: params.map(parameter),
  body,
});

function parameter(p: string | Parameter): Parameter {
  return typeof p === 'string' ? { name: p } : p;
}

/** Whether `e` is the literal `true` (a check that always passes). */
export const isTrue = (e: Expression): boolean => e.kind === 'literal' && e.value === true;

/** How many times `e` reads the name `name` (nested functions, which read only their own, aside). */
export function reads(e: Expression, name: string): number {
  if (e.kind === 'name') return e.name === name ? 1 : 0;
  if (e.kind === 'function') return 0;
  return subexpressions(e).reduce((total, part) => total + reads(part, name), 0);
}

/** The expressions directly inside `e`. */
function subexpressions(e: Expression): readonly Expression[] {
  switch (e.kind) {
    case 'name':
    case 'literal':
    case 'function':
      return [];
    case 'member':
      return [e.object];
    case 'element':
      return [e.object, e.index];
    case 'call':
      return [e.callee, ...e.args];
    case 'unary':
    case 'update':
      return [e.operand];
    case 'binary':
      return [e.left, e.right];
    case 'conditional':
      return [e.test, e.then, e.otherwise];
    case 'assign':
      return [e.target, e.value];
    case 'sequence':
      return e.expressions;
    case 'array':
      return e.elements;
    case 'object':
      return e.properties.map(([, value]) => value);
    case 'as':
      return [e.expression];
  }
}

// ---- The printer ----------------------------------------------------------------------------------

export interface PrintOptions {
  /** TypeScript output: annotations, casts and type declarations are written; else they are left out. */
  readonly typed: boolean;
}

const INDENT = '  ';

/**
 * A text equal for equal trees and different for different ones (cheaper than printing them): the
 * tree as JSON, with the literals JSON cannot tell apart or write (bigints, -0, NaN, ±Infinity) tagged.
 */
export function treeKey(statements: readonly Statement[]): string {
  return JSON.stringify(statements, (_, value: unknown) => {
    if (typeof value === 'bigint') return { bigint: String(value) };
    if (typeof value === 'number' && (!Number.isFinite(value) || Object.is(value, -0))) return { number: Object.is(value, -0) ? '-0' : String(value) };
    return value;
  });
}

/** Statements as program text, one per line (module level: in TypeScript output constants are `any`). */
export function print(statements: readonly Statement[], options: PrintOptions): string {
  return new Printer(options.typed).statements(statements, '', true);
}

/** One expression as program text. */
export function printExpression(e: Expression, options: PrintOptions): string {
  return new Printer(options.typed).expression(e, 0, '');
}

/** Operator precedence, as the ECMAScript grammar nests them. */
const PRECEDENCE = {
  sequence: 1,
  assign: 2,
  conditional: 3,
  '||': 4,
  '&&': 5,
  '===': 9,
  '!==': 9,
  '<': 10,
  '<=': 10,
  '>': 10,
  '>=': 10,
  instanceof: 10,
  '+': 12,
  unary: 14,
  postfix: 15,
  call: 17,
  primary: 18,
} as const;

class Printer {
  constructor(private readonly typed: boolean) {}

  statements(list: readonly Statement[], indent: string, moduleLevel = false): string {
    return list.flatMap((s) => this.statement(s, indent, moduleLevel) ?? []).join('\n');
  }

  private statement(s: Statement, indent: string, moduleLevel = false): string | undefined {
    switch (s.kind) {
      case 'return':
        return `${indent}return ${this.expression(s.value, PRECEDENCE.sequence, indent)};`;
      case 'break':
        return `${indent}break;`;
      case 'throw':
        return `${indent}throw ${this.expression(s.value, PRECEDENCE.sequence, indent)};`;
      case 'expression':
        return `${indent}${this.expression(s.expression, PRECEDENCE.sequence, indent)};`;
      case 'declare':
        return `${indent}${this.declaration(s, indent, moduleLevel)};`;
      case 'if': {
        const head = `${indent}if (${this.expression(s.test, PRECEDENCE.sequence, indent)})`;
        const [only] = s.then;
        if (!s.otherwise && s.then.length === 1 && ['return', 'break', 'throw', 'expression'].includes(only!.kind)) {
          return `${head} ${this.statement(only!, '')}`;
        }
        const otherwise = s.otherwise ? ` else ${this.block(s.otherwise, indent)}` : '';
        return `${head} ${this.block(s.then, indent)}${otherwise}`;
      }
      case 'for': {
        const init = s.init.kind === 'declare' ? this.declaration(s.init, indent, false) : this.expression((s.init as { expression: Expression }).expression, PRECEDENCE.sequence, indent);
        return `${indent}for (${init}; ${this.expression(s.test, PRECEDENCE.sequence, indent)}; ${this.expression(s.update, PRECEDENCE.sequence, indent)}) ${this.block(s.body, indent)}`;
      }
      case 'try': {
        let text = `${indent}try ${this.block(s.body, indent)}`;
        if (s.catch) text += ` catch (${s.catch.name}) ${this.block(s.catch.body, indent)}`;
        if (s.finally) text += ` finally ${this.block(s.finally, indent)}`;
        return text;
      }
      case 'switch': {
        const inner = indent + INDENT;
        const clauses = s.clauses.map(({ labels, body }) => {
          const head = `${inner}${labels.map((l) => `case ${this.expression(l, PRECEDENCE.assign, inner)}:`).join(' ')}`;
          return [head, this.statements(body, inner + INDENT)].filter(Boolean).join('\n');
        });
        return [`${indent}switch (${this.expression(s.on, PRECEDENCE.sequence, indent)}) {`, ...clauses, `${indent}}`].join('\n');
      }
      case 'function':
        return `${indent}function ${s.name}(${this.parameters(s.params, s.body)}) ${this.block(s.body, indent)}`;
      case 'type':
        return this.typed ? `${indent}type ${s.name} = ${s.type.typeText};` : undefined;
    }
  }

  private declaration(s: Extract<Statement, { kind: 'declare' }>, indent: string, moduleLevel: boolean): string {
    const declarators = s.declarators.map((d) => {
      // Strict mode wants a type where none can be inferred; module-level objects are patched later.
      const type = !this.typed ? '' : d.type ? `: ${d.type.typeText}` : moduleLevel || !d.init ? ': any' : '';
      return `${d.name}${type}${d.init ? ` = ${this.expression(d.init, PRECEDENCE.assign, indent)}` : ''}`;
    });
    return `${s.keyword} ${declarators.join(', ')}`;
  }

  private block(body: readonly Statement[], indent: string): string {
    if (body.length === 0) return '{}';
    return `{\n${this.statements(body, indent + INDENT)}\n${indent}}`;
  }

  private parameters(params: readonly Parameter[], body: readonly Statement[]): string {
    const list = params.map((p) => {
      if (!this.typed) return p.name;
      return `${p.name}${p.optional ? '?' : ''}: ${p.type ? p.type.typeText : 'any'}`;
    });
    if (this.typed && body.some(readsThis)) list.unshift('this: any');
    return list.join(', ');
  }

  /** `e` as text, in parentheses if it binds more loosely than `context` requires. */
  expression(e: Expression, context: number, indent: string): string {
    const [text, precedence] = this.bare(e, indent);
    return precedence < context ? `(${text})` : text;
  }

  private bare(e: Expression, indent: string): [string, number] {
    const P = PRECEDENCE;
    switch (e.kind) {
      case 'name':
        return [e.name, P.primary];
      case 'literal':
        return literalText(e.value);
      case 'member':
        return [`${this.expression(e.object, P.call, indent)}${propertyAccess(e.key)}`, P.call];
      case 'element':
        return [`${this.expression(e.object, P.call, indent)}[${this.expression(e.index, P.sequence, indent)}]`, P.call];
      case 'call':
        return [`${this.expression(e.callee, P.call, indent)}(${e.args.map((a) => this.expression(a, P.assign, indent)).join(', ')})`, P.call];
      case 'unary':
        return [`${e.operator === 'typeof' ? 'typeof ' : '!'}${this.expression(e.operand, P.unary, indent)}`, P.unary];
      case 'update':
        return e.prefix ? [`++${this.expression(e.operand, P.unary, indent)}`, P.unary] : [`${this.expression(e.operand, P.postfix, indent)}++`, P.postfix];
      case 'binary': {
        const precedence = P[e.operator];
        // Left-associative: a right operand of the same precedence keeps its parentheses.
        return [`${this.expression(e.left, precedence, indent)} ${e.operator} ${this.expression(e.right, precedence + 1, indent)}`, precedence];
      }
      case 'conditional':
        return [
          `${this.expression(e.test, P.conditional + 1, indent)} ? ${this.expression(e.then, P.assign, indent)} : ${this.expression(e.otherwise, P.assign, indent)}`,
          P.conditional,
        ];
      case 'assign':
        return [`${this.expression(e.target, P.call, indent)} = ${this.expression(e.value, P.assign, indent)}`, P.assign];
      case 'sequence':
        return [e.expressions.map((x) => this.expression(x, P.assign, indent)).join(', '), P.sequence];
      case 'array':
        return [`[${e.elements.map((x) => this.expression(x, P.assign, indent)).join(', ')}]`, P.primary];
      case 'object': {
        if (e.properties.length === 0) return ['{}', P.primary];
        // An object holding a function gets a line per property, so the function's body lines up.
        if (e.properties.some(([, value]) => value.kind === 'function')) {
          const inner = indent + INDENT;
          const lines = e.properties.map(([key, value]) => `${inner}${propertyName(key)}: ${this.expression(value, P.assign, inner)},`);
          return [`{\n${lines.join('\n')}\n${indent}}`, P.primary];
        }
        return [`{ ${e.properties.map(([key, value]) => `${propertyName(key)}: ${this.expression(value, P.assign, indent)}`).join(', ')} }`, P.primary];
      }
      case 'function':
        return [`function (${this.parameters(e.params, e.body)}) ${this.block(e.body, indent)}`, P.primary];
      case 'as':
        return this.typed ? [`(${this.expression(e.expression, P.call, indent)} as ${e.type.typeText})`, P.primary] : this.bare(e.expression, indent);
    }
  }
}

function literalText(value: Literal): [string, number] {
  if (value === undefined) return ['void 0', PRECEDENCE.unary];
  if (typeof value === 'string') return [JSON.stringify(value), PRECEDENCE.primary];
  if (typeof value === 'bigint') return [`${value}n`, value < 0n ? PRECEDENCE.unary : PRECEDENCE.primary];
  if (typeof value === 'number') {
    // Literal types hold finite numbers only; `-0` keeps its sign.
    if (Object.is(value, -0)) return ['-0', PRECEDENCE.unary];
    return [String(value), value < 0 ? PRECEDENCE.unary : PRECEDENCE.primary];
  }
  return [String(value), PRECEDENCE.primary];
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

function propertyAccess(key: string): string {
  return IDENTIFIER.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}

function propertyName(key: string): string {
  return IDENTIFIER.test(key) ? key : JSON.stringify(key);
}

/** Whether a statement reads `this` outside nested functions (which have their own). */
function readsThis(s: Statement): boolean {
  const inExpression = (e: Expression) => reads(e, 'this') > 0;
  switch (s.kind) {
    case 'return':
    case 'throw':
      return inExpression(s.value);
    case 'expression':
      return inExpression(s.expression);
    case 'declare':
      return s.declarators.some((d) => d.init !== undefined && inExpression(d.init));
    case 'if':
      return inExpression(s.test) || s.then.some(readsThis) || (s.otherwise?.some(readsThis) ?? false);
    case 'for':
      return readsThis(s.init) || inExpression(s.test) || inExpression(s.update) || s.body.some(readsThis);
    case 'try':
      return s.body.some(readsThis) || (s.catch?.body.some(readsThis) ?? false) || (s.finally?.some(readsThis) ?? false);
    case 'switch':
      return inExpression(s.on) || s.clauses.some((c) => c.labels.some(inExpression) || c.body.some(readsThis));
    case 'break':
    case 'function':
    case 'type':
      return false;
  }
}
