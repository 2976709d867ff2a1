// biome-ignore-all lint/suspicious/noExplicitAny: OpenAPI objects are walked generically.
import type { OperationEntry } from '../../src/spec/load.js';
import { isJson, isXml } from './media-type.js';
import { sampleFromSchema } from './sample-schema.js';
import type { Format } from './types.js';

/** The first example of an object carrying `example` or `examples` (OpenAPI parameter / media type). */
export function firstExample(node: any): unknown {
  if (!node) return undefined;
  if (node.example !== undefined) return node.example;
  const examples = node.examples;
  if (examples && typeof examples === 'object') {
    for (const ex of Object.values<any>(examples)) if (ex && ex.value !== undefined) return ex.value;
  }
  return undefined;
}

/** A value for a parameter: its example, else its schema's example, else a minimal valid value. */
export function parameterValue(param: any): unknown {
  return firstExample(param) ?? sampleFromSchema(param.schema);
}

/** The request media type to use: the format's kind when given and documented, else JSON, else the first one. */
export function requestMediaType(op: OperationEntry, format?: Format): string | undefined {
  const types = Object.keys(op.operation.requestBody?.content ?? {});
  if (types.length === 0) return undefined;
  if (format === 'xml') return types.find(isXml) ?? types[0];
  return types.find(isJson) ?? types[0];
}

/** The documented request body example for a media type (a string for XML), or a value made from the schema. */
export function requestExample(op: OperationEntry, mediaType: string): unknown {
  const media = op.operation.requestBody?.content?.[mediaType];
  return firstExample(media) ?? sampleFromSchema(media?.schema);
}

/** The schema of a request media type. */
export function requestSchema(op: OperationEntry, mediaType: string): unknown {
  return op.operation.requestBody?.content?.[mediaType]?.schema;
}
