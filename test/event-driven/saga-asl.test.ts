import { strict as assert } from "node:assert";
import aslValidator = require("asl-validator");
import {
    orderSagaDefinition, SAGA_STATE_NAMES, SAGA_STEPS, SagaStep, TRANSIENT_LAMBDA_ERRORS,
} from "../../components/aws/saga-definition";

/** The `live` alias ARN of each step, as the program passes them. */
const aliasArns = Object.fromEntries(SAGA_STEPS.map((step) =>
    [step, `arn:aws:lambda:eu-west-1:123456789012:function:order-saga-${step}:live`])) as Record<SagaStep, string>;

describe("order saga definition (ASL)", () => {
    const definition = orderSagaDefinition(aliasArns);

    it("passes asl-validator with ARN and JSONPath checks on", () => {
        const result = aslValidator(structuredClone(definition), { checkArn: true, checkPaths: true });
        assert.equal(result.errorsText(), "");
        assert.equal(result.isValid, true);
    });

    it("keeps the seed's states and transitions: success path and both compensation paths", () => {
        const transitions = Object.fromEntries(Object.entries(definition.States).map(([name, state]) =>
            [name, { next: state.Next ?? "End", catch: (state.Catch ?? []).map((c) => `${c.ErrorEquals.join()}->${c.Next}`) }]));
        assert.equal(definition.StartAt, "ReserveInventory");
        assert.deepEqual(transitions, {
            ReserveInventory: { next: "ProcessPayment", catch: ["InventoryError->CancelOrder"] },
            ProcessPayment: { next: "ShipOrder", catch: ["PaymentError->ReleaseInventory"] },
            ShipOrder: { next: "End", catch: [] },
            ReleaseInventory: { next: "CancelOrder", catch: [] },
            CancelOrder: { next: "End", catch: [] },
        });
    });

    it("invokes each step's live alias and retries only transient Lambda errors, 3 times from 1 s doubling", () => {
        for (const step of SAGA_STEPS) {
            const state = definition.States[SAGA_STATE_NAMES[step]];
            assert.equal(state.Resource, `arn:aws:lambda:eu-west-1:123456789012:function:order-saga-${step}:live`);
            assert.deepEqual(state.Retry, [{
                ErrorEquals: [...TRANSIENT_LAMBDA_ERRORS], IntervalSeconds: 1, MaxAttempts: 3, BackoffRate: 2, JitterStrategy: "FULL",
            }]);
        }
        assert.deepEqual([...TRANSIENT_LAMBDA_ERRORS], ["Lambda.ServiceException", "Lambda.AWSLambdaException",
            "Lambda.SdkClientException", "Lambda.TooManyRequestsException"]);
    });

    it("keeps the order in the state when a step fails, so compensation knows what to undo", () => {
        const catchPaths = Object.values(definition.States).flatMap((state) => (state.Catch ?? []).map((c) => c.ResultPath));
        assert.deepEqual(catchPaths, ["$.error", "$.error"]);
        assert.deepEqual(Object.values(definition.States).map((state) => state.ResultPath),
            ["$.reservation", "$.payment", "$.shipment", "$.release", "$.cancellation"]);
    });
});
