/**
 * Text for the XML exports (GraphML, GEXF): one escape for element text and attribute values alike. The five
 * markup characters become entities; tabs, line feeds and carriage returns become character references (so that an
 * attribute value keeps them: a parser would turn them into spaces otherwise); characters XML 1.0 cannot hold at
 * all (other control characters, lone surrogates, U+FFFE and U+FFFF) are dropped.
 */
const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

const NOT_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escapes text for an XML element or a double- or single-quoted attribute value. */
export function xmlEscape(text: string): string {
  return text.replace(NOT_XML, '').replace(/[&<>"'\t\n\r]/g, (c) => ENTITIES[c] ?? c);
}
