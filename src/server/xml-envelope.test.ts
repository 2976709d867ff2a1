import { expect, test } from 'vitest';
import { fromXmlValue, toXmlValue, xmlEnvelope } from './xml-envelope.js';

const project = { type: 'object', xml: { name: 'project' }, properties: { name: { type: 'string' } } };
const response = { type: 'object', properties: { project } };
const listJson = { type: 'object', properties: { projects: { type: 'array' }, total_count: { type: 'integer' } } };
const listXml = {
  type: 'object',
  xml: { name: 'projects' },
  properties: { type: { const: 'array', xml: { attribute: true } }, projects: { type: 'array' } },
};

test('a single object is unwrapped from its JSON resource key, and wrapped back', () => {
  const env = xmlEnvelope(response, project);
  expect(env.key).toBe('project');
  expect(toXmlValue(env, { project: { name: 'a' } })).toEqual({ name: 'a' });
  expect(fromXmlValue(env, { name: 'a' })).toEqual({ project: { name: 'a' } });
});

test('the envelope is found by root name when the schemas are distinct objects', () => {
  const copy = { ...project };
  expect(xmlEnvelope(response, copy).key).toBe('project');
});

test('a list keeps its shape and gains the constant type="array" attribute', () => {
  const env = xmlEnvelope(listJson, listXml);
  expect(env.key).toBeUndefined();
  expect(toXmlValue(env, { projects: [], total_count: 0 })).toEqual({ type: 'array', projects: [], total_count: 0 });
  expect(fromXmlValue(env, { type: 'array', projects: [] })).toEqual({ projects: [] });
});
