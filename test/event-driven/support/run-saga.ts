import { StateMachine } from "aws-local-stepfunctions";
import {
    OrderSagaDefinition, SAGA_STATE_NAMES, SAGA_STEPS, SagaStateName, SagaStep,
} from "../../../components/aws/saga-definition";
import { handler as releaseInventory } from "../../../functions/inventory-release/handler";
import { handler as reserveInventory } from "../../../functions/inventory-reserve/handler";
import { handler as cancelOrder } from "../../../functions/order-cancel/handler";
import { handler as processPayment } from "../../../functions/payment-process/handler";
import { handler as createShipment } from "../../../functions/shipping-create/handler";

/** A Task state's local stand-in: receives the state input, returns the function's result or throws. */
export type StepHandler = (input: never) => Promise<unknown>;

export interface SagaRun {
    /** Final state of a successful execution. */
    output: unknown;
    /** Each state entered, in order; each retry of a state adds `retry <state>` (the state is not re-entered). */
    visited: string[];
}

/**
 * The real handler of every step, by state name. Their SDK clients resolve region and endpoint at the
 * first request, so a test routes them to moto by setting the environment before running the saga.
 */
export const stepHandlers: Record<SagaStateName, StepHandler> = (() => {
    const byStep: Record<SagaStep, StepHandler> = {
        "inventory-reserve": reserveInventory,
        "payment-process": processPayment,
        "shipping-create": createShipment,
        "inventory-release": releaseInventory,
        "order-cancel": cancelOrder,
    };
    return Object.fromEntries(SAGA_STEPS.map((step) => [SAGA_STATE_NAMES[step], byStep[step]])) as
        Record<SagaStateName, StepHandler>;
})();

/**
 * Executes the definition with aws-local-stepfunctions, each Task state running its local handler instead
 * of invoking Lambda. Retries wait 0 ms instead of the definition's backoff so a test stays fast; which
 * errors are retried, and how often, still comes from the definition.
 */
export async function runSaga(definition: OrderSagaDefinition, handlers: Record<SagaStateName, StepHandler>,
    input: object): Promise<SagaRun> {
    const machine = new StateMachine(structuredClone(definition) as unknown as ConstructorParameters<typeof StateMachine>[0]);
    const stateNames = Object.keys(definition.States) as SagaStateName[];
    const execution = machine.run(input as Parameters<StateMachine["run"]>[0], {
        overrides: {
            taskResourceLocalHandlers: Object.fromEntries(stateNames.map((name) =>
                [name, async (stateInput: unknown) => await handlers[name](stateInput as never) as never])),
            retryIntervalOverrides: Object.fromEntries(stateNames.map((name) => [name, 0])),
        },
    });
    const visited: string[] = [];
    for await (const event of execution.eventLogs) {
        if (event.type === "StateEntered") visited.push(event.state.name);
        if (event.type === "StateRetried") visited.push(`retry ${event.state.name}`);
    }
    return { output: await execution.result, visited };
}
