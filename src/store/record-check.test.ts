import { expect, test } from 'vitest';
import { Database } from './database.js';
import { field, recordCheck, recordSchema } from './record-check.js';

interface Thing {
  id: number;
  name: string;
  tags: string[];
  parent: { id: number; label: string | null } | null;
}

const schemas = {
  things: recordSchema<Thing>({
    id: field.id,
    name: field.string,
    tags: field.array(field.string),
    parent: field.nullable(
      recordSchema<NonNullable<Thing['parent']>>({ id: field.id, label: field.nullable(field.string) }),
    ),
  }),
};

const setup = () => {
  const db = new Database();
  const things = db.define<Thing>('things');
  things.insert({ name: 'kept', tags: [], parent: null });
  return { db, things };
};
const importing = (db: Database, items: unknown[]) => () =>
  db.import({ things: { nextId: 10, items } }, recordCheck(schemas));

test('an import with a record of the wrong shape is refused naming collection, record and field; nothing changes', () => {
  const { db, things } = setup();
  const good = { id: 1, name: 'a', tags: ['x'], parent: null };
  expect(importing(db, [good, { id: 2, name: 'b', tags: 'x', parent: null }])).toThrow(
    'collection "things", record 1 (id 2): field "tags" must be array',
  );
  expect(importing(db, [{ ...good, parent: { id: 1, label: 5 } }])).toThrow(
    'collection "things", record 0 (id 1): field "parent.label" must be string or null',
  );
  expect(importing(db, [{ ...good, tags: ['a', 3] }])).toThrow('field "tags[1]" must be string');
  expect(importing(db, [{ id: 3, name: 'c' }])).toThrow('record 0 (id 3): fields "tags", "parent" are missing');
  expect(importing(db, [{ ...good, extra: 1 }])).toThrow('field "extra" is not a field of this record');
  expect(importing(db, [{ ...good, id: 0 }])).toThrow('record 0 (id 0): field "id" must be a positive integer');
  expect(importing(db, [good, good])).toThrow('record 1 (id 1): id 1 appears twice');
  expect(importing(db, [null])).toThrow('collection "things", record 0 is not an object');
  expect(() => db.import({ things: { nextId: 'x', items: [] } })).toThrow('needs {nextId, items[]}');
  expect(things.all().map((t) => t.name)).toEqual(['kept']);
  importing(db, [good])();
  expect(things.all().map((t) => t.name)).toEqual(['a']);
});

test('a collection without a record schema cannot be imported into when records are checked', () => {
  const { db } = setup();
  db.define('others');
  expect(() => db.import({ others: { nextId: 1, items: [{ id: 1 }] } }, recordCheck(schemas))).toThrow(
    'collection "others", record 0 (id 1): has no record schema',
  );
});
