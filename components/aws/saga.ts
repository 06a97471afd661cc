import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { FunctionSizing, LambdaCode, ServerlessFunction } from "./function";
import { DynamoItemAction, policyDocument, tableItemGrant } from "./grants";
import { SAGA_TABLE_ENV, SAGA_TABLE_PARTITION_KEY } from "../../contracts/schemas/order-saga-state";
import { orderSagaDefinition, SAGA_STEPS, SagaStep } from "./saga-definition";
import { SharedFunctionArgs } from "./shared-function-args";

/**
 * What each step does to the saga table, and nothing more. DynamoDB authorizes each item of a
 * TransactWriteItems call with its own action (Put, Update), so a transaction needs no extra action.
 */
export const SAGA_STEP_TABLE_ACTIONS: Record<SagaStep, DynamoItemAction[]> = {
    "inventory-reserve": ["GetItem", "PutItem", "UpdateItem"],
    "payment-process": ["GetItem", "UpdateItem"],
    "shipping-create": ["GetItem", "UpdateItem"],
    "inventory-release": ["GetItem", "UpdateItem"],
    "order-cancel": ["UpdateItem"],
};

/**
 * Actions the state machine needs for X-Ray and for delivering its logs to CloudWatch Logs. AWS gives
 * none of them resource-level permissions, so `"Resource": "*"` is the only form they accept.
 */
export const STATE_MACHINE_OBSERVABILITY_ACTIONS = [
    "xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules", "xray:GetSamplingTargets",
    "logs:CreateLogDelivery", "logs:GetLogDelivery", "logs:UpdateLogDelivery", "logs:DeleteLogDelivery",
    "logs:ListLogDeliveries", "logs:PutResourcePolicy", "logs:DescribeResourcePolicies", "logs:DescribeLogGroups",
];

export interface OrderSagaArgs {
    /** Stack-wide function arguments (environment, architecture, log level, alarms, network). */
    shared: SharedFunctionArgs;
    /** Built package of each step (functions/<step>). */
    code: Record<SagaStep, LambdaCode>;
    /** Timeout, memory, reserved concurrency and traffic of each of the five step functions. */
    sizing: FunctionSizing;
}

/**
 * The seed's order saga: a Standard Step Functions state machine (ReserveInventory -> ProcessPayment ->
 * ShipOrder, with ReleaseInventory and CancelOrder as compensations) over five step functions that share
 * one DynamoDB table. Tasks invoke each function's alias `live`; the machine's role may invoke exactly
 * those five aliases. Every execution is logged with its data and traced with X-Ray.
 */
export class OrderSaga extends pulumi.ComponentResource {
    /** Stock per SKU, balance per customer, one row per order (see order-saga-state.ts). */
    public readonly table: aws.dynamodb.Table;
    public readonly steps: Record<SagaStep, ServerlessFunction>;
    public readonly logGroup: aws.cloudwatch.LogGroup;
    public readonly role: aws.iam.Role;
    public readonly rolePolicies: aws.iam.RolePolicy[];
    public readonly stateMachine: aws.sfn.StateMachine;
    /** Fires when an execution fails: compensations end in success, so a failure is a bug or bad input. */
    public readonly failedExecutionsAlarm: aws.cloudwatch.MetricAlarm;

    constructor(name: string, args: OrderSagaArgs, opts?: pulumi.ComponentResourceOptions) {
        super("serverless-platform:aws:OrderSaga", name, {}, opts);
        const environment = args.shared.environment;
        this.table = new aws.dynamodb.Table(`${name}-table`, {
            name: `${environment}-order-saga`,
            billingMode: "PAY_PER_REQUEST",
            hashKey: SAGA_TABLE_PARTITION_KEY,
            attributes: [{ name: SAGA_TABLE_PARTITION_KEY, type: "S" }],
            pointInTimeRecovery: { enabled: true },
            serverSideEncryption: { enabled: true },
        }, { parent: this });
        this.steps = Object.fromEntries(SAGA_STEPS.map((step) => [step, this.createStep(name, step, args)])) as
            Record<SagaStep, ServerlessFunction>;
        this.logGroup = new aws.cloudwatch.LogGroup(`${name}-logs`, {
            // The /aws/vendedlogs/ prefix keeps the log group's resource policy under its size limit.
            name: `/aws/vendedlogs/states/${environment}-${name}`,
            retentionInDays: args.shared.logRetentionDays,
        }, { parent: this });
        this.role = new aws.iam.Role(`${name}-role`, {
            assumeRolePolicy: JSON.stringify({
                Version: "2012-10-17",
                Statement: [{ Effect: "Allow", Principal: { Service: "states.amazonaws.com" }, Action: "sts:AssumeRole" }],
            }),
        }, { parent: this });
        this.rolePolicies = this.createRolePolicies(name);
        this.stateMachine = this.createStateMachine(name, environment);
        this.failedExecutionsAlarm = this.createFailedExecutionsAlarm(name, args);
        this.registerOutputs({ stateMachineArn: this.stateMachine.arn, tableName: this.table.name });
    }

    /** Invoked synchronously by Step Functions only, so no dead-letter queue: the execution records the failure. */
    private createStep(name: string, step: SagaStep, args: OrderSagaArgs): ServerlessFunction {
        return new ServerlessFunction(`${name}-${step}`, {
            ...args.shared,
            code: args.code[step],
            functionName: `${args.shared.environment}-${step}`,
            sizing: args.sizing,
            variables: { [SAGA_TABLE_ENV]: this.table.name },
            grants: [tableItemGrant("UseSagaTable", this.table.arn, SAGA_STEP_TABLE_ACTIONS[step])],
        }, { parent: this });
    }

    /**
     * Invoking exactly the five `live` aliases (checked by policyDocument like every function role), and,
     * separately, the observability actions that only exist on `*`.
     */
    private createRolePolicies(name: string): aws.iam.RolePolicy[] {
        const invoke = new aws.iam.RolePolicy(`${name}-invoke-steps`, {
            role: this.role.id,
            policy: policyDocument([{
                sid: "InvokeSagaStepAliases",
                actions: ["lambda:InvokeFunction"],
                resources: SAGA_STEPS.map((step) => this.steps[step].aliasArn),
            }]),
        }, { parent: this });
        const observability = new aws.iam.RolePolicy(`${name}-observability`, {
            role: this.role.id,
            policy: policyDocument([{ sid: "TraceAndDeliverLogs", actions: STATE_MACHINE_OBSERVABILITY_ACTIONS, resources: ["*"] }]),
        }, { parent: this });
        return [invoke, observability];
    }

    /** The definition is built once, by orderSagaDefinition, from the five `live` alias ARNs. */
    private createStateMachine(name: string, environment: string): aws.sfn.StateMachine {
        const aliasArns = Object.fromEntries(SAGA_STEPS.map((step) => [step, this.steps[step].aliasArn]));
        return new aws.sfn.StateMachine(`${name}-state-machine`, {
            name: `${environment}-${name}`,
            type: "STANDARD",
            roleArn: this.role.arn,
            definition: pulumi.all(aliasArns).apply((arns) =>
                JSON.stringify(orderSagaDefinition(arns as Record<SagaStep, string>))),
            loggingConfiguration: {
                level: "ALL",
                includeExecutionData: true,
                logDestination: pulumi.interpolate`${this.logGroup.arn}:*`,
            },
            tracingConfiguration: { enabled: true },
        }, {
            parent: this,
            // Step Functions checks that the role may invoke the tasks and deliver logs when the machine is created.
            dependsOn: this.rolePolicies,
        });
    }

    private createFailedExecutionsAlarm(name: string, args: OrderSagaArgs): aws.cloudwatch.MetricAlarm {
        const alarms = args.shared.alarms;
        return new aws.cloudwatch.MetricAlarm(`${name}-failed-executions`, {
            name: pulumi.interpolate`${this.stateMachine.name}-failed-executions`,
            alarmDescription: pulumi.interpolate`${this.stateMachine.name}: an execution failed instead of completing or compensating`,
            namespace: "AWS/States",
            metricName: "ExecutionsFailed",
            dimensions: { StateMachineArn: this.stateMachine.arn },
            statistic: "Sum",
            period: alarms.periodSeconds,
            evaluationPeriods: 1,
            comparisonOperator: "GreaterThanThreshold",
            threshold: 0,
            treatMissingData: "notBreaching",
            alarmActions: [alarms.topicArn],
            okActions: [alarms.topicArn],
        }, { parent: this });
    }
}
