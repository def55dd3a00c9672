// Plex's default representation: the JSON MediaContainer rendered as XML (arrays become child elements).
const escape = (value: string) => value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function element(name: string, node: Record<string, unknown>): string {
  const attributes: string[] = [];
  const children: string[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (value === null || value === undefined) continue;
    if (Array.isArray(value)) {
      for (const child of value) if (child && typeof child === "object") children.push(element(key, child as Record<string, unknown>));
    } else if (typeof value === "object") {
      children.push(element(key, value as Record<string, unknown>));
    } else {
      const text = typeof value === "boolean" ? (value ? "1" : "0") : String(value);
      attributes.push(`${key}="${escape(text)}"`);
    }
  }
  const open = `<${name}${attributes.length ? " " + attributes.join(" ") : ""}`;
  return children.length ? `${open}>${children.join("")}</${name}>` : `${open} />`;
}

export function toPlexXml(body: { MediaContainer: Record<string, unknown> }): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${element("MediaContainer", body.MediaContainer)}\n`;
}
