import { strict as assert } from "node:assert";
import { STANDARD_TAG_KEYS } from "../../../components/core/tags";
import { plainValue, Recorded } from "../../harness";
import { standalone, variant } from "./helpers";

const STACKS = ["platform-aws-prod", "platform-aws-dev"] as const;
const STATEFUL = [
    "aws:kms/key:Key", "aws:s3/bucket:Bucket", "aws:cloudwatch/logGroup:LogGroup", "aws:ecr/repository:Repository",
    "aws:organizations/account:Account", "aws:organizations/organizationalUnit:OrganizationalUnit",
];
const EXTRAS_FIELDS = [
    "accountId", "vpcId", "vpcCidr", "nodeSecurityGroupId", "logArchiveBucket",
    "domainRoleArns", "auditArchiveBucket", "logGroupName", "clusterSecurityGroupId", "partition",
];

function unknownPaths(value: unknown, path = ""): string[] {
    if (value === undefined) return [path];
    if (Array.isArray(value)) return value.flatMap((v, i) => unknownPaths(v, `${path}[${i}]`));
    if (typeof value === "object" && value !== null) return Object.entries(value).flatMap(([k, v]) => unknownPaths(v, `${path}.${k}`));
    return [];
}

describe("aws/platform.ts", () => {
    for (const stack of STACKS) {
        it(`${stack}: every aws resource uses the stack's provider, whose default tags are the standard tags`, async () => {
            const rec = new Recorded((await standalone(stack)).resources);
            const provider = rec.one("pulumi:providers:aws");
            const defaultTags = rec.inputs(provider).defaultTags;
            const tags = typeof defaultTags === "string" ? JSON.parse(defaultTags).tags : defaultTags.tags;
            assert.deepEqual(Object.keys(tags).sort(), [...STANDARD_TAG_KEYS].sort());
            assert.equal(tags.environment, stack.endsWith("prod") ? "prod" : "dev");
            assert.equal(tags.domain, "platform");
            for (const r of rec.custom.filter((x) => x.type.startsWith("aws:"))) {
                assert.ok(r.provider?.startsWith(`${provider.urn}::`), `${r.name} does not use the stack's aws provider`);
                const own = rec.inputs(r).tags as Record<string, string> | undefined;
                for (const k of STANDARD_TAG_KEYS) {
                    assert.ok(!own || own[k] === undefined || own[k] === tags[k], `${r.name} overrides standard tag ${k}`);
                }
            }
            // What an instance launches is not tagged by provider defaults: the launch template tags it.
            const template = rec.inputs(rec.one("aws:ec2/launchTemplate:LaunchTemplate"));
            for (const spec of template.tagSpecifications) assert.deepEqual(spec.tags, tags, spec.resourceType);
        });

        it(`${stack}: plans with fabricated outputs; every contract output and extras field is filled`, async () => {
            const plan = await standalone(stack, false);
            const outputs = plainValue(plan.outputs) as Record<string, any>;
            for (const key of ["hierarchy", "network", "cluster", "registry", "keys", "logging", "extras"]) {
                assert.ok(outputs[key], `no ${key} output`);
            }
            assert.deepEqual(Object.keys(outputs.extras).sort(), [...EXTRAS_FIELDS].sort());
            assert.deepEqual(unknownPaths(outputs), [], "outputs unknown after an update");
            assert.equal(outputs.network.subnetIds.private.length, 3);
        });
    }

    it("every physical name comes from the naming rules: no auto-generated (random) names", async () => {
        // Types whose name the provider would otherwise auto-generate with a random suffix.
        const named: Record<string, string> = {
            "aws:s3/bucket:Bucket": "bucket", "aws:iam/role:Role": "name", "aws:iam/rolePolicy:RolePolicy": "name",
            "aws:ec2/securityGroup:SecurityGroup": "name", "aws:cloudwatch/logGroup:LogGroup": "name",
            "aws:ec2/launchTemplate:LaunchTemplate": "name", "aws:eks/cluster:Cluster": "name", "aws:eks/nodeGroup:NodeGroup": "nodeGroupName",
            "aws:ecr/repository:Repository": "name", "aws:cloudtrail/trail:Trail": "name", "aws:kms/alias:Alias": "name",
            "aws:organizations/organizationalUnit:OrganizationalUnit": "name", "aws:organizations/account:Account": "name",
        };
        const rec = new Recorded((await standalone("platform-aws-prod")).resources);
        const checked = rec.custom.filter((r) => named[r.type]);
        assert.ok(checked.length >= 25, `only ${checked.length} named resources`);
        for (const r of checked) {
            assert.match(String(rec.inputs(r)[named[r.type]]), /^(\/aws\/eks\/|alias\/|\/)?acme-prod\b/, `${r.name} has no landing-zone name`);
        }
    });

    it("the provider refuses any account but aws.accountId when it is configured", async () => {
        const prod = new Recorded((await standalone("platform-aws-prod")).resources);
        const allowed = prod.inputs(prod.one("pulumi:providers:aws")).allowedAccountIds;
        assert.deepEqual(typeof allowed === "string" ? JSON.parse(allowed) : allowed, ["111111111111"]);
        const dev = await variant("platform-aws-dev", { aws: { clusterAdminArns: ["arn:aws:iam::222222222222:role/platform-admins"] } });
        assert.equal(dev.inputs(dev.one("pulumi:providers:aws")).allowedAccountIds, undefined);
    });

    it("inline IAM policies are known at preview and name their resources (no `*`)", async () => {
        const rec = new Recorded((await standalone("platform-aws-prod")).resources);
        const policies = rec.ofType("aws:iam/rolePolicy:RolePolicy");
        assert.equal(policies.length, 2);
        for (const p of policies) {
            const { Statement } = JSON.parse(rec.inputs(p).policy);
            for (const s of Statement) {
                // DescribeLogGroups lists groups: it is authorized on the account's groups, not one group.
                const pattern = [s.Action].flat().includes("logs:DescribeLogGroups")
                    ? /^arn:aws:logs:eu-west-1:111111111111:log-group:\*$/
                    : /^arn:aws:logs:eu-west-1:111111111111:log-group:\/acme-prod-/;
                for (const resource of [s.Resource].flat()) assert.match(resource, pattern, p.name);
            }
        }
    });

    it("stateful resources are protected in prod and not in dev", async () => {
        const prod = new Recorded((await standalone("platform-aws-prod")).resources);
        const dev = new Recorded((await standalone("platform-aws-dev")).resources);
        const stateful = (rec: Recorded) => rec.custom.filter((r) => STATEFUL.includes(r.type));
        assert.ok(stateful(prod).length >= 12);
        for (const r of stateful(prod)) assert.equal(r.protect, true, `${r.name} not protected in prod`);
        assert.deepEqual(dev.resources.filter((r) => r.protect).map((r) => r.name), []);
    });

    it("prod vs dev: 3 NAT gateways vs 1, longer log retention, nodes in 3 zones", async () => {
        const [prod, dev] = await Promise.all(STACKS.map(async (s) => plainValue((await standalone(s)).outputs) as Record<string, any>));
        assert.equal(prod.network.natGatewayCount, 3);
        assert.equal(dev.network.natGatewayCount, 1);
        assert.deepEqual([prod.network.zones.length, dev.network.zones.length], [3, 3]);
        assert.ok(prod.logging.retentionDays > dev.logging.retentionDays);
        assert.deepEqual(prod.cluster.nodeZones, ["eu-west-1a", "eu-west-1b", "eu-west-1c"]);
    });
});
