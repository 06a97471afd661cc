import { createHash } from "node:crypto";
import { defaultVpc } from "./awsx-default-vpc";
import { stackOf } from "./component-urns";
import type { ComponentChildren, ComponentExpansion, RegisteredChild } from "./component-expansion";
import { UNKNOWN_STRING_SENTINEL } from "../../../contracts/unknown-value";

/**
 * The children awsx's provider registers for `awsx.ecs.FargateService` (pulumi-awsx awsx/ecs/fargateService.ts
 * and fargateTaskDefinition.ts): with `taskDefinitionArgs`, a task definition component holding a log group,
 * a task role, an execution role with its managed policy and the ECS task definition; a security group in the
 * default VPC when no network configuration is given; and the ECS service.
 */
const EXECUTION_ROLE_POLICY = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy";
const ECS_TASKS_TRUST = JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Action: "sts:AssumeRole", Principal: { Service: "ecs-tasks.amazonaws.com" }, Effect: "Allow", Sid: "" }],
});

/** The aws.ecs.Service arguments a FargateService passes through. */
const SERVICE_ARGS = ["name", "capacityProviderStrategies", "deploymentCircuitBreaker", "deploymentController", "deploymentMaximumPercent",
    "deploymentMinimumHealthyPercent", "enableEcsManagedTags", "enableExecuteCommand", "forceNewDeployment", "healthCheckGracePeriodSeconds",
    "iamRole", "orderedPlacementStrategies", "placementConstraints", "platformVersion", "propagateTags", "serviceConnectConfiguration",
    "serviceRegistries", "tags", "triggers", "desiredCount"];

const sha1 = (text: string) => createHash("sha1").update(text).digest("hex");

type Container = Record<string, unknown> & { portMappings?: Record<string, unknown>[] };

export const expandFargateService: ComponentExpansion = ({ urn, name, inputs, cloud, children, invoke }) => {
    let taskDefinitionArn: unknown = inputs.taskDefinition;
    let taskDefinition: RegisteredChild | undefined;
    let loadBalancers: unknown;
    const taskArgs = inputs.taskDefinitionArgs as Record<string, unknown> | undefined;
    if (taskArgs) {
        const componentUrn = children.component("awsx:ecs:FargateTaskDefinition", name, urn);
        const built = fargateTaskDefinition(name, componentUrn, taskArgs, stackOf(urn), cloud.awsRegion, children);
        taskDefinition = built.taskDefinition;
        taskDefinitionArn = built.arn;
        loadBalancers = built.loadBalancers.length > 0 ? built.loadBalancers : undefined;
    }
    let networkConfiguration = inputs.networkConfiguration;
    const dependencies: Record<string, string[]> = taskDefinition ? { taskDefinition: [taskDefinition.urn] } : {};
    if (networkConfiguration === undefined) {
        const vpc = defaultVpc(invoke);
        const sg = children.register("aws:ec2/securityGroup:SecurityGroup", `${name}-sg`, urn, {
            vpcId: vpc.vpcId,
            ingress: [{ fromPort: 0, toPort: 0, protocol: "-1", cidrBlocks: ["0.0.0.0/0"], ipv6CidrBlocks: ["::/0"] }],
            egress: [{ fromPort: 0, toPort: 65535, protocol: "tcp", cidrBlocks: ["0.0.0.0/0"], ipv6CidrBlocks: ["::/0"] }],
        }, {});
        const assignPublicIp = inputs.assignPublicIp === true;
        if (!assignPublicIp && vpc.privateSubnetIds.length === 0) {
            // The provider's own error, which a real `pulumi preview` shows for this program too.
            throw new Error("The default VPC does not have any private subnets. Set `assignPublicIp` to `true`, " +
                "provide `networkConfiguration`, or add private subnets to the default VPC.");
        }
        networkConfiguration = { subnets: assignPublicIp ? vpc.publicSubnetIds : vpc.privateSubnetIds, assignPublicIp, securityGroups: [sg.id] };
        dependencies.networkConfiguration = [sg.urn];
    }
    const passed = Object.fromEntries(SERVICE_ARGS.filter((key) => inputs[key] !== undefined).map((key) => [key, inputs[key]]));
    const service = children.register("aws:ecs/service:Service", name, urn, {
        desiredCount: 1, ...passed, networkConfiguration, cluster: inputs.cluster,
        launchType: inputs.capacityProviderStrategies || inputs.useClusterDefaultCapacityProviderStrategy ? undefined : "FARGATE",
        loadBalancers: inputs.loadBalancers ?? loadBalancers, waitForSteadyState: inputs.continueBeforeSteadyState !== true,
        taskDefinition: taskDefinitionArn,
    }, dependencies);
    return { service: service.reference, ...(taskDefinition ? { taskDefinition: taskDefinition.reference } : {}) };
};

function fargateTaskDefinition(name: string, componentUrn: string, args: Record<string, unknown>, stack: string, region: string,
    children: ComponentChildren): { taskDefinition: RegisteredChild; arn: string; loadBalancers: Record<string, unknown>[] } {
    const containers: Record<string, Container> = args.containers as Record<string, Container> | undefined
        ?? { [String((args.container as Container | undefined)?.name ?? "container")]: (args.container ?? {}) as Container };
    const logGroup = children.register("aws:cloudwatch/logGroup:LogGroup", name, componentUrn, {}, {});
    const taskRole = children.register("aws:iam/role:Role", `${name}-task`, componentUrn, { assumeRolePolicy: ECS_TASKS_TRUST }, {});
    const executionRole = children.register("aws:iam/role:Role", `${name}-execution`, componentUrn, { assumeRolePolicy: ECS_TASKS_TRUST }, {});
    children.register("aws:iam/rolePolicyAttachment:RolePolicyAttachment", `${name}-execution-${sha1(EXECUTION_ROLE_POLICY)}`, componentUrn,
        { role: executionRole.outputs.name, policyArn: EXECUTION_ROLE_POLICY }, { role: [executionRole.urn] });

    const loadBalancers: Record<string, unknown>[] = [];
    const definitions = Object.entries(containers).map(([containerName, container]) => {
        const { portMappings, ...rest } = container;
        const mappings = portMappings?.map(({ targetGroup, ...mapping }) => {
            const port = mapping.containerPort ?? mapping.hostPort;
            if (targetGroup !== undefined) loadBalancers.push({ containerName, containerPort: port, targetGroupArn: UNKNOWN_STRING_SENTINEL });
            return { containerPort: port, hostPort: mapping.hostPort ?? port, protocol: mapping.protocol };
        });
        return {
            ...rest, portMappings: mappings, name: containerName,
            logConfiguration: rest.logConfiguration ?? { logDriver: "awslogs",
                options: { "awslogs-group": logGroup.id, "awslogs-region": region, "awslogs-stream-prefix": containerName } },
        };
    });
    const containerDefinitions = JSON.stringify(definitions);
    // awsx rounds the containers' sums up to a valid Fargate size; the sums (at least the smallest size) stand in here.
    const totals = Object.values(containers).reduce<{ cpu: number; memory: number }>((sum, c) => ({ cpu: sum.cpu + Number(c.cpu ?? 0), memory: sum.memory + Number(c.memory ?? 0) }), { cpu: 0, memory: 0 });
    const family = typeof args.family === "string" ? args.family : `${name}-${sha1(stack + containerDefinitions)}`;
    const taskDefinition = children.register("aws:ecs/taskDefinition:TaskDefinition", name, componentUrn, {
        cpu: String(args.cpu ?? Math.max(256, totals.cpu)), memory: String(args.memory ?? Math.max(512, totals.memory)),
        requiresCompatibilities: ["FARGATE"], networkMode: "awsvpc", taskRoleArn: taskRole.outputs.arn,
        executionRoleArn: executionRole.outputs.arn, family, containerDefinitions,
    }, { taskRoleArn: [taskRole.urn], executionRoleArn: [executionRole.urn], containerDefinitions: [logGroup.urn] });
    return { taskDefinition, arn: String(taskDefinition.outputs.arn), loadBalancers };
}
