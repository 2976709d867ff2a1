import type { Scenario, ScenarioContext, Step } from '../support/scenario.js';
import type { Format } from '../support/types.js';
import { asUser, createStep, hiddenProjectSteps, NO_USER, ownedKey, str, wrap } from './family-steps.js';

/** Why the second-user scenarios need a real server. */
export const PERMISSIONS = 'who may do what depends on the server’s users, projects and memberships';

const FORMATS: Format[] = ['json', 'xml'];

const has = (sc: ScenarioContext, ...ids: string[]) => ids.every((id) => sc.spec.byId.has(id));

/** A private project owned by the run, created by its credentials and deleted at the end. */
export function privateProjectStep(format: Format, as: string, n: number): Step {
  return createStep({
    operationId: 'createProject',
    title: 'create a private project',
    as,
    format,
    body: (ctx) =>
      wrap(format, 'project', { name: `Crmkit ${ctx.tag} ${n}`, identifier: `${ctx.tag}-p${n}`, is_public: false }),
    remove: { operationId: 'deleteProject', params: (id) => ({ project_id: id }) },
  });
}

function perFormat(sc: ScenarioContext, format: Format): Scenario[] {
  const user = asUser(sc.userKey);
  const base = {
    kind: 'negative' as const,
    format,
    stateful: PERMISSIONS,
    notApplicable: sc.userKey ? undefined : NO_USER,
  };
  const out: Scenario[] = [];
  if (has(sc, 'listCustomFields')) {
    out.push({
      ...base,
      name: `negative GET /custom_fields.${format} as a non-administrator`,
      steps: [
        {
          ...user,
          operationId: 'listCustomFields',
          title: 'custom fields as a non-administrator → 403',
          expect: { status: 403 },
        },
      ],
    });
  }
  if (!has(sc, 'listProjects', 'createProject', 'getProject', 'updateProject', 'deleteProject')) return out;
  out.push(
    {
      ...base,
      name: `negative POST /projects.${format} as a non-administrator`,
      steps: [
        {
          ...privateProjectStep(format, 'refused_project_id', 9),
          ...user,
          title: 'create a project as a non-administrator → 403',
          expect: { status: 403 },
        },
      ],
    },
    {
      ...base,
      name: `negative GET /projects/{project_id}.${format} hidden from a non-member`,
      steps: [
        ...hiddenProjectSteps('listProjects', sc.userKey),
        {
          ...user,
          operationId: 'getProject',
          title: 'a private project as a non-member → 403',
          params: (ctx) => ({ project_id: str(ctx, 'hidden_project_id') }),
          expect: { status: 403 },
        },
      ],
    },
    {
      ...base,
      name: `negative project writes by a non-member (${format})`,
      steps: [
        privateProjectStep(format, 'project_id', 1),
        {
          ...user,
          operationId: 'updateProject',
          title: 'update as a non-member → 403',
          params: (ctx) => ({ project_id: str(ctx, 'project_id') }),
          body: wrap(format, 'project', { name: 'Changed by a non-member' }),
          expect: { status: 403 },
        },
        {
          ...user,
          operationId: 'deleteProject',
          title: 'delete as a non-member → 403',
          params: (ctx) => ({ project_id: str(ctx, 'project_id') }),
          expect: { status: 403 },
        },
        {
          operationId: 'getProject',
          title: 'the project is unchanged',
          params: (ctx) => ({ project_id: str(ctx, 'project_id') }),
          expect: {
            check: (res, ctx) => {
              const name = (res.resource as { name?: unknown } | undefined)?.name;
              return name === `Crmkit ${ctx.tag} 1`
                ? undefined
                : `name is ${JSON.stringify(name)} after refused writes`;
            },
          },
        },
        {
          operationId: 'deleteProject',
          title: 'delete by its creator',
          params: (ctx) => ({ project_id: str(ctx, 'project_id') }),
          settles: (ctx) => ownedKey('project_id', ctx),
        },
      ],
    },
  );
  return out;
}

/**
 * The Redmine core answers to a second user who is not an administrator (`jsmith` on the reference server): 403
 * for custom fields, for creating projects, for a private project they are not a member of, and for changing or
 * deleting a private project the run created (which stays unchanged).
 */
export function coreUserScenarios(sc: ScenarioContext): Scenario[] {
  return FORMATS.flatMap((format) => perFormat(sc, format));
}
