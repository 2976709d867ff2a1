import type { components, operations } from '../../generated/redmine.js';
import {
  type FamilyOperationHandler,
  listBody,
  type RedmineFamilyState,
  TRACKER_STANDARD_FIELDS,
  type TrackerRecord,
} from '../../redmine-family/index.js';
import type { DeepReadonly } from '../../store/index.js';

type Handler<Id extends keyof operations> = FamilyOperationHandler<operations[Id]>;
type Schemas = components['schemas'];

/**
 * A tracker as `GET /trackers` renders it. A state saved without the newer tracker fields reads as Redmine's default
 * data: the first issue status, no description, every standard field. A default status that no longer exists is
 * left out, as Redmine leaves out a nil one.
 * @see redmine app/views/trackers/index.api.rsb
 */
function renderTracker(state: RedmineFamilyState, tracker: DeepReadonly<TrackerRecord>): Schemas['Tracker'] {
  const status =
    tracker.default_status_id === undefined
      ? state.issueStatuses.all()[0]
      : state.issueStatuses.get(tracker.default_status_id);
  return {
    id: tracker.id,
    name: tracker.name,
    ...(status && { default_status: { id: status.id, name: status.name } }),
    description: tracker.description ?? null,
    enabled_standard_fields: [...(tracker.enabled_standard_fields ?? TRACKER_STANDARD_FIELDS)],
  };
}

/** GET /trackers: every tracker in position order; anyone may read it; not paged. */
export const listTrackers: Handler<'listTrackers'> = (ctx) => {
  const items = ctx.state.trackers.all().map((t) => renderTracker(ctx.state, t));
  return { status: 200, body: listBody('trackers', items) };
};

/** GET /issue_statuses: every status in position order; anyone may read it; not paged. */
export const listIssueStatuses: Handler<'listIssueStatuses'> = (ctx) => {
  const items = ctx.state.issueStatuses.all().map((s) => ({ id: s.id, name: s.name, is_closed: s.is_closed }));
  return { status: 200, body: listBody('issue_statuses', items) };
};

/**
 * GET /enumerations/time_entry_activities: the shared activities in position order, inactive ones included; a
 * `project_id` parameter changes nothing (Redmine 5.0 lists `TimeEntryActivity.shared`); not paged.
 * @see redmine app/controllers/enumerations_controller.rb index
 */
export const listTimeEntryActivities: Handler<'listTimeEntryActivities'> = (ctx) => {
  const items = ctx.state.activities.all().map((a): Schemas['Enumeration'] => ({
    id: a.id,
    name: a.name,
    is_default: a.is_default ?? false,
    active: a.active,
  }));
  return { status: 200, body: listBody('time_entry_activities', items) };
};

/** GET /enumerations/document_categories: the shared document categories in position order; not paged. */
export const listDocumentCategories: Handler<'listDocumentCategories'> = (ctx) => {
  const items = ctx.state.documentCategories
    .all()
    .map((c): Schemas['Enumeration'] => ({ id: c.id, name: c.name, is_default: c.is_default, active: c.active }));
  return { status: 200, body: listBody('document_categories', items) };
};
