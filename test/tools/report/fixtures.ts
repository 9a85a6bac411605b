/** Small hand-made plan documents for the report's tests (no mock run needed). */
import type { Violation } from "../../../tools/plan/policies";
import type { PlanDocument, PlanResource, StackInput } from "../../../tools/report/model";

export function urn(stack: string, chain: string[], name: string): string {
    return `urn:pulumi:${stack}::landing-zone::${chain.join("$")}::${name}`;
}

/** A stack with a Network component (two subnets, a NAT gateway) and a Database component (a protected instance). */
export function doc(stack: string, cloud: string, extra: Partial<PlanDocument> = {}): PlanDocument {
    const root = urn(stack, ["pulumi:pulumi:Stack"], `landing-zone-${stack}`);
    const net = urn(stack, [`landing-zone:${cloud}:Network`], "network");
    const db = urn(stack, [`landing-zone:${cloud}:Database`], "database");
    const r = (u: string, type: string, name: string, parent: string | undefined, o: Partial<PlanResource> = {}): PlanResource => ({
        urn: u, type, name, parent, custom: !type.startsWith("landing-zone:") && type !== "pulumi:pulumi:Stack", protect: false, retainOnDelete: false, dependencies: [], inputs: {}, ...o,
    });
    const subnetA = urn(stack, [`landing-zone:${cloud}:Network`, "aws:ec2/subnet:Subnet"], "network-private-a");
    const subnetB = urn(stack, [`landing-zone:${cloud}:Network`, "aws:ec2/subnet:Subnet"], "network-data-b");
    const nat = urn(stack, [`landing-zone:${cloud}:Network`, "aws:ec2/natGateway:NatGateway"], "network-nat");
    const instance = urn(stack, [`landing-zone:${cloud}:Database`, "aws:rds/instance:Instance"], "database-primary");
    const resources: PlanResource[] = [
        r(root, "pulumi:pulumi:Stack", `landing-zone-${stack}`, undefined, { custom: false }),
        r(urn(stack, ["pulumi:providers:aws"], "default"), "pulumi:providers:aws", "default", root),
        r(net, `landing-zone:${cloud}:Network`, "network", root),
        r(subnetA, "aws:ec2/subnet:Subnet", "network-private-a", net, { inputs: { availabilityZone: "eu-west-1a", tags: { tier: "private" } } }),
        r(subnetB, "aws:ec2/subnet:Subnet", "network-data-b", net, { inputs: { availabilityZone: "eu-west-1b" } }),
        r(nat, "aws:ec2/natGateway:NatGateway", "network-nat", net, { dependencies: [subnetA] }),
        r(db, `landing-zone:${cloud}:Database`, "database", root, { dependencies: [net] }),
        r(instance, "aws:rds/instance:Instance", "database-primary", db, {
            protect: true, dependencies: [subnetA, subnetB, db],
            inputs: { deletionProtection: true, publiclyAccessible: false, multiAz: cloud === "aws", kmsKeyId: "(known after deploy)", availabilityZone: "eu-west-1a" },
        }),
    ];
    return { stack, resourceCount: resources.length, countsByType: {}, resources, outputs: {}, ...extra };
}

export function violation(u: string | undefined, level: "mandatory" | "advisory", deferred = false): Violation {
    return { policyName: "enable-things", enforcementLevel: level, severity: "high", cloud: "aws", topic: "security", message: "things are off", remediation: "turn them on", urn: u, deferred };
}

export function input(document: PlanDocument, layer: string, cloud: string, reads?: string, environment = "prod"): StackInput {
    return { document, layer, cloud, reads, environment };
}
