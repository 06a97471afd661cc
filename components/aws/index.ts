import * as pulumi from "@pulumi/pulumi";
import { packageFunction } from "../../packaging";
import { AwsSettings, LambdaGroupSettings, Settings } from "../settings";
import { CustomerApi } from "./customer-api";
import { OrderFanout } from "./fanout";
import { FunctionSizing, LambdaCode } from "./function";
import { AlarmTarget, AlarmTopic } from "./monitoring";
import { Network, NetworkArgs } from "./network";
import { ORDER_CONSUMERS } from "../../contracts/schemas/order-events";
import { OrderSaga } from "./saga";
import { SAGA_STEPS } from "./saga-definition";
import { SharedFunctionArgs } from "./shared-function-args";

export { ServerlessFunction, LIVE_ALIAS } from "./function";
export type { AsyncInvocationArgs, FunctionSizing, LambdaCode, ServerlessFunctionArgs } from "./function";
export * from "./grants";
export { AlarmTopic, createDeadLetterDepthAlarm } from "./monitoring";
export type { AlarmTarget } from "./monitoring";
export { createDeadLetterQueue } from "./dead-letter-queue";
export { Network } from "./network";
export type { NetworkArgs, NetworkPlacement } from "./network";
export type { SharedFunctionArgs } from "./shared-function-args";

/**
 * Builds everything this stack runs on AWS; returns the stack outputs for that cloud. The one place where
 * the stack's settings become component arguments, and where the functions' packages are built.
 */
export function buildAws(settings: Settings, aws: AwsSettings): Record<string, unknown> {
    const alarmTopic = new AlarmTopic("alarms", { email: settings.alarms.email, periodSeconds: settings.alarms.periodSeconds });
    const network = aws.vpc ? new Network("network", networkArgs(aws.vpc)) : undefined;
    const shared = sharedFunctionArgs(settings, aws, alarmTopic.arn, network);
    const customerApi = new CustomerApi("customer-api", {
        shared,
        code: packageFunction("customer-api"),
        sizing: functionSizing(aws.customerApi),
        provisionedConcurrency: aws.customerApi.provisionedConcurrency,
        throttleRequestsPerSecond: aws.customerApi.throttle.rateLimit,
        throttleBurstRequests: aws.customerApi.throttle.burstLimit,
    });
    const orderEvents = new OrderFanout("order-events", {
        shared,
        code: { publisher: packageFunction("order-publisher"), ...packages(ORDER_CONSUMERS, (consumer) => `${consumer}-consumer`) },
        sizing: functionSizing(aws.orderEvents),
        batchSize: aws.orderEvents.batchSize,
        maxConcurrency: aws.orderEvents.maxConcurrency,
        maxReceiveCount: aws.orderEvents.maxReceiveCount,
    });
    const orderSaga = new OrderSaga("order-saga", {
        shared,
        code: packages(SAGA_STEPS, (step) => step),
        sizing: functionSizing(aws.orderSaga),
    });
    return {
        alarmTopicArn: alarmTopic.arn,
        ...(network ? { vpcId: network.vpc.vpcId } : {}),
        customerApiUrl: customerApi.url,
        customerApiSecretArn: customerApi.secret.arn,
        orderEventsTopicArn: orderEvents.topic.arn,
        orderSagaStateMachineArn: orderSaga.stateMachine.arn,
    };
}

/** Stack-wide function arguments from the stack's settings, its alarm topic and its network. */
export function sharedFunctionArgs(settings: Settings, aws: AwsSettings, alarmTopicArn: pulumi.Input<string>,
    network: Network | undefined): SharedFunctionArgs {
    const alarms: AlarmTarget = {
        topicArn: alarmTopicArn,
        errorThreshold: settings.alarms.errorThreshold,
        periodSeconds: settings.alarms.periodSeconds,
        evaluationPeriods: settings.alarms.evaluationPeriods,
    };
    return {
        environment: settings.environment,
        architecture: aws.architecture,
        logLevel: settings.logLevel,
        logRetentionDays: settings.logRetentionDays,
        alarms,
        network: network?.placement,
    };
}

/** The VPC from its settings. */
export function networkArgs(vpc: NonNullable<AwsSettings["vpc"]>): NetworkArgs {
    return { cidrBlock: vpc.cidr, availabilityZoneCount: vpc.availabilityZones, natGateways: vpc.natGateways };
}

/** One built package per key, from the function folder each key names. */
function packages<K extends string>(keys: readonly K[], folder: (key: K) => string): Record<K, LambdaCode> {
    const built = {} as Record<K, LambdaCode>;
    for (const key of keys) built[key] = packageFunction(folder(key));
    return built;
}

/** The sizing of one group of functions from its settings. */
function functionSizing(group: LambdaGroupSettings): FunctionSizing {
    return {
        timeoutSeconds: group.timeoutSeconds,
        memoryMb: group.memoryMb,
        reservedConcurrency: group.reservedConcurrency,
        traffic: { requestsPerMonth: group.traffic.requestsPerMonth, avgDurationMs: group.traffic.avgDurationMs },
    };
}
