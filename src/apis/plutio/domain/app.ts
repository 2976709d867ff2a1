/** An API application (Settings → API Manager): credentials, the businesses it may use and its user id. */
export interface PlutioApp {
  clientId: string;
  clientSecret: string;
  /** Business slugs (subdomains) this app may address with the `Business` header. */
  businesses: string[];
  /** The login user the app acts as; `createdBy` of what it creates. */
  userId: string;
}

/** An app definition where `userId` may be left out (a stable id is derived from the client id). */
export type PlutioAppConfig = Omit<PlutioApp, 'userId'> & { userId?: string };
