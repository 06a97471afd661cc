import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { costTags } from "../../contracts/cost-tags";
import { LAMBDA_NODE_RUNTIME } from "../../contracts/runtimes";
import { LogLevel } from "../../contracts/log-levels";
import { createDeadLetterQueue } from "./dead-letter-queue";
import { Grant, LAMBDA_ASSUME_ROLE_POLICY, logGroupWriteGrant, policyDocument, queueSendGrant, vpcNetworkInterfaceGrants, xrayWriteGrant } from "./grants";
import { AlarmTarget, createDeadLetterDepthAlarm, createFunctionAlarms } from "./monitoring";
import { NetworkPlacement } from "./network";

/** Name of the alias every caller invokes; provisioned concurrency and async settings live on it. */
export const LIVE_ALIAS = "live";
/** CloudWatch metric namespace of the Powertools metrics every handler emits. */
export const METRICS_NAMESPACE = "ServerlessPlatform";

/** Retries and event age of asynchronous invocations (events from SNS, S3, EventBridge, `InvocationType: Event`). */
export interface AsyncInvocationArgs {
    /** Retries after a failed asynchronous invocation, 0 to 2. @default 2 */
    maximumRetryAttempts?: number;
    /** Age after which an unprocessed event is sent to the dead-letter queue, 60 to 21600 s. @default 21600 */
    maximumEventAgeSeconds?: number;
}

/** A built deployment package (buildAws makes one per function folder with packaging/packageFunction). */
export interface LambdaCode {
    /** Function folder the package was built from; also the service name in logs, metrics and tags. @example "customer-api" */
    source: string;
    /** Absolute path of the zip Pulumi uploads. */
    zipPath: string;
    /** Base64 SHA-256 of the zip, as Lambda reports `CodeSha256`. */
    sha256Base64: string;
    /** Lambda `handler` setting that loads the package's entry. @example "index.handler" */
    handler: string;
    /** The zip ships a source map: the function runs with `--enable-source-maps`. */
    sourceMap: boolean;
}

/** Size, limits and expected traffic of one function. */
export interface FunctionSizing {
    /** Longest an invocation may run, in seconds (Lambda allows 1 to 900). @example 30 */
    timeoutSeconds: number;
    /** Memory, in MB (128 to 10240); CPU grows with it. @example 256 */
    memoryMb: number;
    /** Reserved concurrency, at least 1 (0 would throttle every invocation). @example 50 */
    reservedConcurrency: number;
    /** Expected traffic, tagged for the cost estimate. */
    traffic: { requestsPerMonth: number; avgDurationMs: number };
}

export interface ServerlessFunctionArgs {
    /** The function's built package. */
    code: LambdaCode;
    /** Environment (stack) name, tagged on the function and the default prefix of its physical name. @example "production" */
    environment: string;
    /** Physical function name. @default `<environment>-<component name>`, as the seed's `production-customer-api` */
    functionName?: string;
    /** Timeout, memory, reserved concurrency and traffic of the function. */
    sizing: FunctionSizing;
    /** Instances kept initialized on alias `live`; at most `sizing.reservedConcurrency`. @default 0 (none) */
    provisionedConcurrency?: number;
    /** CPU architecture. @default "arm64" (cheaper per GB-second than x86_64 for the same work) */
    architecture?: "arm64" | "x86_64";
    /** Environment variables besides the ones the component sets (LOG_LEVEL, POWERTOOLS_*). @example { TABLE_NAME: table.name } */
    variables?: Record<string, pulumi.Input<string>>;
    /** What the handler may do; the role gets exactly these plus its own log group and X-Ray. @default [] */
    grants?: Grant[];
    /**
     * Present when something invokes the function asynchronously: adds an encrypted SQS dead-letter
     * queue, an on-failure destination to it, retries and a depth alarm. Leave out for synchronous-only
     * functions (API Gateway, Step Functions, SQS event source mappings). @default undefined (sync only)
     * @example {}
     */
    asyncInvocation?: AsyncInvocationArgs;
    /** Application log level (LOG_LEVEL and Lambda's application log filter). */
    logLevel: LogLevel;
    /** Days the function's log group keeps logs. */
    logRetentionDays: number;
    /** Alarm topic and thresholds. */
    alarms: AlarmTarget;
    /** Private subnets and security group when the function runs in a VPC. @default undefined (no VPC) */
    network?: NetworkPlacement;
    /** Average request + response size in KB, for the cost estimate tag. @default 1 */
    costPayloadKb?: number;
}

/** Environment variables the component owns; a caller setting one of them is an error. */
const COMPONENT_VARIABLES = ["LOG_LEVEL", "POWERTOOLS_SERVICE_NAME", "POWERTOOLS_METRICS_NAMESPACE", "NODE_OPTIONS"];

interface NormalizedArgs extends ServerlessFunctionArgs {
    functionName: string;
    provisionedConcurrency: number;
    architecture: "arm64" | "x86_64";
    grants: Grant[];
    asyncInvocation?: Required<AsyncInvocationArgs>;
}

/**
 * One Lambda function done the way the seed asks: bundled TypeScript handler, least-privilege role,
 * JSON logs into a log group with retention, X-Ray, reserved concurrency, alias `live` on a published
 * version (with provisioned concurrency when asked), dead-letter queue for asynchronous callers, alarms.
 */
export class ServerlessFunction extends pulumi.ComponentResource {
    public readonly logGroup: aws.cloudwatch.LogGroup;
    /** Present only for functions invoked asynchronously. */
    public readonly deadLetterQueue?: aws.sqs.Queue;
    public readonly role: aws.iam.Role;
    public readonly rolePolicy: aws.iam.RolePolicy;
    public readonly function: aws.lambda.Function;
    public readonly alias: aws.lambda.Alias;
    public readonly provisionedConcurrency?: aws.lambda.ProvisionedConcurrencyConfig;
    public readonly eventInvokeConfig?: aws.lambda.FunctionEventInvokeConfig;
    public readonly alarms: aws.cloudwatch.MetricAlarm[];
    /** Physical function name, `<environment>-<name>`. */
    public readonly functionName: string;
    /** ARN of alias `live`: what triggers and permissions must target. */
    public readonly aliasArn: pulumi.Output<string>;
    /** API Gateway integration URI of alias `live`. */
    public readonly aliasInvokeArn: pulumi.Output<string>;

    constructor(name: string, args: ServerlessFunctionArgs, opts?: pulumi.ComponentResourceOptions) {
        super("serverless-platform:aws:ServerlessFunction", name, {}, opts);
        const normalized = normalizeArgs(name, args);
        this.functionName = normalized.functionName;
        this.logGroup = this.createLogGroup(name, normalized);
        this.deadLetterQueue = normalized.asyncInvocation ? createDeadLetterQueue(`${name}-dlq`, this) : undefined;
        this.role = this.createRole(name);
        this.rolePolicy = this.createRolePolicy(name, normalized);
        this.function = this.createFunction(name, normalized);
        this.alias = this.createAlias(name);
        this.provisionedConcurrency = this.createProvisionedConcurrency(name, normalized);
        this.eventInvokeConfig = this.createEventInvokeConfig(name, normalized);
        this.alarms = this.createAlarms(name, normalized);
        this.aliasArn = this.alias.arn;
        this.aliasInvokeArn = this.alias.invokeArn;
        this.registerOutputs({ functionName: this.functionName, aliasArn: this.aliasArn });
    }

    /** Created before the function so Lambda never creates its own group without retention. */
    private createLogGroup(name: string, args: NormalizedArgs): aws.cloudwatch.LogGroup {
        return new aws.cloudwatch.LogGroup(`${name}-logs`, {
            name: `/aws/lambda/${args.functionName}`,
            retentionInDays: args.logRetentionDays,
        }, { parent: this });
    }

    private createRole(name: string): aws.iam.Role {
        return new aws.iam.Role(`${name}-role`, {
            assumeRolePolicy: LAMBDA_ASSUME_ROLE_POLICY,
        }, { parent: this });
    }

    /** The union of the declared grants and what the component itself needs. */
    private createRolePolicy(name: string, args: NormalizedArgs): aws.iam.RolePolicy {
        const grants: Grant[] = [logGroupWriteGrant(this.logGroup.arn), xrayWriteGrant(), ...args.grants];
        if (this.deadLetterQueue) grants.push(queueSendGrant("SendFailedEventsToDeadLetterQueue", this.deadLetterQueue.arn));
        if (args.network) grants.push(...vpcNetworkInterfaceGrants(args.network));
        return new aws.iam.RolePolicy(`${name}-policy`, {
            role: this.role.id,
            policy: policyDocument(grants),
        }, { parent: this });
    }

    private createFunction(name: string, args: NormalizedArgs): aws.lambda.Function {
        const { sizing } = args;
        return new aws.lambda.Function(`${name}-function`, {
            name: args.functionName,
            role: this.role.arn,
            code: new pulumi.asset.FileArchive(args.code.zipPath),
            sourceCodeHash: args.code.sha256Base64,
            handler: args.code.handler,
            runtime: LAMBDA_NODE_RUNTIME,
            architectures: [args.architecture],
            timeout: sizing.timeoutSeconds,
            memorySize: sizing.memoryMb,
            reservedConcurrentExecutions: sizing.reservedConcurrency,
            publish: true,
            environment: { variables: functionVariables(args) },
            loggingConfig: {
                logFormat: "JSON",
                logGroup: this.logGroup.name,
                applicationLogLevel: args.logLevel,
                // INFO keeps the platform REPORT line (duration, memory, init duration of cold starts).
                systemLogLevel: "INFO",
            },
            tracingConfig: { mode: "Active" },
            vpcConfig: args.network ? {
                subnetIds: args.network.subnetIds,
                securityGroupIds: [args.network.securityGroupId],
            } : undefined,
            tags: functionTags(args),
        }, {
            parent: this,
            // The role must hold its statements before Lambda validates VPC access and the first invocation logs.
            dependsOn: [this.rolePolicy, ...(args.network?.dependsOn ?? [])],
        });
    }

    private createAlias(name: string): aws.lambda.Alias {
        return new aws.lambda.Alias(`${name}-live`, {
            name: LIVE_ALIAS,
            functionName: this.function.name,
            functionVersion: this.function.version,
        }, { parent: this });
    }

    private createProvisionedConcurrency(name: string, args: NormalizedArgs): aws.lambda.ProvisionedConcurrencyConfig | undefined {
        if (args.provisionedConcurrency === 0) return undefined;
        return new aws.lambda.ProvisionedConcurrencyConfig(`${name}-warm`, {
            functionName: this.function.name,
            qualifier: this.alias.name,
            provisionedConcurrentExecutions: args.provisionedConcurrency,
        }, { parent: this });
    }

    /** Asynchronous events to alias `live` that still fail after the retries land in the dead-letter queue. */
    private createEventInvokeConfig(name: string, args: NormalizedArgs): aws.lambda.FunctionEventInvokeConfig | undefined {
        if (!args.asyncInvocation || !this.deadLetterQueue) return undefined;
        return new aws.lambda.FunctionEventInvokeConfig(`${name}-async`, {
            functionName: this.function.name,
            qualifier: this.alias.name,
            maximumRetryAttempts: args.asyncInvocation.maximumRetryAttempts,
            maximumEventAgeInSeconds: args.asyncInvocation.maximumEventAgeSeconds,
            destinationConfig: { onFailure: { destination: this.deadLetterQueue.arn } },
        }, { parent: this, dependsOn: [this.rolePolicy] });
    }

    private createAlarms(name: string, args: NormalizedArgs): aws.cloudwatch.MetricAlarm[] {
        const alarms = createFunctionAlarms(name,
            { functionName: this.function.name, timeoutSeconds: args.sizing.timeoutSeconds }, args.alarms, this);
        if (this.deadLetterQueue) alarms.push(createDeadLetterDepthAlarm(`${name}-dlq`, this.deadLetterQueue, args.alarms, this));
        return alarms;
    }
}

/** Defaults and checks; every error names the argument and what to change. */
function normalizeArgs(name: string, args: ServerlessFunctionArgs): NormalizedArgs {
    const functionName = args.functionName ?? `${args.environment}-${name}`;
    const problems: string[] = [];
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(functionName)) {
        problems.push(`function name "${functionName}" must be 1 to 64 letters, digits, - or _`);
    }
    const provisionedConcurrency = args.provisionedConcurrency ?? 0;
    if (!Number.isInteger(provisionedConcurrency) || provisionedConcurrency < 0 ||
        provisionedConcurrency > args.sizing.reservedConcurrency) {
        problems.push(`provisionedConcurrency = ${provisionedConcurrency} must be an integer from 0 to ` +
            `sizing.reservedConcurrency = ${args.sizing.reservedConcurrency}`);
    }
    if (!Number.isInteger(args.sizing.reservedConcurrency) || args.sizing.reservedConcurrency < 1) {
        problems.push(`sizing.reservedConcurrency = ${args.sizing.reservedConcurrency} must be an integer >= 1 ` +
            `(0 would throttle every invocation)`);
    }
    for (const key of Object.keys(args.variables ?? {})) {
        if (COMPONENT_VARIABLES.includes(key) || key.startsWith("AWS_")) {
            problems.push(`variables.${key} is set by the component or reserved by Lambda; use another name`);
        } else if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(key)) {
            problems.push(`variables.${key} is not a valid environment variable name (letters, digits, _)`);
        }
    }
    const asyncInvocation = args.asyncInvocation && {
        maximumRetryAttempts: args.asyncInvocation.maximumRetryAttempts ?? 2,
        maximumEventAgeSeconds: args.asyncInvocation.maximumEventAgeSeconds ?? 21600,
    };
    if (asyncInvocation && ![0, 1, 2].includes(asyncInvocation.maximumRetryAttempts)) {
        problems.push(`asyncInvocation.maximumRetryAttempts = ${asyncInvocation.maximumRetryAttempts} must be 0, 1 or 2`);
    }
    if (asyncInvocation && !(asyncInvocation.maximumEventAgeSeconds >= 60 && asyncInvocation.maximumEventAgeSeconds <= 21600)) {
        problems.push(`asyncInvocation.maximumEventAgeSeconds = ${asyncInvocation.maximumEventAgeSeconds} must be 60 to 21600`);
    }
    if (problems.length > 0) throw new Error(`ServerlessFunction ${name}: ${problems.join("; ")}`);
    return {
        ...args,
        functionName,
        provisionedConcurrency,
        architecture: args.architecture ?? "arm64",
        grants: args.grants ?? [],
        asyncInvocation,
    };
}

function functionVariables(args: NormalizedArgs): Record<string, pulumi.Input<string>> {
    return {
        ...args.variables,
        LOG_LEVEL: args.logLevel,
        POWERTOOLS_SERVICE_NAME: args.code.source,
        POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
        ...(args.code.sourceMap ? { NODE_OPTIONS: "--enable-source-maps" } : {}),
    };
}

/** The traffic assumptions the cost model reads (contract 2), plus the function's environment and source. */
function functionTags(args: NormalizedArgs): Record<string, string> {
    return {
        environment: args.environment,
        function: args.code.source,
        ...costTags({ ...args.sizing.traffic, payloadKb: args.costPayloadKb }),
    };
}
