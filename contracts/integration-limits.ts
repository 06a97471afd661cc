/**
 * Timeouts of the HTTP front ends, after which the caller gets an error whatever the function still does.
 * A function behind one of them must time out within it (the `platform-limits` policy checks it too).
 */

/** API Gateway HTTP API (v2): an integration gets at most 30 s, also its default. */
export const HTTP_API_INTEGRATION_TIMEOUT_SECONDS = 30;

/** API Gateway REST API (v1): 29 s unless the account's quota was raised. */
export const REST_API_INTEGRATION_TIMEOUT_SECONDS = 29;

/** The HTTP front end of Azure Functions cuts any request at 230 s, whatever the function timeout. */
export const AZURE_HTTP_TIMEOUT_SECONDS = 230;
