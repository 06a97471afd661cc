// zod/mini through ./zod (see there why); a namespace import, so the bundler keeps only the functions in use.
import * as z from "./zod";
import { pattern, text } from "./bounds";

/**
 * The customer API's requests (HTTP API, JSON bodies) and the customer it stores. Unknown fields are
 * refused, so a misspelt field is a 400 naming it instead of a silently ignored change.
 */

/** Largest request body the customer API reads: a customer is three short strings. */
export const CUSTOMER_API_MAX_BODY_BYTES = 16 * 1024;

export const CustomerIdSchema = pattern(/^[A-Za-z0-9_-]{1,64}$/, "a string of 1 to 64 letters, digits, - or _");

const name = z.pipe(text({ max: 200, what: "a name" }), z.transform((value: string) => value.trim()))
    .check(z.refine((value) => value !== "", "must not be blank"));
const email = z.pipe(text({ max: 254, what: "an email address" }),
    pattern(/^[^@\s]+@[^@\s]+\.[^@\s]+$/, "an email address such as ada@example.com"));

/** POST /customers/lookup */
export const LookupRequestSchema = z.strictObject({ customer_id: CustomerIdSchema });
export type LookupRequest = z.infer<typeof LookupRequestSchema>;

/** PUT /customers/{customer_id}: the whole customer but its id, which is in the path. */
export const ReplaceRequestSchema = z.strictObject({ name, email });
export type ReplaceRequest = z.infer<typeof ReplaceRequestSchema>;

/** PATCH /customers/{customer_id}: at least one of the fields. */
export const UpdateRequestSchema = z.strictObject({ name: z.optional(name), email: z.optional(email) })
    .check(z.refine((changes) => changes.name !== undefined || changes.email !== undefined, "must hold at least one of name and email"));
export type UpdateRequest = z.infer<typeof UpdateRequestSchema>;

/** The path parameters of PUT and PATCH. */
export const CustomerPathSchema = z.object({ customer_id: CustomerIdSchema });

export const CustomerSchema = z.object({ customer_id: CustomerIdSchema, name: z.string(), email: z.string() });
export type Customer = z.infer<typeof CustomerSchema>;
