import { strict as assert } from "node:assert";
import { orderSagaDefinition, SAGA_STEPS, SagaStep } from "../../components/aws/saga-definition";
import { ProgramRun } from "../../tools/harness";
import { planStack } from "../support/stack";
import { arnOf, planView, statementsOf } from "./support/plan-view";

/** Per stack, from Pulumi.<stack>.yaml over Pulumi.yaml defaults. */
const EXPECTED = {
    dev: { retentionDays: 7, reserved: 5 },
    production: { retentionDays: 90, reserved: 20 },
} as const;

/** Each step's table actions, written out so a widened grant shows up as a failure. */
const STEP_ACTIONS: Record<SagaStep, string[]> = {
    "inventory-reserve": ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem"],
    "payment-process": ["dynamodb:GetItem", "dynamodb:UpdateItem"],
    "shipping-create": ["dynamodb:GetItem", "dynamodb:UpdateItem"],
    "inventory-release": ["dynamodb:GetItem", "dynamodb:UpdateItem"],
    "order-cancel": ["dynamodb:UpdateItem"],
};

for (const stack of ["dev", "production"] as const) {
    const expected = EXPECTED[stack];

    describe(`order saga wiring in ${stack} (mock plan of index.ts)`, () => {
        let run: ProgramRun;
        let view: ReturnType<typeof planView>;
        before(async () => {
            run = await planStack(stack);
            view = planView(run);
        });
        const stateMachine = () => view.byName("aws:sfn/stateMachine:StateMachine", "order-saga-state-machine");

        it("runs the ASL built by orderSagaDefinition from the five steps' live alias ARNs", () => {
            const aliasArns = Object.fromEntries(SAGA_STEPS.map((step) => [step, view.aliasArn(`order-saga-${step}`)])) as Record<SagaStep, string>;
            assert.equal(aliasArns["inventory-reserve"], `arn:aws:lambda:eu-west-1:123456789012:function:${stack}-inventory-reserve:live`);
            assert.equal(stateMachine().inputs.definition, JSON.stringify(orderSagaDefinition(aliasArns)));
            assert.equal(stateMachine().inputs.type, "STANDARD");
            assert.equal(stateMachine().inputs.name, `${stack}-order-saga`);
        });

        it("gives the state machine a role that may invoke exactly the five live aliases", () => {
            const role = view.byName("aws:iam/role:Role", "order-saga-role");
            assert.equal(stateMachine().inputs.roleArn, arnOf(role));
            assert.deepEqual(JSON.parse(String(role.inputs.assumeRolePolicy)).Statement,
                [{ Effect: "Allow", Principal: { Service: "states.amazonaws.com" }, Action: "sts:AssumeRole" }]);
            const invoke = view.rolePolicy("order-saga-invoke-steps");
            assert.equal(invoke.inputs.role, role.id);
            assert.deepEqual(statementsOf(invoke), [{
                Sid: "InvokeSagaStepAliases", Effect: "Allow", Action: ["lambda:InvokeFunction"],
                Resource: SAGA_STEPS.map((step) => view.aliasArn(`order-saga-${step}`)),
            }]);
            const observability = statementsOf(view.rolePolicy("order-saga-observability"));
            assert.equal(observability.length, 1);
            assert.ok((observability[0].Action as string[]).every((action) => /^(xray|logs):[A-Za-z]+$/.test(action)),
                "only X-Ray and log-delivery actions may use Resource *");
            assert.ok(stateMachine().dependencies.includes(invoke.urn));
        });

        it(`logs every execution with its data to a log group kept ${expected.retentionDays} days, and traces with X-Ray`, () => {
            const logGroup = view.byName("aws:cloudwatch/logGroup:LogGroup", "order-saga-logs");
            assert.equal(logGroup.inputs.name, `/aws/vendedlogs/states/${stack}-order-saga`);
            assert.equal(logGroup.inputs.retentionInDays, expected.retentionDays);
            assert.deepEqual(stateMachine().inputs.loggingConfiguration,
                { level: "ALL", includeExecutionData: true, logDestination: `${arnOf(logGroup)}:*` });
            assert.deepEqual(stateMachine().inputs.tracingConfiguration, { enabled: true });
        });

        it("alarms when an execution fails", () => {
            const alarm = view.byName("aws:cloudwatch/metricAlarm:MetricAlarm", "order-saga-failed-executions");
            assert.equal(alarm.inputs.namespace, "AWS/States");
            assert.equal(alarm.inputs.metricName, "ExecutionsFailed");
            assert.deepEqual(alarm.inputs.dimensions, { StateMachineArn: arnOf(stateMachine()) });
            assert.equal(alarm.inputs.threshold, 0);
        });

        for (const step of SAGA_STEPS) {
            it(`${step}: reads the saga table from ORDER_SAGA_TABLE, may do only ${STEP_ACTIONS[step].join(", ")} on it, ` +
                `reserved concurrency ${expected.reserved}, no async DLQ`, () => {
                const table = view.byName("aws:dynamodb/table:Table", "order-saga-table");
                const fn = view.fn(`order-saga-${step}`);
                assert.equal(fn.inputs.name, `${stack}-${step}`);
                assert.equal(fn.inputs.reservedConcurrentExecutions, expected.reserved);
                assert.deepEqual((fn.inputs.environment as { variables: Record<string, string> }).variables.ORDER_SAGA_TABLE,
                    `${stack}-order-saga`);
                const tableStatement = statementsOf(view.rolePolicy(`order-saga-${step}-policy`)).find((s) => s.Sid === "UseSagaTable");
                assert.deepEqual(tableStatement, { Sid: "UseSagaTable", Effect: "Allow", Action: STEP_ACTIONS[step], Resource: [arnOf(table)] });
                const asyncConfigs = run.resources.filter((r) =>
                    r.type === "aws:lambda/functionEventInvokeConfig:FunctionEventInvokeConfig" && r.name === `order-saga-${step}-async`);
                assert.deepEqual(asyncConfigs, []);
            });
        }
    });
}
