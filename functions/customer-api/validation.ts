/** What the customer API accepts; every rule failure becomes a 400 naming the field and the rule. */
export type Validated<T> = { ok: true; value: T } | { ok: false; error: string };

export interface Customer {
    customer_id: string;
    name: string;
    email: string;
}

export type CustomerChanges = Partial<Pick<Customer, "name" | "email">>;

const CUSTOMER_ID = /^[A-Za-z0-9_-]{1,64}$/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const MAX_NAME_LENGTH = 200;
const MAX_EMAIL_LENGTH = 254;

const ok = <T>(value: T): Validated<T> => ({ ok: true, value });
const fail = <T>(error: string): Validated<T> => ({ ok: false, error });

/** The request body as a JSON object (HTTP API may base64-encode it). */
export function parseJsonObject(body: string | undefined, isBase64Encoded: boolean | undefined): Validated<Record<string, unknown>> {
    if (body === undefined || body === "") return fail("a JSON object body is required");
    const text = isBase64Encoded ? Buffer.from(body, "base64").toString("utf8") : body;
    let parsed: unknown;
    try {
        parsed = JSON.parse(text);
    } catch {
        return fail("the body is not valid JSON");
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return fail("the body must be a JSON object");
    return ok(parsed as Record<string, unknown>);
}

export function validCustomerId(value: unknown): Validated<string> {
    if (value === undefined || value === null || value === "") return fail("customer_id is required");
    if (typeof value !== "string" || !CUSTOMER_ID.test(value)) {
        return fail("customer_id must be a string of 1 to 64 letters, digits, - or _");
    }
    return ok(value);
}

/** The full customer for a create-or-replace: name and email are both required. */
export function validCustomer(customerId: string, body: Record<string, unknown>): Validated<Customer> {
    const name = validName(body.name);
    if (!name.ok) return fail(name.error);
    const email = validEmail(body.email);
    if (!email.ok) return fail(email.error);
    return ok({ customer_id: customerId, name: name.value, email: email.value });
}

/** A partial update: at least one of name and email, each valid. */
export function validChanges(body: Record<string, unknown>): Validated<CustomerChanges> {
    const changes: CustomerChanges = {};
    if (body.name !== undefined) {
        const name = validName(body.name);
        if (!name.ok) return fail(name.error);
        changes.name = name.value;
    }
    if (body.email !== undefined) {
        const email = validEmail(body.email);
        if (!email.ok) return fail(email.error);
        changes.email = email.value;
    }
    if (Object.keys(changes).length === 0) return fail("at least one of name and email is required");
    return ok(changes);
}

function validName(value: unknown): Validated<string> {
    if (typeof value !== "string" || value.trim() === "" || value.length > MAX_NAME_LENGTH) {
        return fail(`name must be a non-empty string of at most ${MAX_NAME_LENGTH} characters`);
    }
    return ok(value.trim());
}

function validEmail(value: unknown): Validated<string> {
    if (typeof value !== "string" || value.length > MAX_EMAIL_LENGTH || !EMAIL.test(value)) {
        return fail("email must be an email address such as ada@example.com");
    }
    return ok(value);
}
