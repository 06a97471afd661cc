import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { clientErrorBody, problemsFrom } from "../../contracts/schemas/bounds";
import {
    CUSTOMER_API_MAX_BODY_BYTES, CustomerPathSchema, LookupRequestSchema, ReplaceRequestSchema, UpdateRequestSchema,
} from "../../contracts/schemas/customer-api";
import { parseHttpApiBody, Refusal } from "../shared/http-api-request";
import { jsonResponse } from "../shared/http-response";
import { isValidApiKey } from "./api-key";
import { CustomersTable } from "./customers-table";
import { API_KEY_HEADER, CUSTOMER_API_ROUTES } from "../../contracts/customer-api-routes";

export interface RequestContext {
    table: CustomersTable;
    apiKey: string;
    requestId: string;
}

/**
 * Answers one HTTP API request: 401 without the right API key, 400/413/415 naming the field for a bad
 * request, 404 for an unknown customer or route, 200 with the customer. Errors from AWS propagate.
 */
export async function handleRequest(event: APIGatewayProxyEventV2, ctx: RequestContext): Promise<APIGatewayProxyStructuredResultV2> {
    const respond = (status: number, body: unknown) => jsonResponse(status, body, ctx.requestId);
    const refused = (refusal: Refusal) => respond(refusal.status, clientErrorBody(refusal.problems));
    if (!isValidApiKey(event.headers?.[API_KEY_HEADER], ctx.apiKey)) {
        return respond(401, clientErrorBody([{ field: `headers.${API_KEY_HEADER}`, message: "must hold a valid API key" }], "unauthorized"));
    }
    const pathId = () => {
        const path = CustomerPathSchema.safeParse(event.pathParameters ?? {});
        return path.success ? { ok: true as const, value: path.data.customer_id }
            : { ok: false as const, refusal: { status: 400 as const, problems: problemsFrom(path.error.issues) } };
    };
    switch (event.routeKey) {
        case CUSTOMER_API_ROUTES.lookup: {
            const body = parseHttpApiBody(event, LookupRequestSchema, CUSTOMER_API_MAX_BODY_BYTES);
            if (!body.ok) return refused(body.refusal);
            const customer = await ctx.table.get(body.value.customer_id);
            return customer ? respond(200, customer) : notFound(respond, body.value.customer_id);
        }
        case CUSTOMER_API_ROUTES.replace: {
            const id = pathId();
            if (!id.ok) return refused(id.refusal);
            const body = parseHttpApiBody(event, ReplaceRequestSchema, CUSTOMER_API_MAX_BODY_BYTES);
            if (!body.ok) return refused(body.refusal);
            return respond(200, await ctx.table.put({ customer_id: id.value, ...body.value }));
        }
        case CUSTOMER_API_ROUTES.update: {
            const id = pathId();
            if (!id.ok) return refused(id.refusal);
            const body = parseHttpApiBody(event, UpdateRequestSchema, CUSTOMER_API_MAX_BODY_BYTES);
            if (!body.ok) return refused(body.refusal);
            const customer = await ctx.table.update(id.value, body.value);
            return customer ? respond(200, customer) : notFound(respond, id.value);
        }
        default:
            return respond(404, clientErrorBody([{ field: "routeKey", message: `${event.routeKey} is not a route of this API` }], "not found"));
    }
}

function notFound(respond: (status: number, body: unknown) => APIGatewayProxyStructuredResultV2, customerId: string) {
    return respond(404, clientErrorBody([{ field: "customer_id", message: `${customerId} is not a known customer` }], "not found"));
}
