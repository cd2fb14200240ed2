/** The type as messages show it, rebuilt from its shape (schema node texts, unsupported-type errors). */
import type { Shape } from '../analyze/shape.js';

/** A literal type as TypeScript writes it. */
function literalType(value: string | number | boolean | bigint | null | undefined): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'bigint') return `${value}n`;
  return String(value);
}

/** The type as messages show it, rebuilt from the shape. */
export function shapeText(shape: Shape): string {
  switch (shape.kind) {
    case 'any':
      return 'unknown';
    case 'never':
      return 'never';
    case 'typeof':
      return shape.type === 'function' ? 'Function' : shape.type;
    case 'literal':
      return literalType(shape.value);
    case 'nonNullish':
      return '{}';
    case 'nonPrimitive':
      return 'object';
    case 'union': {
      const nullish = (m: Shape) => m.kind === 'literal' && (m.value === undefined || m.value === null);
      const ordered = [...shape.members.filter((m) => !nullish(m)), ...shape.members.filter(nullish)];
      return ordered.map((m) => (m.kind === 'intersection' ? `(${shapeText(m)})` : shapeText(m))).join(' | ');
    }
    case 'intersection':
      return shape.members.map((m) => (m.kind === 'union' ? `(${shapeText(m)})` : shapeText(m))).join(' & ');
    case 'array':
      return arrayText(shape.element);
    case 'tuple':
      return `[${shape.elements.map((e) => (e.flag === 'rest' ? `...${arrayText(e.shape)}` : `${shapeText(e.shape)}${e.flag === 'optional' ? '?' : ''}`)).join(', ')}]`;
    case 'builtin': {
      const name = shape.structural ? `Readonly${shape.name}` : shape.name;
      return shape.args.length > 0 ? `${name}<${shape.args.map(shapeText).join(', ')}>` : name;
    }
    case 'boxed':
      return { string: 'String', number: 'Number', boolean: 'Boolean', bigint: 'BigInt', symbol: 'Symbol' }[shape.type];
    case 'nominal':
    case 'uniqueSymbol':
      return shape.name;
    case 'nominalConstructor':
      return `typeof ${shape.name}`;
    case 'template':
      return `\`${shape.parts.map((p) => (typeof p === 'string' ? p : `\${${shapeText(p)}}`)).join('')}\``;
    case 'ref':
      return shape.target.text;
    case 'lazy':
      return shape.box.text;
  }
}

/** `T[]` for an element type `T`. */
function arrayText(element: Shape): string {
  const text = shapeText(element);
  return element.kind === 'union' || element.kind === 'intersection' ? `(${text})[]` : `${text}[]`;
}
