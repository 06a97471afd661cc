/**
 * The HTTP API routes of the customer API. The API Gateway component creates exactly these routes and
 * the handler dispatches on them, so the two cannot drift apart. No catch-all route: anything else is
 * answered 404 by API Gateway without invoking the function.
 */
export const CUSTOMER_API_ROUTES = {
    lookup: "POST /customers/lookup",
    replace: "PUT /customers/{customer_id}",
    update: "PATCH /customers/{customer_id}",
} as const;

/** Header carrying the caller's API key (HTTP API lowercases header names). */
export const API_KEY_HEADER = "x-api-key";
