import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { planSample, plainValue, type RecordedResource } from "../../harness";
import { organizationSample, organizationVariant } from "../../organization-helpers";

const T = {
    ou: "aws:organizations/organizationalUnit:OrganizationalUnit",
    account: "aws:organizations/account:Account",
    trail: "aws:cloudtrail/trail:Trail",
    bucket: "aws:s3/bucket:Bucket",
    bucketPolicy: "aws:s3/bucketPolicy:BucketPolicy",
    key: "aws:kms/key:Key",
    pab: "aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock",
    ebs: "aws:ebs/encryptionByDefault:EncryptionByDefault",
    provider: "pulumi:providers:aws",
};

/** Provider inputs carry nested values as JSON text (the engine's wire form for provider config). */
const json = (value: unknown) => (typeof value === "string" ? JSON.parse(value) : value) as any;

/** The provider resource a recorded resource uses (its reference is `urn::id`). */
const providerOf = (r: RecordedResource) => r.provider?.slice(0, r.provider.lastIndexOf("::")) ?? "";

describe("aws/organization.ts (organization-aws)", () => {
    it("builds the OU tree: Security, Infrastructure, Workloads with a child per environment, Sandbox; all protected", async () => {
        const rec = await organizationSample("organization-aws");
        const units = rec.ofType(T.ou);
        assert.deepEqual(units.map((u) => rec.inputs(u).name).sort(),
            ["acme-infrastructure", "acme-sandbox", "acme-security", "acme-workloads", "acme-workloads-dev", "acme-workloads-prod"]);
        for (const unit of units) assert.equal(unit.protect, true, unit.name);
        const workloads = units.find((u) => u.name === "organization-ou-workloads")!;
        for (const env of ["dev", "prod"]) {
            assert.ok(units.find((u) => u.name === `organization-ou-workloads-${env}`)!.dependencies.includes(workloads.urn));
        }
    });

    it("creates log archive, security, a shared-services account per environment and an account per domain x environment, never closed by a delete", async () => {
        const rec = await organizationSample("organization-aws");
        const accounts = rec.ofType(T.account);
        assert.deepEqual(accounts.map((a) => a.name.replace("organization-account-", "")).sort(),
            ["log-archive", "orders-dev", "orders-prod", "payments-dev", "payments-prod", "security", "shared-dev", "shared-prod"]);
        const unit = (name: string) => rec.ofType(T.ou).find((u) => u.name === `organization-ou-${name}`)!.urn;
        const placedIn: Record<string, string> = {
            "log-archive": "security", security: "security", "shared-dev": "infrastructure", "shared-prod": "infrastructure",
            "orders-dev": "workloads-dev", "payments-prod": "workloads-prod",
        };
        for (const account of accounts) {
            const inputs = rec.inputs(account);
            assert.equal(account.protect, true);
            assert.equal(inputs.closeOnDeletion, false);
            assert.equal(inputs.roleName, "OrganizationAccountAccessRole");
            assert.match(inputs.email, /^aws\+acme-[a-z-]+@acme\.example$/);
            const role = account.name.replace("organization-account-", "");
            if (placedIn[role]) assert.ok(account.dependencies.includes(unit(placedIn[role])), `${role} is not in ${placedIn[role]}`);
        }
    });

    it("an existing account is used, not created", async () => {
        const rec = await organizationVariant("organization-aws", {
            organization: { environments: ["dev", "prod"], domains: ["orders"], securityContacts: ["security@acme.example"], existingAccounts: { "log-archive": "123456789012" } },
        });
        assert.equal(rec.ofType(T.account).some((a) => a.name.endsWith("log-archive")), false);
        assert.equal(rec.ofType(T.account).length, 5);
        // Its provider still assumes the organization's role in it.
        const provider = rec.ofType(T.provider).find((p) => p.name === "aws-log-archive")!;
        assert.equal(json(rec.inputs(provider).assumeRoles)[0].roleArn, "arn:aws:iam::123456789012:role/OrganizationAccountAccessRole");
    });

    it("turns on RAM sharing with the organization in the management account, after the organization's trusted access", async () => {
        // Subnets (the platform's VPC sharing) can be shared only within the organization, and only
        // once RAM sharing with it is enabled (EnableSharingWithAwsOrganization, management account).
        const rec = await organizationSample("organization-aws");
        const sharing = rec.one("aws:ram/sharingWithOrganization:SharingWithOrganization");
        const organization = rec.one("aws:organizations/organization:Organization");
        assert.ok(sharing.dependencies.includes(organization.urn), "sharing must wait for the organization's service access");
        assert.ok(rec.inputs(organization).awsServiceAccessPrincipals.includes("ram.amazonaws.com"));
        const management = rec.ofType(T.provider).find((p) => p.name === "aws")!;
        assert.equal(providerOf(sharing), management.urn, "RAM sharing is enabled from the management account");
    });

    it("one provider per member account, assuming the organization's role there and bound to that account", async () => {
        const rec = await organizationSample("organization-aws", false);
        const members = rec.ofType(T.provider).filter((p) => p.name.startsWith("aws-"));
        assert.equal(members.length, 8);
        for (const provider of members) {
            const inputs = rec.inputs(provider);
            const id = json(inputs.allowedAccountIds)[0];
            assert.match(id, /-id$/);
            assert.equal(json(inputs.assumeRoles)[0].roleArn, `arn:aws:iam::${id}:role/OrganizationAccountAccessRole`);
        }
        const management = rec.ofType(T.provider).find((p) => p.name === "aws")!;
        assert.deepEqual(json(rec.inputs(management).allowedAccountIds), ["000000000000"]);
    });

    it("an organization trail (all accounts, all regions, validation) into a KMS-encrypted, object-locked bucket in the log-archive account", async () => {
        const rec = await organizationSample("organization-aws");
        const trail = rec.one(T.trail);
        const inputs = rec.inputs(trail);
        assert.equal(inputs.isOrganizationTrail, true);
        assert.equal(inputs.isMultiRegionTrail, true);
        assert.equal(inputs.includeGlobalServiceEvents, true);
        assert.equal(inputs.enableLogFileValidation, true);
        const key = rec.one(T.key);
        const bucket = rec.one(T.bucket);
        const policy = rec.one(T.bucketPolicy);
        assert.ok(trail.dependencies.includes(key.urn), "trail is not encrypted with the archive key");
        assert.ok(trail.dependencies.includes(policy.urn), "the bucket policy must exist before CloudTrail checks it");
        assert.equal(rec.inputs(bucket).objectLockEnabled, true);
        assert.equal(bucket.protect, true);
        assert.equal(key.protect, true);
        assert.ok(rec.ofType("aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration").length === 1);
        const logArchive = rec.ofType(T.provider).find((p) => p.name === "aws-log-archive")!;
        for (const r of [bucket, key, policy]) assert.equal(providerOf(r), logArchive.urn, `${r.name} is not in the log-archive account`);
        assert.notEqual(providerOf(trail), logArchive.urn, "the organization trail lives in the management account");
    });

    it("the archive bucket lets this organization's trail and Config write, nobody delete, and only over TLS", async () => {
        const rec = await organizationSample("organization-aws", false);
        const statements = JSON.parse(rec.inputs(rec.one(T.bucketPolicy)).policy).Statement as Record<string, any>[];
        const sids = statements.map((s) => s.Sid);
        for (const sid of ["DenyInsecureTransport", "DenyDeletingLogs", "CloudTrailAclCheck", "OrganizationTrailWrite", "ConfigWrite"]) assert.ok(sids.includes(sid), sid);
        const write = statements.find((s) => s.Sid === "OrganizationTrailWrite")!;
        assert.match(write.Condition.StringEquals["aws:SourceArn"], /^arn:aws:cloudtrail:eu-west-1:000000000000:trail\//);
        // member accounts' logs land under AWSLogs/<organization id>/ (the fabricated id), the management account's under its id
        const bucket = rec.inputs(rec.one(T.bucket)).bucket;
        assert.deepEqual(write.Resource, [`arn:aws:s3:::${bucket}/AWSLogs/000000000000/*`, `arn:aws:s3:::${bucket}/AWSLogs/organization-organization-id/*`]);
        assert.ok(statements.find((s) => s.Sid === "ConfigWrite")!.Condition.StringEquals["aws:SourceOrgID"]);
    });

    it("GuardDuty, Security Hub, Config aggregator and Access Analyzer run in the security account after its delegation", async () => {
        const rec = await organizationSample("organization-aws");
        const security = rec.ofType(T.provider).find((p) => p.name === "aws-security")!;
        const pairs: [string, string][] = [
            ["aws:guardduty/organizationConfiguration:OrganizationConfiguration", "aws:guardduty/organizationAdminAccount:OrganizationAdminAccount"],

            ["aws:securityhub/organizationConfiguration:OrganizationConfiguration", "aws:securityhub/organizationAdminAccount:OrganizationAdminAccount"],
        ];
        for (const [type, delegation] of pairs) {
            const r = rec.one(type);
            assert.equal(providerOf(r), security.urn, `${type} is not in the security account`);
            assert.ok(r.dependencies.includes(rec.one(delegation).urn), `${type} does not wait for ${delegation}`);
        }
        assert.equal(rec.inputs(rec.one("aws:guardduty/organizationConfiguration:OrganizationConfiguration")).autoEnableOrganizationMembers, "ALL");
        assert.equal(rec.inputs(rec.one("aws:securityhub/organizationConfiguration:OrganizationConfiguration")).autoEnable, true);
        const securityDetector = rec.ofType("aws:guardduty/detector:Detector").find((d) => d.name === "organization-security-guardduty")!;
        assert.equal(providerOf(securityDetector), security.urn);
        assert.ok(securityDetector.dependencies.includes(rec.one("aws:guardduty/organizationAdminAccount:OrganizationAdminAccount").urn));
        // The management account enables each service before it designates the administrator.
        assert.ok(rec.one("aws:securityhub/organizationAdminAccount:OrganizationAdminAccount").dependencies.includes(rec.one("aws:securityhub/account:Account").urn));
        assert.ok(rec.one("aws:guardduty/organizationAdminAccount:OrganizationAdminAccount").dependencies.includes(rec.one("aws:guardduty/detector:Detector", "guardduty-management").urn));
        const standards = rec.ofType("aws:securityhub/standardsSubscription:StandardsSubscription").map((s) => rec.inputs(s).standardsArn).sort();
        assert.deepEqual(standards, [
            "arn:aws:securityhub:eu-west-1::standards/aws-foundational-security-best-practices/v/1.0.0",
            "arn:aws:securityhub:eu-west-1::standards/cis-aws-foundations-benchmark/v/3.0.0",
        ]);
        const analyzer = rec.one("aws:accessanalyzer/analyzer:Analyzer");
        assert.equal(rec.inputs(analyzer).type, "ORGANIZATION");
        assert.ok(analyzer.dependencies.includes(rec.one("aws:organizations/delegatedAdministrator:DelegatedAdministrator", "access-analyzer").urn));
        const aggregator = rec.one("aws:cfg/configurationAggregator:ConfigurationAggregator");
        assert.equal(rec.inputs(aggregator).organizationAggregationSource.allRegions, true);
        assert.ok(aggregator.dependencies.includes(rec.one("aws:organizations/delegatedAdministrator:DelegatedAdministrator", "config").urn));
        assert.equal(providerOf(aggregator), security.urn);
    });

    it("every managed account gets the S3 account public access block, EBS encryption by default and a Config recorder", async () => {
        const rec = await organizationSample("organization-aws");
        const accounts = rec.ofType(T.account).length + 1; // + the management account
        assert.equal(rec.ofType(T.pab).length, accounts);
        assert.equal(rec.ofType(T.ebs).length, accounts);
        assert.equal(rec.ofType("aws:cfg/recorderStatus:RecorderStatus").length, accounts);
        for (const pab of rec.ofType(T.pab)) {
            const inputs = rec.inputs(pab);
            for (const flag of ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"]) assert.equal(inputs[flag], true, `${pab.name}.${flag}`);
        }
        for (const ebs of rec.ofType(T.ebs)) assert.equal(rec.inputs(ebs).enabled, true);
        const policy = rec.one(T.bucketPolicy);
        for (const channel of rec.ofType("aws:cfg/deliveryChannel:DeliveryChannel")) {
            assert.ok(channel.dependencies.includes(policy.urn), `${channel.name}: Config may write only once the bucket policy grants it`);
        }
    });

    it("the documented import of an existing Config service-linked role names the planned resource, parent and provider", async () => {
        // IAM refuses a second AWSServiceRoleForConfig in an account where Config ran before; docs/aws.md gives the import.
        const doc = readFileSync("docs/aws.md", "utf8");
        const command = /pulumi import --stack organization-aws[^`]*?AWSServiceRoleForConfig/s.exec(doc)?.[0].replace(/\\\n\s*/g, "");
        assert.ok(command, "docs/aws.md has no import command for the Config role");
        const rec = await organizationSample("organization-aws");
        const role = rec.ofType("aws:iam/serviceLinkedRole:ServiceLinkedRole").find((r) => r.name === "organization-baseline-management-config-role");
        assert.ok(role, "the documented resource name is not planned");
        assert.equal(rec.inputs(role).awsServiceName, "config.amazonaws.com");
        assert.ok(command.includes(`aws:iam/serviceLinkedRole:ServiceLinkedRole ${role.name} `), command);
        assert.ok(command.includes(`--parent 'organization=${role.parent}'`), `parent ${role.parent}: ${command}`);
        assert.ok(command.includes(`--provider 'aws=${providerOf(role)}'`), `provider ${providerOf(role)}: ${command}`);
        assert.match(command, /arn:aws:iam::<management account id>:role\/aws-service-role\/config\.amazonaws\.com\/AWSServiceRoleForConfig$/);
    });

    it("CI identities (organization.ciRepository): per platform and domain stack, GitHub's OIDC provider and a role in its account, for its GitHub environment only", async () => {
        const rec = await organizationSample("organization-aws", false);
        const roles = rec.ofType("aws:iam/role:Role").filter((r) => r.name.endsWith("-ci-role"));
        const stacks = { "shared-dev": "platform-dev", "shared-prod": "platform-prod", "orders-dev": "domain-orders-dev", "orders-prod": "domain-orders-prod",
            "payments-dev": "domain-payments-dev", "payments-prod": "domain-payments-prod" };
        assert.equal(roles.length, Object.keys(stacks).length);
        for (const [account, environment] of Object.entries(stacks)) {
            const role = rec.one("aws:iam/role:Role", `organization-ci-${account}-ci-role`);
            const oidc = rec.one("aws:iam/openIdConnectProvider:OpenIdConnectProvider", `organization-ci-${account}-github-oidc`);
            const provider = rec.ofType(T.provider).find((p) => p.name === `aws-${account}`)!;
            assert.equal(providerOf(role), provider.urn, `${account}: the role is in that account`);
            assert.equal(providerOf(oidc), provider.urn);
            assert.deepEqual([rec.inputs(oidc).url, rec.inputs(oidc).clientIdLists], ["https://token.actions.githubusercontent.com", ["sts.amazonaws.com"]]);
            assert.equal(rec.inputs(role).name, `acme-org-ci-${environment}`);
            const [trust, ...others] = JSON.parse(rec.inputs(role).assumeRolePolicy).Statement;
            assert.deepEqual(others, []);
            assert.equal(trust.Principal.Federated, `arn:aws:iam:eu-west-1:123456789012:${oidc.name}`);
            assert.equal(trust.Action, "sts:AssumeRoleWithWebIdentity");
            assert.deepEqual(trust.Condition, { StringEquals: {
                "token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
                "token.actions.githubusercontent.com:sub": `repo:acme/landing-zone:environment:${environment}`,
            } });
        }
        // Nothing for the log-archive and security accounts (no stack's CI runs there).
        assert.equal(rec.ofType("aws:iam/openIdConnectProvider:OpenIdConnectProvider").length, 6);
        assert.equal(rec.ofType("aws:iam/rolePolicyAttachment:RolePolicyAttachment").filter((a) => a.name.includes("-ci-policy-")).length, 0, "no permissions unless listed");
        const outputs = plainValue((await planSample("organization-aws", { preview: false })).outputs) as any;
        assert.deepEqual(Object.keys(outputs.ciIdentities).sort(), Object.values(stacks).sort());
        assert.ok(outputs.nextSteps.some((s: string) => s.startsWith("CI identities: in each GitHub environment of acme/landing-zone") && s.includes("have no permissions yet")));
    });

    it("CI policies: AWS-managed ARNs as they are, policy names in each role's own account, keyed by the policy; none without a repository", async () => {
        const organization = { environments: ["prod"], domains: ["orders"], securityContacts: ["security@acme.example"] };
        const attachmentsOf = async (ciPolicies: string[]) => {
            const rec = await organizationVariant("organization-aws", { organization: { ...organization, ciRepository: "acme/infra", ciPolicies } }, {}, false);
            return Object.fromEntries(rec.ofType("aws:iam/rolePolicyAttachment:RolePolicyAttachment")
                .filter((a) => a.name.startsWith("organization-ci-orders-prod-ci-policy"))
                .map((a) => [a.name, rec.inputs(a).policyArn as string]));
        };
        const listed = await attachmentsOf(["arn:aws:iam::aws:policy/ReadOnlyAccess", "landing-zone/deploy"]);
        assert.deepEqual(Object.values(listed), [
            "arn:aws:iam::aws:policy/ReadOnlyAccess", "arn:aws:iam::organization-account-orders-prod-id:policy/landing-zone/deploy",
        ]);
        // Reordering the list keeps every attachment's URN (a replaced attachment would detach its policy).
        assert.deepEqual(await attachmentsOf(["landing-zone/deploy", "arn:aws:iam::aws:policy/ReadOnlyAccess"]), listed);
        const none = await organizationVariant("organization-aws", { organization });
        assert.equal(none.ofType("aws:iam/openIdConnectProvider:OpenIdConnectProvider").length, 0);
    });

    it("exports each environment's shared-services account and the role its platform stack assumes", async () => {
        const outputs = plainValue((await planSample("organization-aws", { preview: false })).outputs) as any;
        assert.equal(outputs.layer, "organization");
        assert.equal(outputs.environments.prod.platformScope, "organization-account-shared-prod-id");
        assert.equal(outputs.environments.prod.platformRoleArn, "arn:aws:iam::organization-account-shared-prod-id:role/OrganizationAccountAccessRole");
        assert.equal(outputs.environments.dev.domainScopes.orders, "organization-account-orders-dev-id");
        assert.equal(outputs.securityScope, "organization-account-security-id");
        assert.ok(outputs.guardrails.some((g: any) => g.kind === "preventive") && outputs.guardrails.some((g: any) => g.kind === "detective"));
        assert.ok(outputs.nextSteps.some((s: string) => s.includes("pulumi import aws:organizations/organization:Organization")));
        // New accounts can start with a low Lambda concurrency quota: the step names the quota code and the check.
        const lambda = outputs.nextSteps.find((s: string) => s.includes("L-B99A9384"));
        assert.ok(lambda, "no Lambda concurrency step");
        assert.match(lambda, /aws service-quotas request-service-quota-increase --service-code lambda --quota-code L-B99A9384 --desired-value 1000 --region eu-west-1/);
        assert.match(lambda, /aws lambda get-account-settings --region eu-west-1/);
    });
});
