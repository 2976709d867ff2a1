import { isJson, isXml } from './media-type.js';
import { describeSchemaErrors } from './schema-messages.js';
import type { SchemaValidator } from './schema-validator.js';
import { expectedRoot, type XmlCodec } from './xml-codec.js';

/** A body read according to its media type: the value (when it could be read) and what is wrong with it. */
export interface BodyCheck {
  value?: unknown;
  differences: string[];
}

// biome-ignore lint/suspicious/noExplicitAny: a JSON Schema object
const textSchema = (schema: any) => schema?.type === 'string';

/** Whether the text is a JSON document (JSON media types) or starts like an XML document (XML media types). */
function parsesAs(text: string, mediaType: string): boolean {
  if (isXml(mediaType)) return text.trimStart().startsWith('<');
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Reads a response body as the documented media type says and validates it against the documented schema.
 * JSON is parsed and validated as is; XML is parsed, its root element compared with the schema's `xml.name`, then
 * bound to a value through the schema and validated; text bodies are validated as strings. A body documented as a
 * plain string under a JSON or XML media type that is not JSON or XML is read as text.
 */
export function checkBody(
  text: string,
  mediaType: string,
  schema: unknown,
  validator: SchemaValidator,
  xml: XmlCodec,
): BodyCheck {
  if (textSchema(schema) && (isJson(mediaType) || isXml(mediaType)) && !parsesAs(text, mediaType)) {
    // Redmine sends its 406 hint as plain text under the media type the client asked for.
    return { value: text, differences: describeSchemaErrors(validator.validate(schema, text), 'text') };
  }
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
