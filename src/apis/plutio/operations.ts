import type { operations } from '../../generated/plutio.js';
import type { TypedHandlerMap } from '../../server/typed-handlers.js';
import { listOperations, type OpenApiDocument } from '../../spec/load.js';
import type { CollectionName, Operation, PlutioDomain } from './domain/index.js';
import type { PlutioPrincipal } from './gate.js';
import { copy, create, move, read, remove, update } from './handlers/resource.js';
import { TOKEN_OPERATION } from './render-error.js';

/** The resource operations of the document: every operation but the token call. */
export type ResourceOperations = Omit<operations, typeof TOKEN_OPERATION>;

/** The operationId of a resource operation. */
export type ResourceOperationId = keyof ResourceOperations;

/**
 * Every resource operation of the document with the index operation it runs on its collection, and so its handler.
 * Checked against the generated `operations`: a missing or extra operationId, an operation the collection does not
 * offer, or a collection whose records do not fit what the operation answers is a compile error (the schemas are
 * open, so one whose named fields agree may pass: the table's test checks every collection against the paths).
 */
export const RESOURCE_OPERATIONS = {
  listBlockGroups: read('block-groups'),
  updateBlockGroup: update('block-groups'),
  listBlocks: read('blocks'),
  updateBlock: update('blocks'),
  createBlock: create('blocks'),
  deleteBlock: remove('blocks'),
  listBusinesses: read('businesses'),
  updateBusiness: update('businesses'),
  listCannedResponses: read('canned-responses'),
  updateCannedResponse: update('canned-responses'),
  createCannedResponse: create('canned-responses'),
  deleteCannedResponse: remove('canned-responses'),
  listCategories: read('categories'),
  updateCategory: update('categories'),
  createCategory: create('categories'),
  deleteCategory: remove('categories'),
  listComments: read('comments'),
  updateComment: update('comments'),
  createComment: create('comments'),
  deleteComment: remove('comments'),
  listCompanies: read('companies'),
  updateCompany: update('companies'),
  createCompany: create('companies'),
  deleteCompany: remove('companies'),
  listContracts: read('contracts'),
  updateContract: update('contracts'),
  createContract: create('contracts'),
  deleteContract: remove('contracts'),
  listConversations: read('conversations'),
  updateConversation: update('conversations'),
  createConversation: create('conversations'),
  deleteConversation: remove('conversations'),
  listCustomFields: read('custom-fields'),
  updateCustomField: update('custom-fields'),
  createCustomField: create('custom-fields'),
  deleteCustomField: remove('custom-fields'),
  getDashboardData: read('dashboard-data'),
  listDashboardPages: read('dashboard-pages'),
  updateDashboardPage: update('dashboard-pages'),
  createDashboardPage: create('dashboard-pages'),
  deleteDashboardPage: remove('dashboard-pages'),
  listDashboards: read('dashboards'),
  updateDashboard: update('dashboards'),
  listEvents: read('events'),
  updateEvent: update('events'),
  createEvent: create('events'),
  deleteEvent: remove('events'),
  listFileFolders: read('file-folders'),
  updateFileFolder: update('file-folders'),
  createFileFolder: create('file-folders'),
  deleteFileFolder: remove('file-folders'),
  moveFileFolder: move('file-folders'),
  listFiles: read('files'),
  updateFile: update('files'),
  createFile: create('files'),
  deleteFile: remove('files'),
  moveFile: move('files'),
  listFormResponses: read('form-responses'),
  updateFormResponse: update('form-responses'),
  createFormResponse: create('form-responses'),
  deleteFormResponse: remove('form-responses'),
  listForms: read('forms'),
  updateForm: update('forms'),
  createForm: create('forms'),
  deleteForm: remove('forms'),
  copyForm: copy('forms'),
  listInboxGroups: read('inbox-groups'),
  updateInboxGroup: update('inbox-groups'),
  createInboxGroup: create('inbox-groups'),
  deleteInboxGroup: remove('inbox-groups'),
  listInvoiceSubscriptions: read('invoice-subscriptions'),
  updateInvoiceSubscription: update('invoice-subscriptions'),
  createInvoiceSubscription: create('invoice-subscriptions'),
  deleteInvoiceSubscription: remove('invoice-subscriptions'),
  listInvoices: read('invoices'),
  updateInvoice: update('invoices'),
  createInvoice: create('invoices'),
  deleteInvoice: remove('invoices'),
  listItems: read('items'),
  updateItem: update('items'),
  createItem: create('items'),
  deleteItem: remove('items'),
  listNotes: read('notes'),
  updateNote: update('notes'),
  createNote: create('notes'),
  deleteNote: remove('notes'),
  listPeople: read('people'),
  updatePerson: update('people'),
  createPerson: create('people'),
  deletePerson: remove('people'),
  listProfiles: read('profiles'),
  listProjects: read('projects'),
  updateProject: update('projects'),
  createProject: create('projects'),
  deleteProject: remove('projects'),
  moveProject: move('projects'),
  copyProject: copy('projects'),
  listProposals: read('proposals'),
  updateProposal: update('proposals'),
  createProposal: create('proposals'),
  deleteProposal: remove('proposals'),
  updateRole: update('roles'),
  createRole: create('roles'),
  deleteRole: remove('roles'),
  listStatuses: read('statuses'),
  updateStatus: update('statuses'),
  createStatus: create('statuses'),
  deleteStatus: remove('statuses'),
  moveStatus: move('statuses'),
  listTaskBoards: read('task-boards'),
  updateTaskBoard: update('task-boards'),
  createTaskBoard: create('task-boards'),
  deleteTaskBoard: remove('task-boards'),
  moveTaskBoard: move('task-boards'),
  copyTaskBoard: copy('task-boards'),
  listTaskGroups: read('task-groups'),
  updateTaskGroup: update('task-groups'),
  createTaskGroup: create('task-groups'),
  deleteTaskGroup: remove('task-groups'),
  moveTaskGroup: move('task-groups'),
  copyTaskGroup: copy('task-groups'),
  listTasks: read('tasks'),
  updateTask: update('tasks'),
  createTask: create('tasks'),
  deleteTask: remove('tasks'),
  moveTask: move('tasks'),
  copyTask: copy('tasks'),
  listTemplates: read('templates'),
  updateTemplate: update('templates'),
  createTemplate: create('templates'),
  deleteTemplate: remove('templates'),
  listTimeTracks: read('time-tracks'),
  updateTimeTrack: update('time-tracks'),
  createTimeTrack: create('time-tracks'),
  deleteTimeTrack: remove('time-tracks'),
  getTrashBin: read('trash-bin'),
  deleteTrashBin: remove('trash-bin'),
  listWikis: read('wiki'),
  updateWiki: update('wiki'),
  createWiki: create('wiki'),
  deleteWiki: remove('wiki'),
  listWikiEntities: read('wiki-entities'),
  updateWikiEntity: update('wiki-entities'),
  createWikiEntity: create('wiki-entities'),
  deleteWikiEntity: remove('wiki-entities'),
  moveWikiEntity: move('wiki-entities'),
} satisfies TypedHandlerMap<ResourceOperations, PlutioDomain, PlutioPrincipal>;

/** What a resource operation of the document does: an index operation on one collection. */
export interface ResourceOperation {
  operationId: string;
  collection: CollectionName;
  op: Operation;
}

/** Whether an operationId is one of the table's. */
export function isResourceOperationId(operationId: string): operationId is ResourceOperationId {
  return Object.hasOwn(RESOURCE_OPERATIONS, operationId);
}

const BY_METHOD: Readonly<Record<string, Operation>> = { GET: 'read', POST: 'create', PUT: 'update', DELETE: 'delete' };

/**
 * The resource operations of the document, each as {@link RESOURCE_OPERATIONS} has it, after checking that the
 * document agrees: `GET|POST|PUT|DELETE /<collection>` are read, create, update and delete; `POST
 * /<collection>/move|copy` are move and copy.
 * @throws Error naming the first operation that the table has not, or has on another collection or operation.
 */
export function resourceOperations(document: OpenApiDocument): ResourceOperation[] {
  const out: ResourceOperation[] = [];
  for (const entry of listOperations(document)) {
    if (entry.operationId === TOKEN_OPERATION) continue;
    const [, collection = '', action, extra] = entry.path.split('/');
    const op = action === undefined ? BY_METHOD[entry.method] : entry.method === 'POST' ? action : undefined;
    const known = isResourceOperationId(entry.operationId) ? RESOURCE_OPERATIONS[entry.operationId] : undefined;
    if (extra !== undefined || !known || known.collection !== collection || known.op !== op) {
      throw new Error(`plutio: ${entry.method} ${entry.path} (${entry.operationId}) is no v1.8 index operation`);
    }
    out.push({ operationId: entry.operationId, collection: known.collection, op: known.op });
  }
  return out;
}
