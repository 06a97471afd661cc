import { AwsSettings, Settings } from "../settings";
import { CustomerApi } from "./customer-api";
import { OrderFanout } from "./fanout";
import { AlarmTopic } from "./monitoring";
import { Network } from "./network";
import { OrderSaga } from "./saga";
import { sharedFunctionArgs } from "./shared-function-args";

export { ServerlessFunction, LIVE_ALIAS } from "./function";
export type { AsyncInvocationArgs, ServerlessFunctionArgs } from "./function";
export * from "./grants";
export { AlarmTopic, alarmTarget, createDeadLetterDepthAlarm } from "./monitoring";
export type { AlarmTarget } from "./monitoring";
export { createDeadLetterQueue } from "./dead-letter-queue";
export { Network } from "./network";
export type { NetworkPlacement } from "./network";
export { sharedFunctionArgs } from "./shared-function-args";
export type { SharedFunctionArgs } from "./shared-function-args";

/** Builds everything this stack runs on AWS; returns the stack outputs for that cloud. */
export function buildAws(settings: Settings, aws: AwsSettings): Record<string, unknown> {
    const alarmTopic = new AlarmTopic("alarms", { email: settings.alarms.email });
    const network = aws.vpc ? new Network("network", aws.vpc) : undefined;
    const shared = sharedFunctionArgs(settings, aws, alarmTopic.arn, network);
    const customerApi = new CustomerApi("customer-api", { shared, settings: aws.customerApi });
    const orderEvents = new OrderFanout("order-events", { shared, settings: aws.orderEvents });
    const orderSaga = new OrderSaga("order-saga", { shared, settings: aws.orderSaga });
    return {
        alarmTopicArn: alarmTopic.arn,
        ...(network ? { vpcId: network.vpc.vpcId } : {}),
        customerApiUrl: customerApi.url,
        customerApiSecretArn: customerApi.secret.arn,
        orderEventsTopicArn: orderEvents.topic.arn,
        orderSagaStateMachineArn: orderSaga.stateMachine.arn,
    };
}
