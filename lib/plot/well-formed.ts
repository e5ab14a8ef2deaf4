/**
 * A rough XML well-formedness reading of an SVG file: one `<svg>` root, tags balanced and
 * properly nested, attributes quoted, no stray "<" or "&" in text. Enough to tell a figure a
 * browser will draw from a truncated or hand-broken file, without an XML parser in the kit.
 */

/** The element names in document order; throws an `Error` saying what is malformed and where. */
export function svgElementNames(svg: string): string[] {
  const body = svg.replace(/^<\?xml[^?]*\?>\s*/, "").trimEnd();
  const names: string[] = [];
  const open: string[] = [];
  const tag = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/y;
  let position = 0;
  while (position < body.length) {
    const next = body.indexOf("<", position);
    const text = body.slice(position, next === -1 ? body.length : next);
    if (/&(?!(amp|lt|gt|quot|#39);)/.test(text)) throw new Error(`unescaped "&" in text at ${position}`);
    if (next === -1) break;
    tag.lastIndex = next;
    const match = tag.exec(body);
    if (!match) throw new Error(`malformed tag at ${next}: ${body.slice(next, next + 60)}`);
    const [whole, closing, name, , selfClosing] = match;
    if (closing) {
      const expected = open.pop();
      if (expected !== name) throw new Error(`</${name}> closes <${expected ?? "nothing"}> at ${next}`);
    } else {
      names.push(name as string);
      if (!selfClosing) open.push(name as string);
    }
    position = next + whole.length;
    if (open.length === 0 && body.slice(position).trim() !== "") throw new Error(`content after the root element at ${position}`);
  }
  if (open.length > 0) throw new Error(`unclosed <${open.join(">, <")}>`);
  if (names[0] !== "svg") throw new Error(`the root element is <${names[0] ?? "nothing"}>, not <svg>`);
  return names;
}
