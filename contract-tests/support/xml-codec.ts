import { bindXml, parseXmlDocument, serializeXml } from '../../src/formats/xml.js';

/** Reads and writes XML bodies through a schema (the OpenAPI `xml` keyword decides elements and attributes). */
export interface XmlCodec {
  /**
   * Parses a document and binds it to a JavaScript value shaped like the schema. Throws when the text is not
   * well-formed XML. `root` is the name of the document element.
   */
  read(text: string, schema: unknown): { root: string; value: unknown };
  /** Serialises a value as an XML document whose root element is the schema's `xml.name`. */
  write(value: unknown, schema: unknown): string;
}

/** The root element name a schema asks for (`xml.name`), if it names one. */
export function expectedRoot(schema: unknown): string | undefined {
  // biome-ignore lint/suspicious/noExplicitAny: a JSON Schema object
  const name = (schema as any)?.xml?.name;
  return typeof name === 'string' ? name : undefined;
}

/**
 * The codec of crmkit's schema-directed XML binder (`src/formats/xml.ts`). The root element is reported before
 * binding, so a wrong root is told apart from a document that is not XML at all; binding a document whose root
 * differs from the schema's `xml.name` yields no value.
 */
export const binderXmlCodec: XmlCodec = {
  read(text, schema) {
    const root = parseXmlDocument(text);
    const wanted = expectedRoot(schema);
    if (wanted && root.name !== wanted) return { root: root.name, value: undefined };
    return { root: root.name, value: bindXml(root, (schema ?? {}) as object) };
  },
  write(value, schema) {
    return serializeXml(value, (schema ?? {}) as object);
  },
};
