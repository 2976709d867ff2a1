import { expect, test } from 'vitest';
import { applyCustomFieldInput, readCustomFieldInput } from './custom-field-values.js';
import { ValidationErrors } from './messages.js';
import { RedmineFamilyState } from './state.js';

function state(): RedmineFamilyState {
  const s = new RedmineFamilyState({ seed: 1 });
  s.reset();
  return s;
}

test('custom_fields and custom_field_values are both read; entries without id or value are ignored', () => {
  const input = readCustomFieldInput({
    custom_field_values: { '1': 'a', x: 'ignored' },
    custom_fields: [{ id: 2, value: 'EMEA' }, { id: 3 }, { value: 'no id' }],
  });
  expect([...input.entries()]).toEqual([
    [1, 'a'],
    [2, 'EMEA'],
  ]);
});

test('values are validated with Redmine messages and merged over existing ones', () => {
  const s = state();
  const errors = new ValidationErrors();
  const values = applyCustomFieldInput(s, 'project', { '1': 'old', '2': 'APAC' }, new Map([[2, 'Mars']]), errors);
  expect(errors.all).toEqual(['Region is not included in the list']);
  expect(values['1']).toBe('old');
  const ok = new ValidationErrors();
  expect(applyCustomFieldInput(s, 'project', undefined, new Map([[1, 42]]), ok)).toEqual({ '1': '42', '2': null });
  expect(ok.empty).toBe(true);
});

test('required, numeric and multi-value fields', () => {
  const s = state();
  const base = s.customFields.get(1)!;
  const { id: _id, ...rest } = base;
  const age = s.customFields.insert({ ...rest, name: 'Headcount', field_format: 'int', is_required: true });
  const tags = s.customFields.insert({ ...rest, name: 'Tags', multiple: true });
  const errors = new ValidationErrors();
  const values = applyCustomFieldInput(
    s,
    'project',
    undefined,
    new Map<number, unknown>([
      [age.id, 'many'],
      [tags.id, 'solo'],
    ]),
    errors,
  );
  expect(errors.all).toEqual(['Headcount is not a number']);
  expect(values[String(tags.id)]).toEqual(['solo']);
  const blank = new ValidationErrors();
  applyCustomFieldInput(s, 'project', undefined, new Map(), blank);
  expect(blank.all).toEqual(['Headcount cannot be blank']);
});
