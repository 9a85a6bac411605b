import { strict as assert } from "node:assert";
import { organizationPolicyRules } from "../../../components/gcp/guardrails";
import { ORG_POLICY_RULES } from "../../../components/gcp/org-policies";
import { planSample, plainValue, Recorded } from "../../harness";
import { organizationConfig, organizationSample, organizationVariant } from "../../organization-helpers";

const T = {
    folder: "gcp:organizations/folder:Folder",
    project: "gcp:organizations/project:Project",
    policy: "gcp:orgpolicy/policy:Policy",
    sink: "gcp:logging/organizationSink:OrganizationSink",
    bucket: "gcp:logging/projectBucketConfig:ProjectBucketConfig",
    member: "gcp:projects/iAMMember:IAMMember",
    audit: "gcp:organizations/iamAuditConfig:IamAuditConfig",
    contact: "gcp:essentialcontacts/contact:Contact",
    keyRing: "gcp:kms/keyRing:KeyRing",
    service: "gcp:projects/service:Service",
};

/** The constraints the issue lists beyond the platform's seven (security foundations blueprint). */
const BLUEPRINT = [
    "iam.allowedPolicyMemberDomains", "compute.requireOsLogin", "compute.disableSerialPortAccess",
    "compute.restrictXpnProjectLienRemoval", "gcp.resourceLocations", "sql.restrictAuthorizedNetworks",
    "sql.restrictPublicIp", "iam.disableServiceAccountKeyUpload", "storage.publicAccessPrevention",
    // in the blueprint's current list (terraform-example-foundation 1-org/envs/shared/org_policy.tf)
    "compute.disableVpcExternalIpv6", "compute.setNewProjectDefaultToZonalDNSOnly", "compute.restrictProtocolForwardingCreationForTypes",
];

describe("gcp/organization.ts (organization-gcp)", () => {
    it("organization -> landing-zone folder -> a folder per environment and a security folder with the security and logging projects", async () => {
        const rec = await organizationSample("organization-gcp");
        const folders = rec.ofType(T.folder);
        assert.deepEqual(folders.map((f) => rec.inputs(f).displayName).sort(), ["acme-dev", "acme-landing-zone", "acme-prod", "acme-security"]);
        const root = folders.find((f) => rec.inputs(f).displayName === "acme-landing-zone")!;
        assert.equal(rec.inputs(root).parent, "organizations/123456789012");
        for (const f of folders.filter((x) => x !== root)) assert.ok(f.dependencies.includes(root.urn), `${f.name} is not under the landing-zone folder`);
        const projects = rec.ofType(T.project);
        assert.deepEqual(projects.map((p) => rec.inputs(p).projectId.replace(/-[a-z0-9]{6}$/, "")).sort(), ["acme-org-logging", "acme-org-security"]);
        const security = folders.find((f) => rec.inputs(f).displayName === "acme-security")!;
        for (const p of projects) {
            assert.ok(p.dependencies.includes(security.urn), `${p.name} is not in the security folder`);
            assert.equal(p.protect, true);
            assert.equal(rec.inputs(p).autoCreateNetwork, false);
            // the organization scope (not the project's role): the naming rules accept `org` on it only
            assert.equal(rec.inputs(p).labels.domain, "organization", `${p.name} domain label`);
        }
    });

    it("the blueprint's organization policy set on the landing-zone folder, with config-driven values", async () => {
        const rules = organizationPolicyRules({ organization: {
            environments: ["prod"], domains: [], allowedRegions: ["europe-west1"], securityContacts: ["sec@acme.example"],
            existingAccounts: {}, allowedCustomerIds: ["C0abc1234"], subscriptions: [], ciRepository: "", ciPolicies: [],
        } });
        const constraints = rules.map((r) => r.constraint);
        for (const c of [...BLUEPRINT, ...ORG_POLICY_RULES.map((r) => r.constraint)]) assert.ok(constraints.includes(c), `missing ${c}`);
        assert.equal(new Set(constraints).size, constraints.length, "a constraint is listed twice");
        assert.deepEqual(rules.find((r) => r.constraint === "iam.allowedPolicyMemberDomains")!.values, ["C0abc1234"]);
        // prod keeps geo-redundant data: the multi-region around the region too (KMS names it europe, Cloud Storage EU).
        assert.deepEqual(rules.find((r) => r.constraint === "gcp.resourceLocations")!.values, ["in:europe-west1-locations", "europe", "eu"]);
        assert.deepEqual(rules.find((r) => r.constraint === "essentialcontacts.allowedContactDomains")!.values, ["@acme.example"]);
        assert.deepEqual(rules.find((r) => r.constraint === "compute.restrictProtocolForwardingCreationForTypes")!.values, ["INTERNAL"]);

        const rec = await organizationSample("organization-gcp");
        const root = rec.ofType(T.folder).find((f) => f.name === "organization-landing-zone-folder")!;
        const policies = rec.ofType(T.policy);
        assert.equal(policies.length, rules.length);
        for (const policy of policies) {
            assert.ok(policy.dependencies.includes(root.urn), `${policy.name} is not on the landing-zone folder`);
            const [rule] = rec.inputs(policy).spec.rules;
            assert.ok(rule.enforce === "TRUE" || rule.denyAll === "TRUE" || rule.values?.allowedValues?.length > 0, `${policy.name} enforces nothing`);
        }
        const locations = policies.find((p) => p.name.endsWith("gcp-resourceLocations"))!;
        assert.deepEqual(rec.inputs(locations).spec.rules[0].values.allowedValues, ["in:europe-west1-locations", "in:europe-west4-locations", "europe", "eu"]);
    });

    it("the landing zone's own GCP resources pass the blueprint's newer constraints: no external IPv6 subnet, no protocol forwarding rule", async () => {
        for (const stack of ["platform-gcp-dev", "platform-gcp-prod", "orders-gcp-dev", "orders-gcp-prod"]) {
            const rec = new Recorded((await planSample(stack)).resources);
            for (const subnet of rec.ofType("gcp:compute/subnetwork:Subnetwork")) {
                const inputs = rec.inputs(subnet);
                assert.ok(inputs.stackType === "IPV4_ONLY" || inputs.ipv6AccessType !== "EXTERNAL", `${stack}: ${subnet.name} has external IPv6 (compute.disableVpcExternalIpv6)`);
            }
            const forwarding = rec.ofType("gcp:compute/forwardingRule:ForwardingRule").filter((r) => String(rec.inputs(r).target ?? "").includes("/targetInstances/"));
            assert.deepEqual(forwarding.map((r) => r.name), [], `${stack}: protocol forwarding (compute.restrictProtocolForwardingCreationForTypes)`);
        }
    });

    it("projects are created only after every organization policy exists (no default service account Editor grant)", async () => {
        const rec = await organizationSample("organization-gcp");
        const policies = rec.ofType(T.policy).map((p) => p.urn);
        for (const project of rec.ofType(T.project)) {
            for (const policy of policies) assert.ok(project.dependencies.includes(policy), `${project.name} does not wait for ${policy}`);
        }
    });

    it("an organization sink of audit logs into a log bucket of the logging project, its writer granted on that bucket only", async () => {
        const rec = await organizationSample("organization-gcp");
        const sink = rec.one(T.sink);
        const inputs = rec.inputs(sink);
        assert.equal(inputs.orgId, "123456789012");
        assert.equal(inputs.includeChildren, true);
        assert.match(inputs.filter, /cloudaudit\.googleapis\.com/);
        const bucket = rec.one(T.bucket);
        assert.ok(sink.dependencies.includes(bucket.urn), "the sink must wait for its bucket");
        assert.equal(bucket.protect, true);
        assert.equal(rec.inputs(bucket).locked, true);
        const writer = rec.one(T.member, "sink-writer");
        assert.equal(rec.inputs(writer).role, "roles/logging.bucketWriter");
        assert.ok(writer.dependencies.includes(sink.urn));
        assert.match(rec.inputs(writer).condition.expression, /buckets\/acme-org-organization-audit/);
    });

    it("data-access audit logs for all services and the security team as essential contacts", async () => {
        const rec = await organizationSample("organization-gcp");
        const audit = rec.inputs(rec.one(T.audit));
        assert.equal(audit.service, "allServices");
        assert.deepEqual(audit.auditLogConfigs.map((c: any) => c.logType).sort(), ["ADMIN_READ", "DATA_READ", "DATA_WRITE"]);
        const contact = rec.inputs(rec.one(T.contact));
        assert.equal(contact.parent, "organizations/123456789012");
        assert.equal(contact.email, "security@acme.example");
        assert.ok(contact.notificationCategorySubscriptions.includes("SECURITY"));
    });

    it("one protected KMS key ring per environment in the security project, in the stack's region, exported for its platform", async () => {
        const rec = await organizationSample("organization-gcp");
        const security = rec.inputs(rec.ofType(T.project).find((p) => rec.inputs(p).projectId.startsWith("acme-org-security"))!).projectId;
        const kms = rec.ofType(T.service).find((s) => rec.inputs(s).service === "cloudkms.googleapis.com" && rec.inputs(s).project === security)!;
        const rings = rec.ofType(T.keyRing);
        const regional = rings.filter((r) => rec.inputs(r).location === "europe-west1");
        assert.deepEqual(regional.map((r) => rec.inputs(r).name).sort(), ["acme-dev-keys", "acme-prod-keys"]);
        for (const ring of rings) {
            assert.equal(rec.inputs(ring).project, security);
            assert.equal(ring.protect, true, "a key ring cannot be deleted: protected in every environment");
            assert.ok(ring.dependencies.includes(kms.urn), "the ring waits for the KMS API");
        }
        const outputs = plainValue((await planSample("organization-gcp", { preview: false })).outputs) as any;
        for (const env of ["dev", "prod"]) {
            assert.equal(outputs.environments[env].keyRingId, `projects/${security}/locations/europe-west1/keyRings/acme-${env}-keys`);
        }
        assert.ok((outputs.nextSteps as string[]).some((s) => s.includes("roles/cloudkms.admin") && s.includes("keyRingId") && s.includes("geoKeyRingId")));
    });

    it("a multi-region key ring in the security project for the environments that keep geo-redundant data (prod), exported as geoKeyRingId", async () => {
        const rec = await organizationSample("organization-gcp");
        const geo = rec.one(T.keyRing, "keys-prod-geo");
        assert.equal(rec.inputs(geo).location, "europe");
        assert.equal(rec.inputs(geo).name, "acme-prod-keys");
        assert.equal(rec.ofType(T.keyRing).length, 3, "no geo ring for dev (zone-redundant storage)");
        const outputs = plainValue((await planSample("organization-gcp", { preview: false })).outputs) as any;
        assert.match(outputs.environments.prod.geoKeyRingId, /^projects\/acme-org-security-[a-z0-9]+\/locations\/europe\/keyRings\/acme-prod-keys$/);
        assert.equal(outputs.environments.dev.geoKeyRingId, undefined);
        // Regions without a KMS multi-region get no geo ring (and their platform no geo key).
        const south = await organizationVariant("organization-gcp", { region: "southamerica-east1", organization: { ...organizationConfig("organization-gcp").organization, allowedRegions: ["southamerica-east1"] } });
        assert.equal(south.ofType(T.keyRing).filter((r) => south.inputs(r).location !== "southamerica-east1").length, 0);
    });

    it("exports each environment's folder for its platform stack", async () => {
        const outputs = plainValue((await planSample("organization-gcp", { preview: false })).outputs) as any;
        // The folder's `name` output (`folders/<number>` after deploy; the mock fabricates it from the logical name).
        assert.equal(outputs.environments.prod.containerId, "organization-prod-folder");
        assert.deepEqual(Object.keys(outputs.environments).sort(), ["dev", "prod"]);
        assert.ok(outputs.securityScope.startsWith("acme-org-security"));
    });
});
