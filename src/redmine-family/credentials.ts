/** Documented default credentials of the seeded Redmine-family users. */
export const ADMIN_LOGIN = 'admin';
export const ADMIN_PASSWORD = 'admin';
export const DEFAULT_ADMIN_API_KEY = 'c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00';
export const JSMITH_LOGIN = 'jsmith';
export const JSMITH_PASSWORD = 'jsmith';
export const JSMITH_API_KEY = 'beef0000beef0000beef0000beef0000beef0000';
