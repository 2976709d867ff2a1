import { expect, test } from 'vitest';
import { bindXml, parseXmlDocument, serializeXml } from './xml.js';

// Bodies recorded from a real Redmine 5.0.4 (docs/sources.md#redmine-live), with hand-written schemas that
// follow openapi/README.md. Serializing the bound value must give the recorded bytes back.

const attr = (type: unknown) => ({ type, xml: { attribute: true } });
const IdName = { type: 'object', required: ['id', 'name'], properties: { id: attr('integer'), name: attr('string') } };
const ref = (name: string) => ({ ...IdName, xml: { name } });
const listType = { type: 'string', const: 'array', xml: { attribute: true } };
const meta = { total_count: attr('integer'), offset: attr('integer'), limit: attr('integer') };

const Project = {
  type: 'object',
  xml: { name: 'project' },
  required: ['id', 'name', 'identifier', 'description', 'status', 'is_public', 'inherit_members'],
  properties: {
    id: { type: 'integer' },
    name: { type: 'string' },
    identifier: { type: 'string' },
    description: { type: ['string', 'null'] },
    homepage: { type: ['string', 'null'] },
    status: { type: 'integer' },
    is_public: { type: 'boolean' },
    inherit_members: { type: 'boolean' },
    created_on: { type: 'string', format: 'date-time' },
    updated_on: { type: 'string', format: 'date-time' },
  },
};
const ProjectListXml = {
  type: 'object',
  xml: { name: 'projects' },
  required: ['type'],
  properties: { type: listType, ...meta, projects: { type: 'array', items: Project, xml: { name: 'project' } } },
};

const User = {
  type: 'object',
  xml: { name: 'user' },
  properties: {
    id: { type: 'integer' },
    login: { type: 'string' },
    admin: { type: 'boolean' },
    firstname: { type: 'string' },
    lastname: { type: 'string' },
    mail: { type: 'string' },
    created_on: { type: 'string' },
    updated_on: { type: 'string' },
    last_login_on: { type: ['string', 'null'] },
    passwd_changed_on: { type: ['string', 'null'] },
    twofa_scheme: { type: ['string', 'null'] },
    api_key: { type: 'string' },
    status: { type: 'integer' },
  },
};

const wrapped = (items: object) => ({ type: 'array', xml: { wrapped: true }, items });
const CustomField = {
  type: 'object',
  xml: { name: 'custom_field' },
  properties: {
    id: { type: 'integer' },
    name: { type: 'string' },
    customized_type: { type: 'string' },
    field_format: { type: 'string' },
    regexp: { type: ['string', 'null'] },
    min_length: { type: ['integer', 'null'] },
    max_length: { type: ['integer', 'null'] },
    is_required: { type: 'boolean' },
    is_filter: { type: 'boolean' },
    searchable: { type: 'boolean' },
    multiple: { type: 'boolean' },
    default_value: { type: ['string', 'null'] },
    visible: { type: 'boolean' },
    possible_values: wrapped({
      type: 'object',
      xml: { name: 'possible_value' },
      properties: { value: { type: 'string' }, label: { type: 'string' } },
    }),
    trackers: wrapped(ref('tracker')),
    roles: wrapped(ref('role')),
  },
};
const CustomFieldListXml = {
  type: 'object',
  xml: { name: 'custom_fields' },
  required: ['type'],
  properties: { type: listType, custom_fields: { type: 'array', items: CustomField, xml: { name: 'custom_field' } } },
};

const nullable = (type: string, format?: string) => ({ type: [type, 'null'], ...(format ? { format } : {}) });
const Issue = {
  type: 'object',
  xml: { name: 'issue' },
  properties: {
    id: { type: 'integer' },
    project: IdName,
    tracker: IdName,
    status: { ...IdName, properties: { ...IdName.properties, is_closed: attr('boolean') } },
    priority: IdName,
    author: IdName,
    subject: { type: 'string' },
    description: nullable('string'),
    start_date: nullable('string', 'date'),
    due_date: nullable('string', 'date'),
    done_ratio: { type: 'integer' },
    is_private: { type: 'boolean' },
    estimated_hours: nullable('number', 'float'),
    total_estimated_hours: nullable('number', 'float'),
    spent_hours: { type: 'number', format: 'float' },
    total_spent_hours: { type: 'number', format: 'float' },
    created_on: { type: 'string' },
    updated_on: { type: 'string' },
    closed_on: nullable('string'),
  },
};
const IssueListXml = {
  type: 'object',
  xml: { name: 'issues' },
  properties: { type: listType, ...meta, issues: { type: 'array', items: Issue, xml: { name: 'issue' } } },
};

const ErrorList = {
  type: 'object',
  xml: { name: 'errors' },
  required: ['errors'],
  properties: { errors: { type: 'array', items: { type: 'string', xml: { name: 'error' } }, xml: { name: 'error' } } },
};

const DECL = '<?xml version="1.0" encoding="UTF-8"?>';
const recorded: [string, object, string][] = [
  [
    'GET /projects.xml',
    ProjectListXml,
    `${DECL}<projects total_count="2" offset="0" limit="25" type="array"><project><id>2</id><name>Alpha Project</name><identifier>alpha</identifier><description>first</description><status>1</status><is_public>true</is_public><inherit_members>false</inherit_members><created_on>2026-11-22T18:40:41Z</created_on><updated_on>2026-11-22T18:40:41Z</updated_on></project><project><id>1</id><name>Seed project</name><identifier>seed</identifier><description/><status>1</status><is_public>true</is_public><inherit_members>false</inherit_members><created_on>2026-11-22T18:40:14Z</created_on><updated_on>2026-11-22T18:40:14Z</updated_on></project></projects>`,
  ],
  [
    'GET /projects.xml?offset=50',
    ProjectListXml,
    `${DECL}<projects total_count="3" offset="50" limit="25" type="array"></projects>`,
  ],
  [
    'POST /projects.xml (201)',
    Project,
    `${DECL}<project><id>3</id><name>Beta Project</name><identifier>beta</identifier><description>from xml</description><homepage></homepage><status>1</status><is_public>true</is_public><inherit_members>false</inherit_members><created_on>2026-11-22T18:40:42Z</created_on><updated_on>2026-11-22T18:40:42Z</updated_on></project>`,
  ],
  [
    'GET /users/current.xml',
    User,
    `${DECL}<user><id>1</id><login>admin</login><admin>true</admin><firstname>Redmine</firstname><lastname>Admin</lastname><mail>admin@example.net</mail><created_on>2026-11-22T18:39:55Z</created_on><updated_on>2026-11-22T18:40:09Z</updated_on><last_login_on>2026-11-22T18:40:42Z</last_login_on><passwd_changed_on/><twofa_scheme/><api_key>f3ebf6eeffb88da5a44bef55eb35477d62ac9518</api_key><status>1</status></user>`,
  ],
  ['GET /custom_fields.xml (none)', CustomFieldListXml, `${DECL}<custom_fields type="array"></custom_fields>`],
  [
    'GET /custom_fields.xml (two)',
    CustomFieldListXml,
    `${DECL}<custom_fields type="array"><custom_field><id>1</id><name>Cost center</name><customized_type>project</customized_type><field_format>string</field_format><regexp></regexp><min_length/><max_length/><is_required>false</is_required><is_filter>false</is_filter><searchable>false</searchable><multiple>false</multiple><default_value></default_value><visible>true</visible></custom_field><custom_field><id>2</id><name>Severity</name><customized_type>issue</customized_type><field_format>list</field_format><regexp></regexp><min_length/><max_length/><is_required>false</is_required><is_filter>false</is_filter><searchable>false</searchable><multiple>false</multiple><default_value/><visible>true</visible><possible_values type="array"><possible_value><value>minor</value><label>minor</label></possible_value><possible_value><value>major</value><label>major</label></possible_value></possible_values><trackers type="array"><tracker id="1" name="Bug"/><tracker id="2" name="Feature"/><tracker id="3" name="Support"/></trackers><roles type="array"></roles></custom_field></custom_fields>`,
  ],
  [
    'GET /issues.xml',
    IssueListXml,
    `${DECL}<issues total_count="1" offset="0" limit="25" type="array"><issue><id>1</id><project id="2" name="Alpha Project"/><tracker id="1" name="Bug"/><status id="1" name="New" is_closed="false"/><priority id="2" name="Normal"/><author id="1" name="Redmine Admin"/><subject>First issue</subject><description>d</description><start_date>2026-11-22</start_date><due_date/><done_ratio>0</done_ratio><is_private>false</is_private><estimated_hours/><total_estimated_hours/><spent_hours>0.0</spent_hours><total_spent_hours>0.0</total_spent_hours><created_on>2026-11-22T18:40:53Z</created_on><updated_on>2026-11-22T18:40:53Z</updated_on><closed_on/></issue></issues>`,
  ],
  [
    'POST /projects.xml (422)',
    ErrorList,
    `${DECL}<errors type="array"><error>Name cannot be blank</error><error>Identifier is invalid</error></errors>`,
  ],
];

for (const [what, schema, body] of recorded) {
  test(`recorded ${what}: bind then serialize gives the same bytes`, () => {
    const value = bindXml(parseXmlDocument(body), schema);
    expect(serializeXml(value, schema)).toBe(body);
  });
}

test('recorded projects list binds to typed values', () => {
  const body = recorded[0]?.[2] as string;
  expect(bindXml(parseXmlDocument(body), ProjectListXml)).toMatchObject({
    type: 'array',
    total_count: 2,
    offset: 0,
    limit: 25,
    projects: [
      { id: 2, description: 'first', is_public: true, inherit_members: false },
      { id: 1, identifier: 'seed', description: null, status: 1 },
    ],
  });
});

test('recorded custom fields bind nulls, empty strings, wrapped arrays and attribute references', () => {
  const body = recorded[5]?.[2] as string;
  const value = bindXml(parseXmlDocument(body), CustomFieldListXml) as { custom_fields: Record<string, unknown>[] };
  expect(value.custom_fields[0]).toMatchObject({ regexp: '', min_length: null, default_value: '', visible: true });
  expect(value.custom_fields[1]).toMatchObject({
    default_value: null,
    possible_values: [
      { value: 'minor', label: 'minor' },
      { value: 'major', label: 'major' },
    ],
    trackers: [
      { id: 1, name: 'Bug' },
      { id: 2, name: 'Feature' },
      { id: 3, name: 'Support' },
    ],
    roles: [],
  });
});

test('recorded issue binds float text and reference attributes', () => {
  const body = recorded[6]?.[2] as string;
  const value = bindXml(parseXmlDocument(body), IssueListXml) as { issues: Record<string, unknown>[] };
  expect(value.issues[0]).toMatchObject({
    status: { id: 1, name: 'New', is_closed: false },
    spent_hours: 0,
    estimated_hours: null,
    due_date: null,
  });
});

test('recorded errors bind to the JSON shape', () => {
  const body = recorded[7]?.[2] as string;
  expect(bindXml(parseXmlDocument(body), ErrorList)).toEqual({
    errors: ['Name cannot be blank', 'Identifier is invalid'],
  });
});
