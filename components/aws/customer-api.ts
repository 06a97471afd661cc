import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { CUSTOMER_API_ROUTES } from "../../contracts/customer-api-routes";
import { HTTP_API_INTEGRATION_TIMEOUT_SECONDS } from "../../contracts/integration-limits";
import { AwsSettings } from "../settings";
import { ServerlessFunction } from "./function";
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
    /** Settings of the whole stack every function shares. */
    shared: SharedFunctionArgs;
    /** Sizing, provisioned concurrency and stage throttling of the customer API. */
    settings: AwsSettings["customerApi"];
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
        checkTimeout(args.settings.timeoutSeconds);
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
        this.handler = new ServerlessFunction(name, {
            ...args.shared,
            source: "customer-api",
            sizing: args.settings,
            provisionedConcurrency: args.settings.provisionedConcurrency,
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
        this.stage = this.createStage(name, args.settings.throttle);
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

    private createStage(name: string, throttle: AwsSettings["customerApi"]["throttle"]): aws.apigatewayv2.Stage {
        return new aws.apigatewayv2.Stage(`${name}-stage`, {
            apiId: this.api.id,
            name: "$default",
            autoDeploy: true,
            accessLogSettings: { destinationArn: this.accessLogGroup.arn, format: ACCESS_LOG_FORMAT },
            defaultRouteSettings: {
                throttlingRateLimit: throttle.rateLimit,
                throttlingBurstLimit: throttle.burstLimit,
                detailedMetricsEnabled: true,
            },
        }, { parent: this });
    }
}

function checkTimeout(timeoutSeconds: number): void {
    if (timeoutSeconds > HTTP_API_INTEGRATION_TIMEOUT_SECONDS) {
        throw new Error(`CustomerApi: serverless-platform:customerApiTimeoutSeconds = ${timeoutSeconds} exceeds the HTTP API ` +
            `integration timeout of ${HTTP_API_INTEGRATION_TIMEOUT_SECONDS} s; set it to ${HTTP_API_INTEGRATION_TIMEOUT_SECONDS} or less`);
    }
}
