import { OrderSagaState, OrderSagaStateSchema } from "../../contracts/schemas/order-saga-state";
import { parseInput } from "./parse-input";

/** The execution state handed to a saga step; one that does not match means a broken state machine definition. */
export function parseSagaState(input: unknown): OrderSagaState {
    return parseInput(OrderSagaStateSchema, input, (problems) => new Error(`the saga state does not match its contract: ${problems}`));
}
