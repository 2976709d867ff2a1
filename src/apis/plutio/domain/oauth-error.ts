/** Error names of the Node `oauth2-server` library that the token endpoint and token checks produce. */
export type OAuthErrorName =
  | 'invalid_request'
  | 'invalid_client'
  | 'unsupported_grant_type'
  | 'unauthorized_client'
  | 'invalid_token'
  | 'unauthorized_request';

/** Body of an OAuth error: the serialised `oauth2-server` error object. */
export interface OAuthErrorBody {
  statusCode: number;
  status: number;
  code: number;
  message: string;
  name: OAuthErrorName;
}

/**
 * An OAuth error in the shape of the `oauth2-server` library Plutio very likely uses: `{statusCode, status, code,
 * message, name}`, with the library's message texts.
 * @see docs/sources.md#plutio-oauth-errors — a v1.8 client's response type lists exactly these five fields.
 */
export class OAuthError extends Error {
  constructor(
    readonly status: 400 | 401,
    readonly errorName: OAuthErrorName,
    message: string,
  ) {
    super(message);
    this.name = 'OAuthError';
  }

  /** The response body. */
  toBody(): OAuthErrorBody {
    return {
      statusCode: this.status,
      status: this.status,
      code: this.status,
      message: this.message,
      name: this.errorName,
    };
  }
}
