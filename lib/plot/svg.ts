/** Minimal SVG string building: escaping and element helpers. */

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escapes text for use in SVG/XML content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character);
}

export type Attributes = Readonly<Record<string, string | number | undefined>>;

/** `name="value"` pairs, skipping undefined values; numbers must already be formatted strings. */
function attributeText(attributes: Attributes): string {
  return Object.entries(attributes)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeXml(String(value))}"`)
    .join("");
}

/** A self-closing element: `<circle cx="1" cy="2" r="3"/>`. */
export function emptyElement(name: string, attributes: Attributes): string {
  return `<${name}${attributeText(attributes)}/>`;
}

/** An element with text content (escaped). */
export function textElement(name: string, attributes: Attributes, text: string): string {
  return `<${name}${attributeText(attributes)}>${escapeXml(text)}</${name}>`;
}

/** An element wrapping already-built children. */
export function groupElement(name: string, attributes: Attributes, children: readonly string[]): string {
  return `<${name}${attributeText(attributes)}>\n${children.join("\n")}\n</${name}>`;
}
