import { strict as assert } from "node:assert";
import { resolveConfig } from "../../../components/core/config/presets";
import { awsAccountRoles } from "../../../components/core/config/rules/organization";
import { organizationConfig } from "../../organization-helpers";
import { configProblems } from "./problems";

const problems = (raw: Record<string, unknown>) => configProblems(raw);

const sample = (cloud: string) => organizationConfig(`organization-${cloud}`);
const has = (list: string[], start: string) => assert.ok(list.some((p) => p.startsWith(start)), `no "${start}" in:\n${list.join("\n")}`);

describe("components/core/config/rules/organization.ts", () => {
    it("the three sample organization configs are valid", () => {
        for (const cloud of ["aws", "azure", "gcp"]) assert.deepEqual(problems(sample(cloud)), [], cloud);
    });

    it("reports every missing anchor of an organization stack at once", () => {
        has(problems({ ...sample("aws"), organization: { domains: ["orders"] }, hierarchy: {}, aws: {} }), "landing-zone:organization.securityContacts needs");
        const aws = problems({ ...sample("aws"), hierarchy: {}, aws: {} });
        has(aws, "landing-zone:hierarchy.emailDomain is required");
        has(aws, "landing-zone:aws.accountId is required");
        const gcp = problems({ ...sample("gcp"), hierarchy: { parentId: "folders/1" }, organization: { securityContacts: ["a@b.example"] } });
        has(gcp, "landing-zone:hierarchy.parentId is required for organization-gcp");
        has(gcp, "landing-zone:hierarchy.billingAccount is required");
        has(gcp, "landing-zone:organization.allowedCustomerIds needs");
        has(problems({ ...sample("azure"), azure: {} }), "landing-zone:azure.tenantId is required");
    });

    it("AWS organization domains: each once, none named after a tag scope or the shared-services accounts", () => {
        const org = (domains: string[]) => problems({ ...sample("aws"), organization: { ...sample("aws").organization, domains } });
        const found = org(["orders", "platform", "shared", "orders", "organization"]);
        assert.deepEqual(found.filter((p) => p.startsWith("landing-zone:organization.domains")), [
            "landing-zone:organization.domains[1] must not be platform: the name is reserved for the platform scope of the domain tag",
            "landing-zone:organization.domains[2] must not be shared: the name is reserved for the shared-services accounts (shared-<env>)",
            "landing-zone:organization.domains[3] lists orders again (first at [0]): one account per domain and environment",
            "landing-zone:organization.domains[4] must not be organization: the name is reserved for the organization scope of the domain tag",
        ]);
        assert.deepEqual(org(["orders", "payments"]), []);
    });

    it("existing AWS accounts must name a known role and a 12-digit id", () => {
        const org = { ...sample("aws").organization, existingAccounts: { audit: "123456789012", security: "12345" } };
        const found = problems({ ...sample("aws"), organization: org });
        has(found, "landing-zone:organization.existingAccounts.audit is not an account role");
        has(found, "landing-zone:organization.existingAccounts.security must be a 12-digit account id");
        const ok = { ...sample("aws").organization, existingAccounts: { security: "123456789012" } };
        assert.deepEqual(problems({ ...sample("aws"), organization: ok }), []);
    });

    it("AWS CI identities: a GitHub owner/name, policies as AWS-managed ARNs or policy names, and nothing on other clouds", () => {
        const org = (extra: Record<string, unknown>, cloud = "aws") => problems({ ...sample(cloud), organization: { ...sample(cloud).organization, ...extra } });
        assert.deepEqual(org({ ciRepository: "acme/landing-zone", ciPolicies: ["arn:aws:iam::aws:policy/ReadOnlyAccess", "landing-zone/deploy"] }), []);
        const found = org({ ciRepository: "acme", ciPolicies: ["arn:aws:iam::123456789012:policy/deploy", "bad name"] });
        has(found, "landing-zone:organization.ciRepository must match ^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$");
        has(found, "landing-zone:organization.ciPolicies[0] must be an AWS-managed policy ARN");
        has(found, "landing-zone:organization.ciPolicies[1] must be an AWS-managed policy ARN");
        has(org({ ciRepository: undefined, ciPolicies: ["deploy"] }), "landing-zone:organization.ciPolicies needs organization.ciRepository");
        has(org({ ciRepository: "acme/landing-zone" }, "gcp"), "landing-zone:organization.ciRepository applies only to cloud aws");
    });

    it("AWS accounts need an e-mail domain while one is still to be created, none when every account exists", () => {
        const base = sample("aws");
        const roles = awsAccountRoles(resolveConfig(base as never));
        const existing = (rs: string[]) => Object.fromEntries(rs.map((r, i) => [r, String(100000000000 + i)]));
        const noMail = { ...base.hierarchy, emailDomain: undefined };
        assert.deepEqual(problems({ ...base, hierarchy: noMail, organization: { ...base.organization, existingAccounts: existing(roles) } }), []);
        has(problems({ ...base, hierarchy: noMail, organization: { ...base.organization, existingAccounts: existing(roles.slice(1)) } }), "landing-zone:hierarchy.emailDomain is required when the organization creates accounts");
        has(problems({ ...base, hierarchy: { ...base.hierarchy, emailDomain: "acme" } }), "landing-zone:hierarchy.emailDomain is required when the organization creates accounts");
    });

    it("GCP: a billing account and customer ids in their formats", () => {
        const base = sample("gcp");
        has(problems({ ...base, hierarchy: { ...base.hierarchy, billingAccount: "0a0a0a-0a0a0a-0a0a0a" } }), "landing-zone:hierarchy.billingAccount is required for organization-gcp");
        has(problems({ ...base, organization: { ...base.organization, allowedCustomerIds: ["acme.example"] } }), "landing-zone:organization.allowedCustomerIds[0] must be a customer id");
    });

    it("one platform subscription per environment, in a landing-zone group", () => {
        const subscriptions = [
            { id: "00000000-0000-0000-0000-000000000002", group: "management", environment: "dev" },
            { id: "00000000-0000-0000-0000-000000000003", group: "corp", environment: "prod" },
            { id: "00000000-0000-0000-0000-000000000004", group: "online", environment: "prod" },
        ];
        const found = problems({ ...sample("azure"), organization: { ...sample("azure").organization, subscriptions } });
        has(found, "landing-zone:organization.subscriptions[0].environment applies only to a landing-zone group");
        has(found, "landing-zone:organization.subscriptions names more than one platform subscription for environment prod");
    });

    it("the organization block belongs to the organization layer; workload blocks do not", () => {
        const platform = organizationConfig("organization-aws");
        has(problems({ ...platform, layer: "platform", organization: platform.organization, aws: { ...platform.aws, clusterAdminArns: ["arn:aws:iam::000000000000:role/a"] } }),
            "landing-zone:organization applies only to layer organization");
        has(problems({ ...sample("gcp"), database: { layout: "single" } }), "landing-zone:database applies to platform and domain stacks");
    });
});

describe("landing-zone:organizationStack (platform layer)", () => {
    const gcpPlatform = {
        layer: "platform", cloud: "gcp", environment: "dev", region: "europe-west1", owner: "platform-team",
        organizationStack: "organization-gcp", hierarchy: { mode: "create", billingAccount: "012345-6789AB-CDEF01" },
    };

    it("a gcp platform reads its folder from the organization stack: no parentId needed", () => {
        assert.deepEqual(problems(gcpPlatform), []);
    });

    it("needs hierarchy.mode create on gcp; only platforms and aws domains read an organization", () => {
        has(problems({ ...gcpPlatform, hierarchy: { mode: "skip" }, gcp: { projectId: "acme-sandbox-1" } }), "landing-zone:hierarchy.mode must be create when organizationStack is set");
        has(problems({ ...gcpPlatform, layer: "domain", domain: "orders" }), "landing-zone:organizationStack applies only to a platform stack and an aws domain stack");
    });

    const azurePlatform = {
        layer: "platform", cloud: "azure", environment: "dev", region: "westeurope", owner: "platform-team",
        organizationStack: "organization-azure",
        azure: { tenantId: "00000000-0000-0000-0000-000000000001", subscriptionId: "00000000-0000-0000-0000-000000000002" },
    };

    it("an azure platform reads its management group and subscription from the organization stack (skip, or existing domain groups)", () => {
        assert.deepEqual(problems(azurePlatform), []);
        assert.deepEqual(problems({ ...azurePlatform, hierarchy: { mode: "skip" } }), []);
        // existing: only the domains' own resource groups; the environment's group comes from the organization.
        assert.deepEqual(problems({ ...azurePlatform, hierarchy: { mode: "existing", existingIds: { orders: "orders-rg" } }, domains: { orders: {} } }), []);
    });

    it("an azure platform's hierarchy block must not duplicate the organization's groups or placement: every problem at once", () => {
        const found = problems({
            ...azurePlatform,
            hierarchy: { mode: "create", parentId: "00000000-0000-0000-0000-000000000001", existingIds: { root: "acme", environment: "acme-dev", platform: "x" } },
        });
        has(found, "landing-zone:hierarchy.mode must be skip or existing when organizationStack is set on azure: organization stack organization-azure creates the management groups");
        has(found, "landing-zone:hierarchy.parentId must not be set when organizationStack is set on azure");
        for (const role of ["root", "environment", "platform"]) has(found, `landing-zone:hierarchy.existingIds.${role} must not be set when organizationStack is set on azure`);
        assert.equal(found.length, 5, found.join("\n"));
        // Without organizationStack the same block is the platform's own (create needs only parentId).
        assert.deepEqual(problems({ ...azurePlatform, organizationStack: undefined, hierarchy: { mode: "create", parentId: "00000000-0000-0000-0000-000000000001" } }), []);
    });
});

describe("landing-zone:organizationStack (aws platform and domain)", () => {
    const awsPlatform = {
        layer: "platform", cloud: "aws", environment: "prod", region: "eu-west-1", owner: "platform-team",
        organizationStack: "organization-aws", cluster: { apiAccess: "in-network" }, aws: { clusterAdminArns: ["arn:aws:iam::111111111111:role/platform-admins"] },
    };
    const awsDomain = { layer: "domain", cloud: "aws", environment: "prod", region: "eu-west-1", owner: "orders-team", domain: "orders", organizationStack: "organization-aws", pipeline: { repository: "acme/orders-service" } };

    it("an aws platform and an aws domain read their account from the organization: no hierarchy, no aws.accountId", () => {
        assert.deepEqual(problems(awsPlatform), []);
        assert.deepEqual(problems(awsDomain), []);
    });

    it("a hierarchy block or aws.accountId beside organizationStack: both reported at once, with the key to remove", () => {
        const found = problems({ ...awsPlatform, hierarchy: { mode: "create", parentId: "r-ab12", emailDomain: "acme.example" }, aws: { ...awsPlatform.aws, accountId: "111111111111" } });
        has(found, "landing-zone:hierarchy must not be set with organizationStack on aws: the organization stack owns the OUs and accounts");
        has(found, "landing-zone:aws.accountId must not be set with organizationStack on aws: the stack runs in the account its organization stack records in environments.<env>.platformScope");
        assert.equal(found.length, 2, found.join("\n"));
        const domain = problems({ ...awsDomain, hierarchy: { mode: "skip" }, aws: { accountId: "333333333333" } });
        has(domain, "landing-zone:hierarchy must not be set with organizationStack on aws");
        has(domain, "landing-zone:aws.accountId must not be set with organizationStack on aws: the stack runs in the account its organization stack records in environments.<env>.domainScopes.<domain>");
    });

    it("the rule is aws's: a gcp platform keeps its hierarchy block beside organizationStack", () => {
        assert.ok(!problems({ layer: "platform", cloud: "gcp", environment: "dev", region: "europe-west1", owner: "platform-team",
            organizationStack: "organization-gcp", hierarchy: { mode: "create", billingAccount: "012345-6789AB-CDEF01" } }).some((p) => p.startsWith("landing-zone:hierarchy must not")));
    });
});
