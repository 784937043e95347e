/** A run of text, marked (a match) or not. */
export interface HighlightSegment {
  text: string;
  marked: boolean;
}

/** Elements whose content is never text to show. */
const DROPPED = new Set(["SCRIPT", "STYLE", "TEMPLATE", "NOSCRIPT", "IFRAME", "OBJECT", "SVG", "MATH", "HEAD", "TITLE"]);

/**
 * Parses a highlight from the search API (escaped text with <mark>…</mark> around matches)
 * into plain text segments. Nothing from the HTML survives but text and the fact that a
 * run sat inside <mark>: every other tag is dropped (its text kept as plain text), every
 * attribute is gone, entities are decoded once, and the result is rendered by React as
 * text — never as HTML. The parse happens in an inert document (no scripts, no loads).
 */
export function parseHighlight(html: string): HighlightSegment[] {
  const doc = new DOMParser().parseFromString(`<!doctype html><body>${html}</body>`, "text/html");
  const segments: HighlightSegment[] = [];
  const push = (text: string, marked: boolean) => {
    if (!text) return;
    const last = segments.at(-1);
    if (last && last.marked === marked) last.text += text;
    else segments.push({ text, marked });
  };
  const walk = (node: Node, marked: boolean) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === Node.TEXT_NODE) push(child.textContent ?? "", marked);
      else if (child.nodeType === Node.ELEMENT_NODE) {
        const tag = (child as Element).tagName.toUpperCase();
        if (DROPPED.has(tag)) continue;
        walk(child, marked || tag === "MARK");
      }
    }
  };
  walk(doc.body, false);
  return segments;
}
