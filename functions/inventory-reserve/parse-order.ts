import { OrderSagaInput, OrderSagaInputSchema } from "../../contracts/schemas/order-saga-state";
import { parseInput } from "../shared/parse-input";

/** The saga's input came from outside: reject it with every problem named before touching any stock. */
export class InvalidOrderError extends Error {
    override name = "InvalidOrderError";
}

/** Validates an execution input and returns it typed; the error lists each bad field and what is allowed. */
export function parseOrder(input: unknown): OrderSagaInput {
    return parseInput(OrderSagaInputSchema, input, (problems) => new InvalidOrderError(`invalid order input: ${problems}`));
}
