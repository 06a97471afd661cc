import * as pulumi from "@pulumi/pulumi";
import { AwsSettings, Settings } from "../settings";
import { ServerlessFunctionArgs } from "./function";
import { alarmTarget } from "./monitoring";
import { Network } from "./network";

/** The ServerlessFunction arguments every function of a stack shares. */
export type SharedFunctionArgs = Pick<ServerlessFunctionArgs,
    "environment" | "architecture" | "logLevel" | "logRetentionDays" | "alarms" | "network">;

/**
 * Stack-wide function arguments, spread into each function's own:
 * `new ServerlessFunction("order-cancel", { ...shared, source: "order-cancel", sizing: aws.orderSaga })`.
 */
export function sharedFunctionArgs(settings: Settings, aws: AwsSettings, alarmTopicArn: pulumi.Input<string>,
    network: Network | undefined): SharedFunctionArgs {
    return {
        environment: settings.environment,
        architecture: aws.architecture,
        logLevel: settings.logLevel,
        logRetentionDays: settings.logRetentionDays,
        alarms: alarmTarget(settings.alarms, alarmTopicArn),
        network: network?.placement,
    };
}
