import type { Schema } from './operations.js';

/**
 * How a JSON body relates to the XML body of the same request or response. Rails-style JSON wraps a single
 * object in its resource key (`{"project": {...}}`) while the XML document is the object itself
 * (`<project>...</project>`); list bodies have the same shape in both (`{projects: [...], total_count}` and
 * `<projects total_count="…" type="array">`), plus the `type="array"` attribute the XML schema declares as a const.
 */
export interface XmlEnvelope {
  /** The JSON property holding the XML document's value, or undefined when both have the same shape. */
  key: string | undefined;
  /** Constant attributes of the XML root (e.g. `type: 'array'`), added when the JSON value lacks them. */
  constants: Record<string, unknown>;
}

const cache = new WeakMap<Schema, WeakMap<Schema, XmlEnvelope>>();
const NO_SCHEMA: Schema = {};

/** Works out the envelope from the two schemas of one request body or response (cached per schema pair). */
export function xmlEnvelope(jsonSchema: Schema | undefined, xmlSchema: Schema | undefined): XmlEnvelope {
  if (!xmlSchema) return computeEnvelope(jsonSchema, xmlSchema);
  let byJson = cache.get(xmlSchema);
  if (!byJson) {
    byJson = new WeakMap();
    cache.set(xmlSchema, byJson);
  }
  let envelope = byJson.get(jsonSchema ?? NO_SCHEMA);
  if (!envelope) {
    envelope = computeEnvelope(jsonSchema, xmlSchema);
    byJson.set(jsonSchema ?? NO_SCHEMA, envelope);
  }
  return envelope;
}

function computeEnvelope(jsonSchema: Schema | undefined, xmlSchema: Schema | undefined): XmlEnvelope {
  const constants: Record<string, unknown> = {};
  for (const [k, s] of Object.entries<Schema>(xmlSchema?.properties ?? {})) {
    if (s && 'const' in s) constants[k] = s.const;
  }
  if (!jsonSchema || !xmlSchema || jsonSchema === xmlSchema) return { key: undefined, constants };
  const props = Object.entries<Schema>(jsonSchema.properties ?? {});
  const same = props.find(([, s]) => s === xmlSchema);
  if (same) return { key: same[0], constants: {} };
  const rootName = xmlSchema.xml?.name as string | undefined;
  if (rootName && props.length === 1 && props[0]?.[0] === rootName && !xmlSchema.properties?.[rootName]) {
    return { key: rootName, constants: {} };
  }
  return { key: undefined, constants };
}

/** The XML document's value for a JSON-shaped response body. */
export function toXmlValue(envelope: XmlEnvelope, body: unknown): unknown {
  if (envelope.key !== undefined) return (body as Record<string, unknown> | null)?.[envelope.key];
  if (Object.keys(envelope.constants).length === 0 || !body || typeof body !== 'object') return body;
  return { ...envelope.constants, ...(body as Record<string, unknown>) };
}

/** The JSON-shaped value of a bound XML request body. */
export function fromXmlValue(envelope: XmlEnvelope, value: unknown): unknown {
  if (envelope.key !== undefined) return { [envelope.key]: value };
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  const out = { ...(value as Record<string, unknown>) };
  for (const k of Object.keys(envelope.constants)) delete out[k];
  return out;
}
