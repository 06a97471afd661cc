import * as pulumi from "@pulumi/pulumi";
import * as runtimeConfig from "@pulumi/pulumi/runtime/config";
import { awsSettingSpecs } from "./aws";
import { azureSettingSpecs } from "./azure";
import { crossFieldProblems } from "./cross-field";
import { environmentProblems } from "./environment";
import { SettingsError } from "./errors";
import { LogLevel } from "../../contracts/log-levels";
import { CloudName, generalSettingSpecs } from "./general";
import { gcpSettingSpecs } from "./gcp";
import { misspelledNamespaces } from "./namespaces";
import { closest } from "./near-miss";
import { parseSettingValues } from "./parse";
import { providerConfigProblems } from "./provider-config";
import { displayValue, SettingSpec } from "./schema";
import { CloudRunIngress } from "../../contracts/cloud-run";

export { SettingsError } from "./errors";
export type { CloudName } from "./general";
export type { LogLevel } from "../../contracts/log-levels";

/** The project name, which is also the config namespace of every setting. */
export const PROJECT_NAME = "serverless-platform";

/**
 * Set by the offline plan's harness to the stack file it read (`--config FILE` included); unset under
 * the Pulumi CLI, whose stack file is Pulumi.<stack>.yaml.
 */
const CONFIG_FILE_ENV = "STACK_CONFIG_FILE";

/** Every setting the program reads; Pulumi.yaml declares exactly these keys (checked by a test). */
export const settingSpecs = {
    ...generalSettingSpecs,
    ...awsSettingSpecs,
    ...gcpSettingSpecs,
    ...azureSettingSpecs,
} satisfies Record<string, SettingSpec<never>>;

type SettingValues = { [K in keyof typeof settingSpecs]: (typeof settingSpecs)[K] extends SettingSpec<infer T> ? T : never };

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
    ingress: CloudRunIngress;
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
    /** `email` is a secret output when the stack keeps it secret (`pulumi config set --secret`). */
    alarms: { errorThreshold: number; periodSeconds: number; evaluationPeriods: number; email?: pulumi.Input<string> };
    /** Present only for the clouds the stack enables. */
    aws?: AwsSettings;
    gcp?: GcpSettings;
    azure?: AzureSettings;
}

/** Reads and validates the stack's settings; throws SettingsError before any resource exists. */
export function loadSettings(): Settings {
    const values = pulumi.runtime.allConfig();
    // The SDK marks secret keys (PULUMI_CONFIG_SECRET_KEYS) but exports the test only from this module.
    const { isConfigSecret } = runtimeConfig as unknown as { isConfigSecret(key: string): boolean };
    return settingsFromConfig(values, pulumi.getStack(), {
        secretKeys: Object.keys(values).filter((key) => isConfigSecret(key)),
        configFile: process.env[CONFIG_FILE_ENV] || undefined,
        notice: (message) => void pulumi.log.warn(message),
    });
}

export interface ConfigContext {
    /** Keys whose values are secrets. */
    secretKeys?: Iterable<string>;
    /** The stack file the values came from, for the error message. */
    configFile?: string;
    /** Told what the settings did that the user should know (a secret replaced by a placeholder offline). */
    notice?: (message: string) => void;
}

/** Pure form of loadSettings for any raw config map (the keys are `serverless-platform:<name>`). */
export function settingsFromConfig(raw: Record<string, string>, environment: string, context: ConfigContext = {}): Settings {
    const keys = Object.keys(raw).sort();
    const parsed = parseSettingValues(settingSpecs, { values: raw, secretKeys: new Set(context.secretKeys ?? []) }, PROJECT_NAME);
    // Every problem at once; a rule whose inputs had their own problem is skipped (already reported).
    const problems = [
        ...misspelledNamespaces(keys, PROJECT_NAME),
        ...unknownSettings(keys),
        ...parsed.problems,
        ...providerConfigProblems(raw),
        ...crossFieldProblems(parsed.values, PROJECT_NAME),
        ...(parsed.values.clouds ? environmentProblems(environment, parsed.values.clouds as CloudName[]) : []),
    ];
    if (problems.length > 0) throw new SettingsError(problems, environment, context.configFile);
    for (const [name, placeholder] of parsed.placeholders) {
        context.notice?.(`${PROJECT_NAME}:${name} is a secret this plan cannot decrypt: planned with the placeholder ` +
            `${JSON.stringify(placeholder)}, marked secret`);
    }
    const v = parsed.values as SettingValues;
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
            email: v.alarmEmail === "" ? undefined : parsed.secrets.has("alarmEmail") ? pulumi.secret(v.alarmEmail) : v.alarmEmail,
        },
        aws: clouds.includes("aws") ? awsSettings(v) : undefined,
        gcp: clouds.includes("gcp") ? gcpSettings(v) : undefined,
        azure: clouds.includes("azure") ? azureSettings(v) : undefined,
    };
}

/** Keys in our namespace that no setting has, with the setting probably meant. */
function unknownSettings(keys: readonly string[]): string[] {
    const prefix = `${PROJECT_NAME}:`;
    const names = Object.keys(settingSpecs);
    return keys.filter((key) => key.startsWith(prefix) && !Object.hasOwn(settingSpecs, key.slice(prefix.length))).map((key) => {
        const name = key.slice(prefix.length);
        const meant = name.length <= 64 ? closest(name, names) : undefined;
        return `${displayValue(key)} is not a known setting; ${meant ? `did you mean ${prefix}${meant}? ` : ""}` +
            "use one of the settings declared in Pulumi.yaml (see the README's settings table)";
    });
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
