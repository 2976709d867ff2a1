import { expect, test } from 'vitest';
import { bodyShape, compareShapes, jsonShape } from './body-shape.js';

const names: [string, string] = ['live', 'reference'];

test('JSON shapes keep paths and types, not values; arrays contribute their first item', () => {
  const shape = jsonShape({
    projects: [
      { id: 1, name: 'a' },
      { id: 2, extra: true },
    ],
    total_count: 2,
  });
  expect([...shape.entries()]).toEqual([
    ['$', 'object'],
    ['$.projects', 'array'],
    ['$.projects[]', 'object'],
    ['$.projects[].id', 'integer'],
    ['$.projects[].name', 'string'],
    ['$.total_count', 'integer'],
  ]);
});

test('equal shapes with other values compare equal; null stands for any type', () => {
  const a = bodyShape('application/json', '{"project":{"id":1,"name":"x","description":null}}');
  const b = bodyShape('application/json; charset=utf-8', '{"project":{"id":9,"name":"y","description":"d"}}');
  expect(compareShapes(a, b, names)).toEqual([]);
});

test('a missing key and a changed type are differences', () => {
  const a = bodyShape('application/json', '{"project":{"id":1,"homepage":""}}');
  const b = bodyShape('application/json', '{"project":{"id":"1"}}');
  expect(compareShapes(a, b, names)).toEqual([
    '$.project.homepage only on live',
    '$.project.id is integer on live, string on reference',
  ]);
});

test('XML shapes: elements, attributes and text types', () => {
  const live =
    '<projects total_count="1" offset="0" limit="25" type="array"><project><id>1</id><name>x</name><description/></project></projects>';
  const ref =
    '<projects total_count="3" offset="0" limit="25" type="array"><project><id>2</id><name>y</name></project></projects>';
  expect(compareShapes(bodyShape('application/xml', live), bodyShape('application/xml', ref), names)).toEqual([
    '/projects/project/description only on live',
  ]);
});

test('what an empty list would hold is not compared', () => {
  const a = bodyShape('application/json', '{"projects":[],"total_count":0}');
  const b = bodyShape('application/json', '{"projects":[{"id":1}],"total_count":1}');
  expect(compareShapes(a, b, names)).toEqual([]);
});

test('empty bodies and text bodies are told apart', () => {
  expect(compareShapes(bodyShape('application/json', ''), bodyShape('text/plain', 'hint'), names)).toEqual([
    'body is absent on live, text on reference',
  ]);
});
