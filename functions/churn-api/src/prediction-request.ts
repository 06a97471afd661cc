import { ChurnModel } from "./model";

/** A validated POST /predict body. */
export interface PredictionRequest {
    customer_id: string;
    features: Record<string, number>;
}

export type ParseResult =
    | { ok: true; request: PredictionRequest }
    | { ok: false; problems: string[] };

const MAX_CUSTOMER_ID_LENGTH = 128;
const FIELDS = ["customer_id", "features"];

/**
 * Validates a parsed JSON body against the model's features. Every problem is reported at once, each naming
 * the field and what is allowed, so a client can fix its request in one round trip.
 */
export function parsePredictionRequest(body: unknown, model: ChurnModel): ParseResult {
    if (typeof body !== "object" || body === null || Array.isArray(body)) {
        return { ok: false, problems: ["the body must be a JSON object with \"customer_id\" and \"features\""] };
    }
    const record = body as Record<string, unknown>;
    const problems = [
        ...Object.keys(record).filter((key) => !FIELDS.includes(key))
            .map((key) => `unknown field ${JSON.stringify(key)}: the body accepts only "customer_id" and "features"`),
        ...customerIdProblems(record.customer_id),
        ...featureProblems(record.features, model),
    ];
    if (problems.length > 0) return { ok: false, problems };
    return { ok: true, request: { customer_id: record.customer_id as string, features: record.features as Record<string, number> } };
}

function customerIdProblems(value: unknown): string[] {
    if (value === undefined) return ["\"customer_id\" is required"];
    if (typeof value !== "string" || value.trim() === "" || value.length > MAX_CUSTOMER_ID_LENGTH) {
        return [`"customer_id" must be a non-empty string of at most ${MAX_CUSTOMER_ID_LENGTH} characters`];
    }
    return [];
}

function featureProblems(value: unknown, model: ChurnModel): string[] {
    const expected = model.features.map((f) => f.name);
    if (value === undefined) return [`"features" is required: an object with ${expected.join(", ")}`];
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
        return [`"features" must be an object with ${expected.join(", ")}`];
    }
    const given = value as Record<string, unknown>;
    const problems: string[] = [];
    for (const name of Object.keys(given)) {
        if (!expected.includes(name)) {
            problems.push(`unknown feature ${JSON.stringify(name)}: model ${model.version} uses ${expected.join(", ")}`);
        }
    }
    for (const feature of model.features) {
        const raw = given[feature.name];
        if (raw === undefined) {
            problems.push(`"features.${feature.name}" is required`);
        } else if (typeof raw !== "number" || !Number.isFinite(raw) || raw < feature.min || raw > feature.max) {
            problems.push(`"features.${feature.name}" must be a number from ${feature.min} to ${feature.max}, got ${describe(raw)}`);
        }
    }
    return problems;
}

/** A short rendering of a bad value for an error message (never the whole of a large value). */
function describe(value: unknown): string {
    const text = JSON.stringify(value) ?? String(value);
    return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
