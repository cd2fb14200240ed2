/**
 * A lowered source file back to text that keeps the user's own: the lowering changes a few nodes
 * (duckcall's calls, a decorator's arguments, a class's install block, the generated block), and
 * everything else is the original node object. Walking the original and the lowered tree side by
 * side finds the smallest nodes that differ; only those are printed, and inside them every original
 * node is written back as its source text. Comments and formatting outside duckcall's calls stay
 * byte for byte.
 */
import ts from 'typescript';

interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export function spliceText(original: ts.SourceFile, lowered: ts.SourceFile): string {
  const text = original.text;
  const start = (node: ts.Node): number => node.getStart(original);

  /** A lowered node as text: original nodes as written, nodes updated from one as its text with the updates spliced in. */
  const render = (node: ts.Node): string => {
    if (isOriginal(node)) return text.slice(start(node), node.end);
    const source = ts.getOriginalNode(node);
    if (source !== node && isOriginal(source) && source.kind === node.kind) {
      const edits: Edit[] = [];
      walk(source, node, edits);
      return apply(text.slice(start(source), source.end), edits, start(source));
    }
    // A printer of its own: render() runs inside another print, and a printer is not re-entrant.
    const printer = ts.createPrinter(
      { removeComments: true, newLine: ts.NewLineKind.LineFeed },
      { substituteNode: (_hint, inner) => (inner !== node && hasSourceText(inner) ? ts.factory.createIdentifier(render(inner)) : inner) },
    );
    return printer.printNode(ts.EmitHint.Unspecified, node, original);
  };

  const walk = (before: ts.Node, after: ts.Node, edits: Edit[]): void => {
    if (before === after) return;
    const replace = () => void edits.push({ start: start(before), end: before.end, text: render(after) });
    if (ts.getOriginalNode(after) !== before || before.kind !== after.kind) return replace();
    const a = slots(before);
    const b = slots(after);
    if (a.length !== b.length || a.some((slot, i) => isNodeArray(slot) !== isNodeArray(b[i]!))) return replace();
    a.forEach((slot, i) => {
      const other = b[i]!;
      if (isNodeArray(slot)) walkList(slot, other as ts.NodeArray<ts.Node>, before, edits);
      else walk(slot, other as ts.Node, edits);
    });
  };

  const walkList = (before: ts.NodeArray<ts.Node>, after: ts.NodeArray<ts.Node>, parent: ts.Node, edits: Edit[]): void => {
    if (before === after) return;
    const lines = isLineList(before, after);
    const anchor = before[before.length - 1];
    const separator = lines ? `\n${anchor ? indentation(text, start(anchor)) : ''}` : ', ';
    // Each lowered element that is (or came from) an original element, in order.
    const pairs: { from: number; to: number }[] = [];
    let next = 0;
    after.forEach((node, to) => {
      const from = before.indexOf(ts.getOriginalNode(node), next);
      if (from >= 0) {
        pairs.push({ from, to });
        next = from + 1;
      }
    });
    if (pairs.length !== before.length) {
      // An element removed: write the whole list again (its original elements stay verbatim).
      const first = before[0];
      const span = first ? { start: start(first), end: before[before.length - 1]!.end } : { start: before.pos, end: before.pos };
      edits.push({ ...span, text: after.map(render).join(separator) });
      return;
    }
    let previous: number | undefined; // index in `before` of the last paired element
    const inserted: ts.Node[] = [];
    // New elements go right after the element before them (so a following element keeps its
    // leading comments), or before the first element, or inside an empty list's brackets.
    const flush = (following: number | undefined) => {
      if (inserted.length === 0) return;
      const body = inserted.map(render).join(separator);
      if (previous !== undefined) {
        const at = before[previous]!.end;
        edits.push({ start: at, end: at, text: separator + body });
      } else if (following !== undefined) {
        const at = start(before[following]!);
        edits.push({ start: at, end: at, text: body + separator });
      } else {
        const at = insertionPointOfEmptyList(before, parent, original);
        edits.push({ start: at, end: at, text: lines ? `\n${body}\n` : body });
      }
      inserted.length = 0;
    };
    let pairIndex = 0;
    after.forEach((node, to) => {
      const pair = pairs[pairIndex];
      if (pair && pair.to === to) {
        flush(pair.from);
        walk(before[pair.from]!, node, edits);
        previous = pair.from;
        pairIndex++;
      } else {
        inserted.push(node);
      }
    });
    flush(undefined);
  };

  const edits: Edit[] = [];
  walk(original, lowered, edits);
  return apply(text, edits, 0);
}

function apply(text: string, edits: readonly Edit[], offset: number): string {
  let out = text;
  for (const edit of [...edits].sort((x, y) => y.start - x.start || y.end - x.end)) {
    out = out.slice(0, edit.start - offset) + edit.text + out.slice(edit.end - offset);
  }
  return out;
}

/** The whitespace that starts the line `position` is on. */
function indentation(text: string, position: number): string {
  const lineStart = text.lastIndexOf('\n', position - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart, position))![0];
}

/** Original, or updated from an original node: it can be written from source text. */
function hasSourceText(node: ts.Node): boolean {
  if (isOriginal(node)) return true;
  const source = ts.getOriginalNode(node);
  return source !== node && isOriginal(source) && source.kind === node.kind;
}

/** A node the parser made (not the lowering), which therefore has source text. */
function isOriginal(node: ts.Node): boolean {
  return node.pos >= 0 && (node.flags & ts.NodeFlags.Synthesized) === 0 && node.parent !== undefined;
}

function isNodeArray(value: ts.Node | ts.NodeArray<ts.Node>): value is ts.NodeArray<ts.Node> {
  return Array.isArray(value);
}

/** The children of a node in source order, lists kept whole. */
function slots(node: ts.Node): (ts.Node | ts.NodeArray<ts.Node>)[] {
  const out: (ts.Node | ts.NodeArray<ts.Node>)[] = [];
  ts.forEachChild(
    node,
    (child) => void out.push(child),
    (list) => void out.push(list),
  );
  return out;
}

/** Statements and class members go one per line; everything else in a list is separated by commas. */
function isLineList(before: ts.NodeArray<ts.Node>, after: ts.NodeArray<ts.Node>): boolean {
  const sample = before[0] ?? after[0];
  return sample !== undefined && (ts.isStatement(sample) || ts.isClassElement(sample));
}

/** Where an element goes in a list that had none: just inside its brackets. */
function insertionPointOfEmptyList(list: ts.NodeArray<ts.Node>, parent: ts.Node, file: ts.SourceFile): number {
  if (ts.isClassLike(parent)) {
    // `class A {}`: members go before the closing brace.
    return parent.end - 1;
  }
  if (ts.isSourceFile(parent)) return file.text.length;
  return list.pos;
}
