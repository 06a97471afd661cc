import { PublishRequest, PublishRequestSchema } from "../../contracts/schemas/order-events";
import { parseInput } from "../shared/parse-input";

export class InvalidPublishRequestError extends Error {
    override name = "InvalidPublishRequestError";
}

/** Validates the invocation payload; the error names every bad field and what it accepts. */
export function parsePublishRequest(input: unknown): PublishRequest {
    return parseInput(PublishRequestSchema, input, (problems) => new InvalidPublishRequestError(`invalid order event request: ${problems}`));
}
