import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { CUSTOMER_API_ROUTES } from "../../contracts/customer-api-routes";
import { HTTP_API_INTEGRATION_TIMEOUT_SECONDS } from "../../contracts/integration-limits";
import { FunctionSizing, LambdaCode, ServerlessFunction } from "./function";
import { secretReadGrant, tableItemGrant } from "./grants";
import { SharedFunctionArgs } from "./shared-function-args";

/** One JSON line per request, with the ids that join it to the function's own logs. */
const ACCESS_LOG_FORMAT = JSON.stringify({
    requestId: "$context.requestId",
    lambdaRequestId: "$context.integration.requestId",
    routeKey: "$context.routeKey",
    status: "$context.status",
    integrationStatus: "$context.integrationStatus",
    integrationError: "$context.integrationErrorMessage",
    latencyMs: "$context.responseLatency",
    sourceIp: "$context.identity.sourceIp",
    requestTime: "$context.requestTime",
});

export interface CustomerApiArgs {
    /** Function arguments every function of the stack shares. */
    shared: SharedFunctionArgs;
    /** The built package of the handler (functions/customer-api). */
    code: LambdaCode;
    /** Timeout (at most the HTTP API's 30 s), memory, reserved concurrency and traffic of the handler. */
    sizing: FunctionSizing;
    /** Instances kept initialized on alias `live` (seed: 5 in production). @default 0 (none) */
    provisionedConcurrency?: number;
    /** Steady-state request rate the stage lets through, in requests per second. @example 100 */
    throttleRequestsPerSecond: number;
    /** Requests the stage lets through in one burst above the steady rate. @example 200 */
    throttleBurstRequests: number;
}

/**
 * The seed's customer API: HTTP API (API Gateway v2) -> Lambda alias `live` -> DynamoDB `customers`,
 * with the API key in Secrets Manager. The secret's value is set by an operator
 * (`aws secretsmanager put-secret-value`), never by the program, so it is not in the Pulumi state.
 */
export class CustomerApi extends pulumi.ComponentResource {
    public readonly table: aws.dynamodb.Table;
    public readonly secret: aws.secretsmanager.Secret;
    public readonly handler: ServerlessFunction;
    public readonly api: aws.apigatewayv2.Api;
    public readonly accessLogGroup: aws.cloudwatch.LogGroup;
    public readonly stage: aws.apigatewayv2.Stage;
    public readonly url: pulumi.Output<string>;

    constructor(name: string, args: CustomerApiArgs, opts?: pulumi.ComponentResourceOptions) {
        super("serverless-platform:aws:CustomerApi", name, {}, opts);
        assertFitsIntegrationTimeout(name, args.sizing.timeoutSeconds);
        const environment = args.shared.environment;
        this.table = new aws.dynamodb.Table(`${name}-customers`, {
            name: `${environment}-customers`,
            billingMode: "PAY_PER_REQUEST",
            hashKey: "customer_id",
            attributes: [{ name: "customer_id", type: "S" }],
            pointInTimeRecovery: { enabled: true },
            serverSideEncryption: { enabled: true },
        }, { parent: this });
        this.secret = new aws.secretsmanager.Secret(`${name}-api-key`, {
            name: `${environment}/customer-api/api-key`,
            description: 'API key of the customer API, as JSON {"api_key": "..."}',
        }, { parent: this });
        this.handler = new ServerlessFunction(`${name}-handler`, {
            ...args.shared,
            code: args.code,
            functionName: `${environment}-${name}`,
            sizing: args.sizing,
            provisionedConcurrency: args.provisionedConcurrency,
            variables: { TABLE_NAME: this.table.name, SECRET_ARN: this.secret.arn },
            grants: [
                tableItemGrant("ReadWriteCustomers", this.table.arn, ["GetItem", "PutItem", "UpdateItem"]),
                secretReadGrant("ReadApiKeySecret", this.secret.arn),
            ],
        }, { parent: this });
        this.api = new aws.apigatewayv2.Api(`${name}-http`, {
            name: `${environment}-${name}`,
            protocolType: "HTTP",
        }, { parent: this });
        this.createRoutes(name);
        this.accessLogGroup = new aws.cloudwatch.LogGroup(`${name}-access-logs`, {
            name: `/aws/apigateway/${environment}-${name}`,
            retentionInDays: args.shared.logRetentionDays,
        }, { parent: this });
        this.stage = this.createStage(name, args);
        this.url = this.stage.invokeUrl;
        this.registerOutputs({ url: this.url, tableName: this.table.name, secretArn: this.secret.arn });
    }

    /** Exactly the handler's routes (no catch-all), all to alias `live`, which alone may be invoked by this API. */
    private createRoutes(name: string): void {
        const integration = new aws.apigatewayv2.Integration(`${name}-lambda`, {
            apiId: this.api.id,
            integrationType: "AWS_PROXY",
            integrationUri: this.handler.aliasArn,
            payloadFormatVersion: "2.0",
            timeoutMilliseconds: HTTP_API_INTEGRATION_TIMEOUT_SECONDS * 1000,
        }, { parent: this });
        for (const [route, routeKey] of Object.entries(CUSTOMER_API_ROUTES)) {
            new aws.apigatewayv2.Route(`${name}-${route}`, {
                apiId: this.api.id,
                routeKey,
                target: pulumi.interpolate`integrations/${integration.id}`,
            }, { parent: this });
        }
        new aws.lambda.Permission(`${name}-invoke`, {
            action: "lambda:InvokeFunction",
            principal: "apigateway.amazonaws.com",
            function: this.handler.function.name,
            qualifier: this.handler.alias.name,
            sourceArn: pulumi.interpolate`${this.api.executionArn}/*/*/customers/*`,
        }, { parent: this });
    }

    private createStage(name: string, args: CustomerApiArgs): aws.apigatewayv2.Stage {
        return new aws.apigatewayv2.Stage(`${name}-stage`, {
            apiId: this.api.id,
            name: "$default",
            autoDeploy: true,
            accessLogSettings: { destinationArn: this.accessLogGroup.arn, format: ACCESS_LOG_FORMAT },
            defaultRouteSettings: {
                throttlingRateLimit: args.throttleRequestsPerSecond,
                throttlingBurstLimit: args.throttleBurstRequests,
                detailedMetricsEnabled: true,
            },
        }, { parent: this });
    }
}

/** The API would answer 504 while the function still runs; the settings refuse such a timeout first. */
function assertFitsIntegrationTimeout(name: string, timeoutSeconds: number): void {
    if (timeoutSeconds > HTTP_API_INTEGRATION_TIMEOUT_SECONDS) {
        throw new Error(`CustomerApi ${name}: sizing.timeoutSeconds = ${timeoutSeconds} exceeds the HTTP API integration ` +
            `timeout of ${HTTP_API_INTEGRATION_TIMEOUT_SECONDS} s`);
    }
}
