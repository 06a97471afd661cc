import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { jsonResponse } from "../shared/http-response";
import { isValidApiKey } from "./api-key";
import { CustomersTable } from "./customers-table";
import { API_KEY_HEADER, CUSTOMER_API_ROUTES } from "../../contracts/customer-api-routes";
import { parseJsonObject, validChanges, validCustomer, validCustomerId } from "./validation";

export interface RequestContext {
    table: CustomersTable;
    apiKey: string;
    requestId: string;
}

/**
 * Answers one HTTP API request: 401 without the right API key, 400 for a bad body or customer_id,
 * 404 for an unknown customer or route, 200 with the customer. Errors from AWS propagate to the caller.
 */
export async function handleRequest(event: APIGatewayProxyEventV2, ctx: RequestContext): Promise<APIGatewayProxyStructuredResultV2> {
    const respond = (status: number, body: unknown) => jsonResponse(status, body, ctx.requestId);
    if (!isValidApiKey(event.headers?.[API_KEY_HEADER], ctx.apiKey)) {
        return respond(401, { error: `a valid ${API_KEY_HEADER} header is required` });
    }
    const body = parseJsonObject(event.body, event.isBase64Encoded);
    if (!body.ok) return respond(400, { error: body.error });

    switch (event.routeKey) {
        case CUSTOMER_API_ROUTES.lookup: {
            const id = validCustomerId(body.value.customer_id);
            if (!id.ok) return respond(400, { error: id.error });
            const customer = await ctx.table.get(id.value);
            return customer ? respond(200, customer) : respond(404, { error: `customer ${id.value} not found` });
        }
        case CUSTOMER_API_ROUTES.replace: {
            const id = validCustomerId(event.pathParameters?.customer_id);
            if (!id.ok) return respond(400, { error: id.error });
            const customer = validCustomer(id.value, body.value);
            if (!customer.ok) return respond(400, { error: customer.error });
            return respond(200, await ctx.table.put(customer.value));
        }
        case CUSTOMER_API_ROUTES.update: {
            const id = validCustomerId(event.pathParameters?.customer_id);
            if (!id.ok) return respond(400, { error: id.error });
            const changes = validChanges(body.value);
            if (!changes.ok) return respond(400, { error: changes.error });
            const customer = await ctx.table.update(id.value, changes.value);
            return customer ? respond(200, customer) : respond(404, { error: `customer ${id.value} not found` });
        }
        default:
            return respond(404, { error: `no route ${event.routeKey}` });
    }
}
