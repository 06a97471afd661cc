import * as pulumi from "@pulumi/pulumi";
import { awsSettingSpecs } from "./aws";
import { azureSettingSpecs } from "./azure";
import { SettingsError } from "./errors";
import { CloudName, generalSettingSpecs, LogLevel } from "./general";
import { gcpSettingSpecs } from "./gcp";
import { parseSettingValues } from "./parse";
import { SettingSpec } from "./schema";

export { SettingsError } from "./errors";
export type { CloudName, LogLevel } from "./general";

/** The project name, which is also the config namespace of every setting. */
export const PROJECT_NAME = "serverless-platform";

/** Every setting the program reads; Pulumi.yaml declares exactly these keys (checked by a test). */
export const settingSpecs = {
    ...generalSettingSpecs,
    ...awsSettingSpecs,
    ...gcpSettingSpecs,
    ...azureSettingSpecs,
} satisfies Record<string, SettingSpec<never>>;

export type SettingValues = ReturnType<typeof parseSettingValues<typeof settingSpecs>>;

/** Expected traffic, used for the cost estimate (tagged on every function/service). */
export interface TrafficAssumption {
    requestsPerMonth: number;
    avgDurationMs: number;
}

export interface LambdaGroupSettings {
    timeoutSeconds: number;
    memoryMb: number;
    /** Reserved concurrency of each function of the group (always >= 1). */
    reservedConcurrency: number;
    traffic: TrafficAssumption;
}

export interface AwsSettings {
    architecture: "arm64" | "x86_64";
    customerApi: LambdaGroupSettings & {
        /** Instances kept warm on alias `live`; 0 = no provisioned concurrency. */
        provisionedConcurrency: number;
        throttle: { rateLimit: number; burstLimit: number };
    };
    orderEvents: LambdaGroupSettings & { batchSize: number; maxConcurrency: number; maxReceiveCount: number };
    orderSaga: LambdaGroupSettings;
    /** Undefined when the functions run outside a VPC. */
    vpc?: { cidr: string; availabilityZones: number; natGateways: "single" | "onePerAz" };
}

export interface GcpSettings {
    region: string;
    /** Digest-pinned image; undefined means build and push it from functions/churn-api. */
    image?: string;
    minInstances: number;
    maxInstances: number;
    memory: string;
    cpu: string;
    timeoutSeconds: number;
    concurrency: number;
    ingress: "INGRESS_TRAFFIC_ALL" | "INGRESS_TRAFFIC_INTERNAL_ONLY" | "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER";
    invokers: string[];
    modelVersion: string;
    startupCpuBoost: boolean;
    deletionProtection: boolean;
    traffic: TrafficAssumption & { payloadKb: number };
}

export interface AzureSettings {
    location: string;
    maxInstanceCount: number;
    instanceMemoryMb: 512 | 2048 | 4096;
    alwaysReadyInstances: number;
    httpTimeoutSeconds: number;
    maxDequeueCount: number;
    traffic: TrafficAssumption & { payloadKb: number };
}

export interface Settings {
    /** The stack name, which is the environment (dev, production, or any other). */
    environment: string;
    clouds: CloudName[];
    logLevel: LogLevel;
    logRetentionDays: number;
    alarms: { errorThreshold: number; periodSeconds: number; evaluationPeriods: number; email?: string };
    /** Present only for the clouds the stack enables. */
    aws?: AwsSettings;
    gcp?: GcpSettings;
    azure?: AzureSettings;
}

/** Reads and validates the stack's settings; throws SettingsError before any resource exists. */
export function loadSettings(): Settings {
    return settingsFromConfig(pulumi.runtime.allConfig(), pulumi.getStack());
}

/** Pure form of loadSettings for any raw config map (the keys are `serverless-platform:<name>`). */
export function settingsFromConfig(raw: Record<string, string>, environment: string): Settings {
    const v = parseSettingValues(settingSpecs, raw, PROJECT_NAME, environment);
    const problems = crossFieldProblems(v);
    if (problems.length > 0) throw new SettingsError(problems, environment);
    const clouds = v.clouds as CloudName[];
    return {
        environment,
        clouds,
        logLevel: v.logLevel as LogLevel,
        logRetentionDays: v.logRetentionDays,
        alarms: {
            errorThreshold: v.alarmErrorThreshold,
            periodSeconds: v.alarmPeriodSeconds,
            evaluationPeriods: v.alarmEvaluationPeriods,
            email: v.alarmEmail || undefined,
        },
        aws: clouds.includes("aws") ? awsSettings(v) : undefined,
        gcp: clouds.includes("gcp") ? gcpSettings(v) : undefined,
        azure: clouds.includes("azure") ? azureSettings(v) : undefined,
    };
}

/** Rules that relate two settings; each message names both key paths. */
function crossFieldProblems(v: SettingValues): string[] {
    const key = (name: keyof SettingValues) => `${PROJECT_NAME}:${name}`;
    const problems: string[] = [];
    if (v.customerApiProvisionedConcurrency > v.customerApiReservedConcurrency) {
        problems.push(`${key("customerApiProvisionedConcurrency")} = ${v.customerApiProvisionedConcurrency} must be ` +
            `at most ${key("customerApiReservedConcurrency")} = ${v.customerApiReservedConcurrency}`);
    }
    if (v.orderEventsMaxConcurrency > v.orderEventsReservedConcurrency) {
        problems.push(`${key("orderEventsMaxConcurrency")} = ${v.orderEventsMaxConcurrency} must be at most ` +
            `${key("orderEventsReservedConcurrency")} = ${v.orderEventsReservedConcurrency}, or pollers get throttled`);
    }
    if (v.cloudRunMinInstances > v.cloudRunMaxInstances) {
        problems.push(`${key("cloudRunMinInstances")} = ${v.cloudRunMinInstances} must be at most ` +
            `${key("cloudRunMaxInstances")} = ${v.cloudRunMaxInstances}`);
    }
    if (v.azureAlwaysReadyInstances > v.azureMaxInstanceCount) {
        problems.push(`${key("azureAlwaysReadyInstances")} = ${v.azureAlwaysReadyInstances} must be at most ` +
            `${key("azureMaxInstanceCount")} = ${v.azureMaxInstanceCount}`);
    }
    return problems;
}

function awsSettings(v: SettingValues): AwsSettings {
    return {
        architecture: v.lambdaArchitecture as AwsSettings["architecture"],
        customerApi: {
            timeoutSeconds: v.customerApiTimeoutSeconds,
            memoryMb: v.customerApiMemoryMb,
            reservedConcurrency: v.customerApiReservedConcurrency,
            traffic: { requestsPerMonth: v.customerApiRequestsPerMonth, avgDurationMs: v.customerApiAvgDurationMs },
            provisionedConcurrency: v.customerApiProvisionedConcurrency,
            throttle: { rateLimit: v.customerApiThrottleRateLimit, burstLimit: v.customerApiThrottleBurstLimit },
        },
        orderEvents: {
            timeoutSeconds: v.orderEventsTimeoutSeconds,
            memoryMb: v.orderEventsMemoryMb,
            reservedConcurrency: v.orderEventsReservedConcurrency,
            traffic: { requestsPerMonth: v.orderEventsRequestsPerMonth, avgDurationMs: v.orderEventsAvgDurationMs },
            batchSize: v.orderEventsBatchSize,
            maxConcurrency: v.orderEventsMaxConcurrency,
            maxReceiveCount: v.orderEventsMaxReceiveCount,
        },
        orderSaga: {
            timeoutSeconds: v.orderSagaTimeoutSeconds,
            memoryMb: v.orderSagaMemoryMb,
            reservedConcurrency: v.orderSagaReservedConcurrency,
            traffic: { requestsPerMonth: v.orderSagaRequestsPerMonth, avgDurationMs: v.orderSagaAvgDurationMs },
        },
        vpc: v.vpcEnabled
            ? { cidr: v.vpcCidr, availabilityZones: v.vpcAvailabilityZones, natGateways: v.vpcNatGateways as "single" | "onePerAz" }
            : undefined,
    };
}

function gcpSettings(v: SettingValues): GcpSettings {
    return {
        region: v.cloudRunRegion,
        image: v.cloudRunImage || undefined,
        minInstances: v.cloudRunMinInstances,
        maxInstances: v.cloudRunMaxInstances,
        memory: v.cloudRunMemory,
        cpu: v.cloudRunCpu,
        timeoutSeconds: v.cloudRunTimeoutSeconds,
        concurrency: v.cloudRunConcurrency,
        ingress: v.cloudRunIngress as GcpSettings["ingress"],
        invokers: v.cloudRunInvokers,
        modelVersion: v.cloudRunModelVersion,
        startupCpuBoost: v.cloudRunStartupCpuBoost,
        deletionProtection: v.cloudRunDeletionProtection,
        traffic: { requestsPerMonth: v.cloudRunRequestsPerMonth, avgDurationMs: v.cloudRunAvgDurationMs, payloadKb: v.cloudRunPayloadKb },
    };
}

function azureSettings(v: SettingValues): AzureSettings {
    return {
        location: v.azureLocation,
        maxInstanceCount: v.azureMaxInstanceCount,
        instanceMemoryMb: v.azureInstanceMemoryMb as AzureSettings["instanceMemoryMb"],
        alwaysReadyInstances: v.azureAlwaysReadyInstances,
        httpTimeoutSeconds: v.azureHttpTimeoutSeconds,
        maxDequeueCount: v.azureMaxDequeueCount,
        traffic: { requestsPerMonth: v.azureRequestsPerMonth, avgDurationMs: v.azureAvgDurationMs, payloadKb: v.azurePayloadKb },
    };
}
