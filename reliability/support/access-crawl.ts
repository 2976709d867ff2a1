import type { ApiId } from '../../src/spec/load.js';
import { send } from './http.js';

/** A kind of record reachable by GET, with how to list it and how to find the projects it belongs to. */
export interface Resource {
  name: string;
  /** List paths (`{project_id}` and `{company_id}` are filled in from earlier crawls). */
  lists: string[];
  /** The list body's array key. */
  key: string;
  /** Path of one record (`{id}`, and `{company_id}` where the record lives under a company). */
  item: string;
  /** A body for PUT that would change the record if it were allowed. */
  update: Record<string, unknown>;
  /** Probe these ids directly when there is no list (notes). */
  probeIds?: number;
}

const PROJECTS: Resource = {
  name: 'project',
  lists: ['/projects.json?limit=100'],
  key: 'projects',
  item: '/projects/{id}.json',
  update: { project: { name: 'Changed by another user' } },
};

/** The resources of each Redmine-family API that belong to projects. */
export const RESOURCES: Record<Exclude<ApiId, 'plutio'>, Resource[]> = {
  redmine: [PROJECTS],
  planio: [
    PROJECTS,
    {
      name: 'company',
      lists: ['/companies.json?limit=100', '/projects/{project_id}/companies.json?limit=100'],
      key: 'companies',
      item: '/companies/{id}.json',
      update: { company: { name: 'Changed by another user' } },
    },
    {
      name: 'company contact',
      lists: ['/companies/{company_id}/contacts.json?limit=100'],
      key: 'contacts',
      item: '/companies/{company_id}/contacts/{id}.json',
      update: { contact: { lastname: 'Changed by another user' } },
    },
  ],
  redmineup: [
    PROJECTS,
    {
      name: 'contact',
      lists: ['/contacts.json?limit=100', '/projects/{project_id}/contacts.json?limit=100'],
      key: 'contacts',
      item: '/contacts/{id}.json',
      update: { contact: { last_name: 'Changed by another user' } },
    },
    {
      name: 'deal',
      lists: ['/deals.json?limit=100', '/projects/{project_id}/deals.json?limit=100'],
      key: 'deals',
      item: '/deals/{id}.json',
      update: { deal: { name: 'Changed by another user' } },
    },
    {
      name: 'note',
      lists: [],
      key: 'notes',
      item: '/notes/{id}.json',
      update: { note: { content: 'Changed by another user' } },
      probeIds: 60,
    },
  ],
};

/** Project id standing for "visible to every user who may view the resource somewhere" (RedmineUP public contacts). */
export const PUBLIC = -1;

/** One record as the administrator sees it, with the projects it belongs to. */
export interface CrawledRecord {
  resource: Resource;
  path: string;
  /** Project ids; empty when the record explicitly belongs to no project. */
  projects: number[];
}

type Json = Record<string, unknown>;

/** Reads the project ids a record names: `project`, `projects`, `project_id`, or the project itself. */
export function ownProjects(resource: Resource, body: Json): number[] | undefined {
  if (resource.name === 'project') return typeof body.id === 'number' ? [body.id] : undefined;
  const ids: number[] = [];
  const project = body.project as Json | undefined;
  if (project && typeof project.id === 'number') ids.push(project.id);
  if (typeof body.project_id === 'number') ids.push(body.project_id);
  if (Array.isArray(body.projects)) {
    for (const p of body.projects as Json[]) if (typeof p?.id === 'number') ids.push(p.id);
    return ids;
  }
  return ids.length > 0 ? ids : undefined;
}

/**
 * Crawls every record of an API as `headers` (the administrator) and works out each record's projects (company
 * contacts through their company, notes through their contact or deal). Records `isPublic` names are visible to
 * all ({@link PUBLIC}); the API does not show that flag, so the caller reads it from the state.
 */
export async function crawl(
  apiUrl: string,
  api: Exclude<ApiId, 'plutio'>,
  headers: Record<string, string>,
  isPublic: (resource: string, id: number) => boolean = () => false,
) {
  const records: CrawledRecord[] = [];
  const ownerOf = new Map<string, number[]>();
  const get = async (path: string): Promise<Json | undefined> => {
    const res = await send({ method: 'GET', url: `${apiUrl}${path}`, headers });
    return res.status === 200 ? (JSON.parse(res.bodyText) as Json) : undefined;
  };
  const projectIds = [1, 2, 3, 4, 5, 6, 7];
  for (const resource of RESOURCES[api]) {
    const paths = new Set<string>();
    for (const list of resource.lists) {
      const fills = list.includes('{project_id}')
        ? projectIds.map((id) => ({ project_id: id }))
        : list.includes('{company_id}')
          ? [...ownerOf.keys()].filter((k) => k.startsWith('company:')).map((k) => ({ company_id: Number(k.slice(8)) }))
          : [{}];
      for (const fill of fills) {
        const body = await get(fillPath(list, fill));
        for (const item of (body?.[resource.key] as Json[] | undefined) ?? []) {
          paths.add(fillPath(resource.item, { ...fill, id: item.id as number }));
        }
      }
    }
    for (let id = 1; id <= (resource.probeIds ?? 0); id++) paths.add(fillPath(resource.item, { id }));
    for (const path of paths) {
      const wrapper = await get(path);
      const body = wrapper ? (Object.values(wrapper)[0] as Json) : undefined;
      if (!body) continue;
      let projects = ownProjects(resource, body);
      const company = /\/companies\/(\d+)\/contacts/.exec(path)?.[1];
      if (!projects && company) projects = ownerOf.get(`company:${company}`);
      const source = body.source as Json | undefined;
      if (!projects && source) projects = ownerOf.get(`${String(source.type).toLowerCase()}:${String(source.id)}`);
      if (!projects) continue;
      if (isPublic(resource.name, body.id as number)) projects = [PUBLIC];
      ownerOf.set(`${resource.name}:${String(body.id)}`, projects);
      records.push({ resource, path, projects });
    }
  }
  return { records, ownerOf };
}

function fillPath(template: string, values: Record<string, number>): string {
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (values[name] === undefined ? m : String(values[name])));
}
