import { strict as assert } from "node:assert";
import {
    GLOBAL_SERVICE_ACTIONS, SCP_ATTACHMENTS, SCP_MAX_CHARACTERS, SCP_MAX_PER_TARGET, scpContent, scpDocuments, TOP_LEVEL_OUS,
} from "../../../components/aws/guardrails";
import { organizationSample } from "../../organization-helpers";
import { SCP_PROMISES } from "../../../policies/aws/enforce-scp-denies";

const docs = scpDocuments({ partition: "aws", allowedRegions: ["eu-west-1", "eu-central-1"], adminRoleName: "OrganizationAccountAccessRole" });
const all = Object.values(docs).flatMap((d) => d.statements);
const statement = (sid: string) => {
    const found = all.find((s) => s.Sid === sid);
    assert.ok(found, `no statement ${sid}`);
    return found;
};

describe("aws/guardrails.ts (SCP documents)", () => {
    it("keeps every promise the enforce-scp-denies policy holds a guardrail Sid to (the two lists cannot drift)", () => {
        const statements = Object.values(docs).flatMap((doc) => doc.statements);
        for (const [sid, promise] of Object.entries(SCP_PROMISES)) {
            const statement = statements.find((s) => s.Sid === sid);
            assert.ok(statement, `no guardrail statement ${sid}`);
            for (const action of promise.denies ?? []) assert.ok((statement.Action ?? []).includes(action), `${sid} denies ${action}`);
            if (promise.conditionKey) {
                const keys = Object.values(statement.Condition ?? {}).flatMap((block) => Object.keys(block as object));
                assert.ok(keys.includes(promise.conditionKey), `${sid} conditions on ${promise.conditionKey}`);
            }
        }
    });

    it("every document is a non-empty list of Deny statements within the 5,120-character quota", () => {
        for (const doc of Object.values(docs)) {
            assert.ok(doc.statements.length > 0, doc.name);
            for (const s of doc.statements) assert.equal(s.Effect, "Deny", `${doc.name}/${s.Sid}`);
            assert.ok(scpContent(doc).length <= SCP_MAX_CHARACTERS, `${doc.name} is ${scpContent(doc).length} characters`);
        }
    });

    it("no OU gets more SCPs than Organizations allows (FullAWSAccess counts)", () => {
        for (const ou of TOP_LEVEL_OUS) assert.ok(SCP_ATTACHMENTS[ou].length + 1 <= SCP_MAX_PER_TARGET, ou);
    });

    it("denies leaving the organization and every root user action", () => {
        assert.deepEqual(statement("DenyLeavingOrganization").Action, ["organizations:LeaveOrganization"]);
        const root = statement("DenyRootUser");
        assert.deepEqual(root.Action, ["*"]);
        assert.deepEqual(root.Condition, { ArnLike: { "aws:PrincipalArn": "arn:aws:iam::*:root" } });
    });

    it("denies turning off each security service and the account protections, except to the organization's admin role", () => {
        const guarded = statement("ProtectSecurityServices");
        for (const action of ["cloudtrail:StopLogging", "cloudtrail:DeleteTrail", "guardduty:DeleteDetector", "config:StopConfigurationRecorder",
            "config:DeleteConfigurationRecorder", "securityhub:DisableSecurityHub", "access-analyzer:DeleteAnalyzer"]) {
            assert.ok(guarded.Action?.includes(action), `${action} is not denied`);
        }
        const account = statement("ProtectAccountBaseline");
        assert.deepEqual(account.Action, ["s3:PutAccountPublicAccessBlock", "ec2:DisableEbsEncryptionByDefault"]);
        for (const s of [guarded, account]) {
            assert.deepEqual(s.Condition, { ArnNotLike: { "aws:PrincipalArn": "arn:aws:iam::*:role/OrganizationAccountAccessRole" } });
        }
    });

    it("denies regions outside the allowed list, with the global services excepted", () => {
        const regions = statement("DenyOutsideAllowedRegions");
        assert.equal(regions.Action, undefined);
        for (const service of ["iam:*", "sts:*", "organizations:*", "route53:*", "cloudfront:*", "support:*"]) {
            assert.ok(regions.NotAction?.includes(service), `${service} must stay reachable`);
        }
        assert.deepEqual(regions.NotAction, [...GLOBAL_SERVICE_ACTIONS]);
        assert.deepEqual(regions.Condition?.StringNotEquals, { "aws:RequestedRegion": ["eu-west-1", "eu-central-1"] });
    });

    it("denies IAM users and access keys in workload and sandbox OUs only", () => {
        assert.deepEqual(statement("DenyIamUsers").Action, ["iam:CreateUser", "iam:CreateAccessKey", "iam:CreateLoginProfile"]);
        const withWorkloads = TOP_LEVEL_OUS.filter((ou) => SCP_ATTACHMENTS[ou].includes("workloads"));
        assert.deepEqual(withWorkloads, ["workloads", "sandbox"]);
    });

    it("the stack attaches each SCP to the OUs it names, after SCPs are enabled on the organization", async () => {
        const rec = await organizationSample("organization-aws");
        const organization = rec.one("aws:organizations/organization:Organization");
        assert.deepEqual(rec.inputs(organization).enabledPolicyTypes, ["SERVICE_CONTROL_POLICY"]);
        const policies = rec.ofType("aws:organizations/policy:Policy");
        assert.equal(policies.length, 3);
        for (const policy of policies) {
            assert.equal(rec.inputs(policy).type, "SERVICE_CONTROL_POLICY");
            assert.ok(policy.dependencies.includes(organization.urn), `${policy.name} is created before SCPs are enabled`);
            const content = JSON.parse(rec.inputs(policy).content);
            assert.ok(content.Statement.length > 0);
        }
        const attachments = rec.ofType("aws:organizations/policyAttachment:PolicyAttachment");
        assert.equal(attachments.length, TOP_LEVEL_OUS.reduce((n, ou) => n + SCP_ATTACHMENTS[ou].length, 0));
        for (const ou of TOP_LEVEL_OUS) {
            const unit = rec.ofType("aws:organizations/organizationalUnit:OrganizationalUnit").find((u) => u.name === `organization-ou-${ou}`)!;
            const attached = attachments.filter((a) => a.dependencies.includes(unit.urn));
            assert.equal(attached.length, SCP_ATTACHMENTS[ou].length, ou);
        }
    });
});
