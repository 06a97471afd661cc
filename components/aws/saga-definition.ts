import { INVENTORY_ERROR, OrderSagaInput, OrderSagaState, PAYMENT_ERROR } from "../../contracts/schemas/order-saga-state";

/**
 * The seed's order saga as one typed Amazon States Language document. `orderSagaDefinition()` is the only
 * place the ASL is written: the Pulumi state machine serializes its result, and the tests validate it with
 * asl-validator and execute it with aws-local-stepfunctions. No Pulumi import, so tests build it from
 * plain ARNs.
 */

/** The saga's step functions, named as their folders under functions/. */
export const SAGA_STEPS = ["inventory-reserve", "payment-process", "shipping-create", "inventory-release", "order-cancel"] as const;
export type SagaStep = typeof SAGA_STEPS[number];

/** The seed's state name for each step. */
export const SAGA_STATE_NAMES = {
    "inventory-reserve": "ReserveInventory",
    "payment-process": "ProcessPayment",
    "shipping-create": "ShipOrder",
    "inventory-release": "ReleaseInventory",
    "order-cancel": "CancelOrder",
} as const satisfies Record<SagaStep, string>;
export type SagaStateName = typeof SAGA_STATE_NAMES[SagaStep];

/**
 * Errors of the Lambda service itself (throttling, a failed or timed-out invoke), as Step Functions names
 * them for a task whose Resource is a function ARN. They say nothing about the order, so the task is
 * retried; errors the handlers throw are not in this list and go to Catch or fail the execution.
 */
export const TRANSIENT_LAMBDA_ERRORS = [
    "Lambda.ServiceException",
    "Lambda.AWSLambdaException",
    "Lambda.SdkClientException",
    "Lambda.TooManyRequestsException",
] as const;

/** A path into OrderSagaState, so a step cannot write its result where no field is declared. */
type StatePath = `$.${Exclude<keyof OrderSagaState, keyof OrderSagaInput>}`;

export interface AslRetrier {
    ErrorEquals: string[];
    IntervalSeconds: number;
    MaxAttempts: number;
    BackoffRate: number;
    JitterStrategy: "FULL" | "NONE";
}

export interface AslCatcher {
    ErrorEquals: string[];
    Next: SagaStateName;
    ResultPath: StatePath;
}

export interface AslTaskState {
    Type: "Task";
    Comment: string;
    /** The qualified ARN of the step function's alias `live`. */
    Resource: string;
    ResultPath: StatePath;
    Retry: AslRetrier[];
    Catch?: AslCatcher[];
    Next?: SagaStateName;
    End?: true;
}

export interface OrderSagaDefinition {
    Comment: string;
    StartAt: SagaStateName;
    States: Record<SagaStateName, AslTaskState>;
}

/** Retry transient Lambda errors three times, 1 s then 2 s then 4 s with full jitter (the AWS console default). */
const RETRY_TRANSIENT: AslRetrier = {
    ErrorEquals: [...TRANSIENT_LAMBDA_ERRORS],
    IntervalSeconds: 1,
    MaxAttempts: 3,
    BackoffRate: 2,
    JitterStrategy: "FULL",
};

/**
 * The ASL document for the given function ARNs (one per step; the program passes the `live` alias ARNs).
 * Differences from the seed, on purpose: every task writes its result under its own key instead of
 * replacing the state, and ProcessPayment's Catch keeps the state too (the seed's default ResultPath `$`
 * would hand ReleaseInventory only the error, without the items to put back).
 */
export function orderSagaDefinition(taskArns: Record<SagaStep, string>): OrderSagaDefinition {
    const task = (step: SagaStep, comment: string, resultPath: StatePath) => ({
        Type: "Task" as const,
        Comment: comment,
        Resource: taskArns[step],
        ResultPath: resultPath,
        Retry: [RETRY_TRANSIENT],
    });
    return {
        Comment: "Order fulfillment saga",
        StartAt: "ReserveInventory",
        States: {
            ReserveInventory: {
                ...task("inventory-reserve", "Take the ordered quantities out of stock.", "$.reservation"),
                Catch: [{ ErrorEquals: [INVENTORY_ERROR], Next: "CancelOrder", ResultPath: "$.error" }],
                Next: "ProcessPayment",
            },
            ProcessPayment: {
                ...task("payment-process", "Charge the order total to the customer's balance.", "$.payment"),
                Catch: [{ ErrorEquals: [PAYMENT_ERROR], Next: "ReleaseInventory", ResultPath: "$.error" }],
                Next: "ShipOrder",
            },
            ShipOrder: {
                ...task("shipping-create", "Create the shipment of a paid order.", "$.shipment"),
                End: true,
            },
            ReleaseInventory: {
                ...task("inventory-release", "Compensation: put the reserved quantities back in stock.", "$.release"),
                Next: "CancelOrder",
            },
            CancelOrder: {
                ...task("order-cancel", "Compensation: mark the order cancelled with the reason.", "$.cancellation"),
                End: true,
            },
        },
    };
}
