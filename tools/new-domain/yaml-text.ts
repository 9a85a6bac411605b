/**
 * Where things are in a stack file's text, for edits that splice text at the place the yaml
 * Document API finds (so every other byte stays as written).
 */
import { isScalar, type Node, type Pair } from "yaml";

/** A map pair's key as a plain value. */
export function keyOf(pair: Pair): unknown {
    return isScalar(pair.key) ? pair.key.value : pair.key;
}

/** The offset of the start of the line holding `offset`. */
export function lineStart(text: string, offset: number): number {
    return text.lastIndexOf("\n", offset - 1) + 1;
}

/** The offset just after the line holding `offset` (or the end of the text). */
export function nextLine(text: string, offset: number): number {
    const newline = text.indexOf("\n", Math.max(offset - 1, 0));
    return newline === -1 ? text.length : newline + 1;
}

/** The column a node starts at. */
export function columnOf(text: string, node: Node): number {
    const start = node.range![0];
    return start - lineStart(text, start);
}
