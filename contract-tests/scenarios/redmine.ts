import type { ScenarioSet } from '../support/scenario.js';
import { coreUserScenarios } from './core-user.js';

/** The Redmine core document: the generated set plus the answers to a second user who is not an administrator. */
const scenarios: ScenarioSet = (sc) => coreUserScenarios(sc);
export default scenarios;
