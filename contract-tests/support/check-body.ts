import { isJson, isXml } from './media-type.js';
import { describeSchemaErrors } from './schema-messages.js';
import type { SchemaValidator } from './schema-validator.js';
import { expectedRoot, type XmlCodec } from './xml-codec.js';

/** A body read according to its media type: the value (when it could be read) and what is wrong with it. */
export interface BodyCheck {
  value?: unknown;
  differences: string[];
}

/**
 * Reads a response body as the documented media type says and validates it against the documented schema.
 * JSON is parsed and validated as is; XML is parsed, its root element compared with the schema's `xml.name`, then
 * bound to a value through the schema and validated; text bodies are validated as strings.
 */
export function checkBody(
  text: string,
  mediaType: string,
  schema: unknown,
  validator: SchemaValidator,
  xml: XmlCodec,
): BodyCheck {
  if (isJson(mediaType)) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      return { differences: [`body is not valid JSON (${(err as Error).message})`] };
    }
    return { value, differences: describeSchemaErrors(validator.validate(schema, value), 'json') };
  }
  if (isXml(mediaType)) {
    let read: { root: string; value: unknown };
    try {
      read = xml.read(text, schema);
    } catch (err) {
      const e = err as Error;
      const what = e.name === 'XmlBindError' ? 'does not fit the schema' : 'is not well-formed XML';
      return { differences: [`body ${what} (${e.message})`] };
    }
    const root = expectedRoot(schema);
    if (root && read.root !== root) {
      return { value: read.value, differences: [`body root element is <${read.root}>, expected <${root}>`] };
    }
    return { value: read.value, differences: describeSchemaErrors(validator.validate(schema, read.value), 'xml') };
  }
  if (mediaType.startsWith('text/')) {
    return { value: text, differences: describeSchemaErrors(validator.validate(schema, text), 'text') };
  }
  return { value: text, differences: [] };
}
