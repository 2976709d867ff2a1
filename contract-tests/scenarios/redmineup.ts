import type { ScenarioSet } from '../support/scenario.js';
import type { Format } from '../support/types.js';
import { coreUserScenarios } from './core-user.js';
import { contactFilters, contactProjects, includes } from './redmineup-behaviour.js';
import { contactLifecycle, dealLifecycle, noteLifecycle } from './redmineup-lifecycles.js';
import { hiddenProjectObjects, invalidCreates } from './redmineup-negatives.js';

const FORMATS: Format[] = ['json', 'xml'];

/**
 * RedmineUP CRM: contact, note and deal lifecycles in projects found first, a contact's projects (its last one
 * cannot be removed), the `search`/`tags` filters and tag list, `include`, the create validations as the plugin
 * orders them, the 403s of a private project's objects to the second user, and the Redmine core answers to them.
 */
const scenarios: ScenarioSet = (sc) => [
  ...FORMATS.flatMap((format) => [
    contactLifecycle(sc, format),
    noteLifecycle(sc, format),
    dealLifecycle(sc, format),
    contactProjects(format),
    contactFilters(format),
    includes(format),
    ...invalidCreates(sc, format),
    hiddenProjectObjects(sc, format),
  ]),
  ...coreUserScenarios(sc),
];
export default scenarios;
