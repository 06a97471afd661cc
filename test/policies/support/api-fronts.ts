import { AnalyzedResource } from "../../../tools/policy-pack";
import { arn, resource, T } from "./fixtures";

/** HTTP fronts of a Lambda function in the shapes public programs use, as the engine sends them. */

const REGION = "eu-west-1";

/** The URI API Gateway calls a function with (what awsx.classic.apigateway.API writes). */
export function invocationUri(functionArn: string): string {
    return `arn:aws:apigateway:${REGION}:lambda:path/2015-03-31/functions/${functionArn}/invocations`;
}

export interface BodyRoute {
    method: string;
    path: string;
    functionArn: string;
    timeoutInMillis?: number;
}

/** An OpenAPI document with one Lambda proxy integration per route (the awsx classic API's swagger). */
export function openApiBody(routes: BodyRoute[]): Record<string, unknown> {
    const paths: Record<string, Record<string, unknown>> = {};
    for (const route of routes) {
        const method = route.method === "ANY" ? "x-amazon-apigateway-any-method" : route.method.toLowerCase();
        paths[route.path] = {
            ...paths[route.path],
            [method]: { "x-amazon-apigateway-integration": {
                uri: invocationUri(route.functionArn), passthroughBehavior: "when_no_match", httpMethod: "POST", type: "aws_proxy",
                ...(route.timeoutInMillis === undefined ? {} : { timeoutInMillis: route.timeoutInMillis }),
            } },
        };
    }
    return { swagger: "2.0", info: { title: "shop", version: "1.0" }, paths };
}

export function restApiWithBody(name: string, body: unknown, edges: { dependencies?: string[]; propertyDependencies?: Record<string, string[]> } = {}): AnalyzedResource {
    return resource(T.restApi, name, { name, body, binaryMediaTypes: ["*/*"], id: `${name}-id`, executionArn: `arn:aws:execute-api:${REGION}:123456789012:${name}-id` }, edges);
}

export function functionUrl(name: string, functionName: string): AnalyzedResource {
    return resource(T.functionUrl, name, { functionName, authorizationType: "AWS_IAM", functionUrl: `https://${name}.lambda-url.${REGION}.on.aws/` });
}

/** An ALB (idle timeout `idleTimeout` unless undefined), a listener forwarding by default to a lambda target group, and its attachment. */
export function albFront(functionArn: string, idleTimeout?: number): AnalyzedResource[] {
    const lbArn = `arn:aws:elasticloadbalancing:${REGION}:123456789012:loadbalancer/app/web/0a1b`;
    const tgArn = `arn:aws:elasticloadbalancing:${REGION}:123456789012:targetgroup/web-fn/0c1d`;
    return [
        resource(T.loadBalancer, "web", { arn: lbArn, loadBalancerType: "application", ...(idleTimeout === undefined ? {} : { idleTimeout }) }),
        resource(T.targetGroup, "web-fn", { arn: tgArn, targetType: "lambda" }),
        resource(T.targetGroupAttachment, "web-fn-target", { targetGroupArn: tgArn, targetId: functionArn }),
        resource(T.listener, "web-https", { loadBalancerArn: lbArn, port: 443, protocol: "HTTPS",
            defaultActions: [{ type: "forward", targetGroupArn: tgArn }] }),
    ];
}

export { arn };
