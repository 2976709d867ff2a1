import { expect, test } from 'vitest';
import { COLLECTIONS, collectionForEntityType, isCollectionName, RESOURCES, supports } from './resources.js';

test('the catalogue lists the 37 groups of the v1.8 index', () => {
  expect(RESOURCES).toHaveLength(37);
  expect(new Set(COLLECTIONS).size).toBe(37);
  expect(isCollectionName('trash-bin')).toBe(true);
  expect(isCollectionName('wikis')).toBe(false);
});

test('operations follow the index', () => {
  expect(supports('roles', 'read')).toBe(false);
  expect(supports('roles', 'create')).toBe(true);
  expect(supports('profiles', 'update')).toBe(false);
  expect(supports('dashboards', 'create')).toBe(false);
  expect(supports('forms', 'copy')).toBe(true);
  expect(supports('forms', 'move')).toBe(false);
  expect(COLLECTIONS.filter((c) => supports(c, 'move'))).toEqual([
    'file-folders',
    'files',
    'projects',
    'statuses',
    'task-boards',
    'task-groups',
    'tasks',
    'wiki-entities',
  ]);
  expect(COLLECTIONS.filter((c) => supports(c, 'copy'))).toEqual([
    'forms',
    'projects',
    'task-boards',
    'task-groups',
    'tasks',
  ]);
});

test('entity types map to collections', () => {
  expect(collectionForEntityType('person')).toBe('people');
  expect(collectionForEntityType('wiki-page')).toBe('wiki-entities');
  expect(collectionForEntityType('blocks-group')).toBe('block-groups');
  expect(collectionForEntityType('scheduler')).toBeUndefined();
});
