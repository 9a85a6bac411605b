import * as assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { policies, PACK_NAME } from "../../policies/pack";
import { PRINCIPLES } from "../../policies/lib/metadata";
import { enforcementFor } from "../../policies/lib/levels";
import { loadPolicyConfig } from "../../tools/plan/policies";

const POLICIES_DIR = path.join(__dirname, "..", "..", "policies");

/** The pack's contents: name, cloud, severity, enforcement in prod and dev. Change it deliberately. */
const PINNED = [
    "configure-rds-instances aws medium mandatory advisory",
    "disallow-public-resource-policies aws critical mandatory advisory",
    "configure-cloudwatch-log-groups aws medium mandatory advisory",
    "configure-kms-key-policies aws critical mandatory advisory",
    "configure-ec2-launch-templates aws high mandatory advisory",
    "disallow-public-ip-on-launch aws high mandatory advisory",
    "require-security-group-descriptions aws low mandatory advisory",
    "disallow-unrestricted-egress aws medium mandatory advisory",
    "enable-codebuild-logging aws medium mandatory advisory",
    "require-codepipeline-kms-encryption aws medium mandatory advisory",
    "configure-s3-lifecycle aws low mandatory disabled",
    "configure-eks-node-groups aws high mandatory disabled",
    "configure-rds-backup-retention aws high mandatory advisory",
    "disallow-admin-ingress-from-internet aws critical mandatory advisory",
    "disallow-admin-managed-policies aws critical mandatory advisory",
    "disallow-default-security-group-rules aws medium mandatory advisory",
    "disallow-iam-static-credentials aws high mandatory advisory",
    "disallow-public-eks-endpoint aws critical mandatory advisory",
    "disallow-public-rds aws critical mandatory advisory",
    "disallow-public-s3-buckets aws critical mandatory advisory",
    "disallow-static-database-passwords aws critical mandatory advisory",
    "disallow-wildcard-iam-policies aws critical mandatory advisory",
    "enable-cloudtrail-integrity aws high mandatory advisory",
    "enable-eks-control-plane-logging aws high mandatory advisory",
    "enable-elasticache-failover aws high mandatory disabled",
    "enable-kms-key-rotation aws medium mandatory advisory",
    "enable-rds-deletion-protection aws high mandatory disabled",
    "enable-s3-versioning aws medium mandatory disabled",
    "enforce-scp-denies aws high mandatory advisory",
    "enable-vpc-flow-logs aws medium mandatory advisory",
    "require-aws-naming-convention aws low mandatory advisory",
    "require-aws-standard-tags aws low mandatory advisory",
    "require-codebuild-kms-encryption aws medium mandatory advisory",
    "require-ecr-kms-encryption aws medium mandatory advisory",
    "require-ecr-scanning-immutable-tags aws high mandatory advisory",
    "require-eks-access-entries aws high mandatory advisory",
    "require-eks-secrets-encryption aws high mandatory advisory",
    "require-eks-addon-versions aws medium mandatory advisory",
    "require-eks-version aws medium mandatory advisory",
    "require-elasticache-encryption-at-rest aws medium mandatory advisory",
    "require-elasticache-tls aws high mandatory advisory",
    "require-rds-encryption aws high mandatory advisory",
    "require-s3-kms-encryption aws high mandatory advisory",
    "require-sqs-dead-letter-queue aws high mandatory advisory",
    "require-sqs-kms-encryption aws medium mandatory advisory",
    "configure-aks-cluster-security azure high mandatory advisory",
    "configure-acr-registry azure medium mandatory advisory",
    "require-azure-service-bus-identity azure low mandatory advisory",
    "configure-vnet-dns azure low mandatory disabled",
    "configure-aks-node-pools azure high mandatory disabled",
    "configure-azure-postgres-backups azure high mandatory advisory",
    "disallow-acr-admin-user azure high mandatory advisory",
    "disallow-azure-admin-ingress-from-internet azure critical mandatory advisory",
    "disallow-azure-managed-redis-access-keys azure high mandatory advisory",
    "disallow-azure-privileged-role-assignments azure critical mandatory advisory",
    "disallow-azure-service-bus-local-auth azure high mandatory advisory",
    "disallow-azure-storage-shared-keys azure high mandatory advisory",
    "disallow-public-acr azure high mandatory advisory",
    "disallow-public-aks-api azure critical mandatory advisory",
    "disallow-public-azure-managed-redis azure high mandatory advisory",
    "disallow-public-azure-postgres azure critical mandatory advisory",
    "disallow-public-azure-service-bus azure high mandatory advisory",
    "disallow-public-azure-storage azure critical mandatory advisory",
    "disallow-public-key-vault azure high mandatory advisory",
    "enable-aks-audit-logs azure high mandatory advisory",
    "enable-aks-workload-identity azure high mandatory advisory",
    "enable-azure-managed-redis-ha azure high mandatory disabled",
    "enable-key-vault-purge-protection azure high mandatory disabled",
    "enable-vnet-flow-logs azure medium mandatory advisory",
    "enforce-azure-policy-assignments azure high mandatory advisory",
    "require-aks-entra-rbac azure high mandatory advisory",
    "require-aks-standard-tier azure medium mandatory disabled",
    "require-aks-upgrade-channel azure medium mandatory advisory",
    "require-azure-managed-redis-tls azure high mandatory advisory",
    "require-azure-naming-convention azure low mandatory advisory",
    "require-azure-postgres-entra-auth azure critical mandatory advisory",
    "require-azure-service-bus-dead-lettering azure high mandatory advisory",
    "require-azure-service-bus-tls azure medium mandatory advisory",
    "require-azure-standard-tags azure low mandatory advisory",
    "require-azure-storage-cmk azure medium mandatory advisory",
    "require-azure-storage-redundancy azure high mandatory disabled",
    "require-azure-storage-tls azure high mandatory advisory",
    "require-key-vault-key-rotation azure medium mandatory advisory",
    "require-key-vault-rbac azure medium mandatory advisory",
    "configure-cloud-sql-logging-flags gcp medium mandatory advisory",
    "configure-gke-cluster-security gcp high mandatory advisory",
    "configure-gke-node-security gcp medium mandatory advisory",
    "disallow-gcp-project-impersonation-roles gcp high mandatory advisory",
    "require-artifact-registry-cmek gcp medium mandatory advisory",
    "configure-cloud-sql-backups gcp high mandatory advisory",
    "configure-gke-node-pools gcp high mandatory disabled",
    "disallow-cloud-sql-passwords gcp critical mandatory advisory",
    "disallow-gcp-admin-ingress-from-internet gcp critical mandatory advisory",
    "disallow-gcp-basic-roles gcp critical mandatory advisory",
    "disallow-gcp-public-iam-members gcp critical mandatory advisory",
    "disallow-gcp-service-account-keys gcp high mandatory advisory",
    "disallow-public-cloud-sql gcp critical mandatory advisory",
    "disallow-public-gcs-buckets gcp critical mandatory advisory",
    "disallow-public-gke-endpoint gcp critical mandatory advisory",
    "enable-cloud-sql-deletion-protection gcp high mandatory disabled",
    "enable-gcp-kms-rotation gcp medium mandatory advisory",
    "enable-gcp-subnet-flow-logs gcp medium mandatory advisory",
    "enable-gcs-versioning gcp medium mandatory disabled",
    "enable-gke-control-plane-logging gcp high mandatory advisory",
    "enable-gke-workload-identity gcp high mandatory advisory",
    "enforce-gcp-org-policies gcp high mandatory advisory",
    "enable-memorystore-ha gcp high mandatory disabled",
    "require-artifact-registry-scanning-immutable-tags gcp high mandatory advisory",
    "require-cloud-sql-tls gcp high mandatory advisory",
    "require-gcp-naming-convention gcp low mandatory advisory",
    "require-gcp-standard-labels gcp low mandatory advisory",
    "require-gcs-cmek gcp medium mandatory advisory",
    "require-gke-rbac-only gcp high mandatory advisory",
    "require-gke-regional-cluster gcp high mandatory disabled",
    "require-gke-release-channel gcp medium mandatory advisory",
    "require-memorystore-auth gcp high mandatory advisory",
    "require-memorystore-tls gcp high mandatory advisory",
    "require-pubsub-cmek gcp medium mandatory advisory",
    "require-pubsub-dead-letter-policy gcp high mandatory advisory",
    "disallow-cluster-components-in-namespaces kubernetes critical mandatory advisory",
    "require-restricted-security-context kubernetes high mandatory advisory",
    "require-container-resources kubernetes medium mandatory disabled",
    "require-container-probes kubernetes medium mandatory disabled",
    "disallow-secrets-in-env kubernetes medium mandatory advisory",
    "disallow-default-service-account-tokens kubernetes medium mandatory advisory",
    "disallow-kubernetes-rbac-escalation kubernetes high mandatory advisory",
    "disallow-ingress-snippets kubernetes high mandatory advisory",
    "disallow-default-namespace kubernetes medium mandatory advisory",
    "disallow-host-namespaces kubernetes high mandatory advisory",
    "disallow-host-path-volumes kubernetes high mandatory advisory",
    "disallow-kubernetes-wildcard-rbac kubernetes high mandatory advisory",
    "disallow-privileged-containers kubernetes critical mandatory advisory",
    "require-namespace-baseline kubernetes high mandatory advisory",
    "require-trusted-images kubernetes high mandatory advisory",
    "require-dead-letter-queues-in-stack stack medium mandatory advisory",
    "require-multi-zone-databases stack high mandatory disabled",
    "require-network-policy-per-namespace stack high mandatory advisory",
    "require-protect-on-stateful-resources stack high mandatory disabled",
    "require-read-replicas stack high mandatory disabled",
    "require-standard-tags-in-prod stack medium mandatory disabled",
    "disallow-public-worker-invocation stack critical mandatory advisory",
    "require-worker-timeout-below-visibility stack high mandatory disabled",
    "require-worker-concurrency-cap stack medium mandatory disabled",
    "require-worker-dead-lettering stack high mandatory advisory",
    "disallow-plaintext-worker-secrets stack critical mandatory advisory",
    "disallow-deprecated-worker-runtimes stack high mandatory disabled",
    "require-workers-inside-network stack high mandatory advisory",
    "enable-worker-tracing-logging stack medium mandatory advisory",
];

describe("pack.ts (the policy list)", () => {
    it("pins the policies, their severities and enforcement levels per environment", () => {
        const actual = policies.map((p) => `${p.name} ${p.metadata.cloud} ${p.severity} ${enforcementFor(p, "prod")} ${enforcementFor(p, "dev")}`);
        assert.deepEqual(actual, PINNED);
    });

    it("the config files carry those levels (what --policy-pack-config and the plan read)", () => {
        const prod = loadPolicyConfig("prod");
        const dev = loadPolicyConfig("dev");
        for (const line of PINNED) {
            const [name, , , prodLevel, devLevel] = line.split(" ");
            assert.equal(prod[name]?.enforcementLevel, prodLevel, name);
            assert.equal(dev[name]?.enforcementLevel, devLevel, name);
        }
        assert.deepEqual(Object.keys(prod).sort(), policies.map((p) => p.name).sort());
        assert.equal(prod["configure-rds-backup-retention"].minDays, 14);
        assert.equal(dev["configure-rds-backup-retention"].minDays, 7);
    });

    it("has one policy per file, named after the file, in its cloud's folder", () => {
        const files = ["aws", "azure", "gcp", "kubernetes", "stack"].flatMap((dir) =>
            readdirSync(path.join(POLICIES_DIR, dir)).map((f) => `${dir}/${f.replace(/\.ts$/, "")}`));
        assert.deepEqual(files.sort(), policies.map((p) => `${p.metadata.cloud}/${p.name}`).sort());
        for (const file of files) {
            const text = readFileSync(path.join(POLICIES_DIR, `${file}.ts`), "utf8");
            assert.equal((text.match(/export const policy = /g) ?? []).length, 1, file);
        }
    });

    it("names are unique, start with a verb and are valid policy names", () => {
        const names = policies.map((p) => p.name);
        assert.equal(new Set(names).size, names.length);
        for (const name of names) {
            assert.match(name, /^(disallow|enable|require|configure|enforce)-[a-z0-9-]+$/, name);
            assert.notEqual(name, "all");
        }
        assert.match(PACK_NAME, /^[a-zA-Z0-9-_.]{1,100}$/);
    });

    it("every policy states cloud, service, severity, topic, principle, remediation and description", () => {
        for (const p of policies) {
            const m = p.metadata;
            assert.ok(["low", "medium", "high", "critical"].includes(p.severity), p.name);
            assert.ok(m.service && m.remediation.length > 10 && p.description.length > 10, p.name);
            assert.equal(m.topic, PRINCIPLES[m.principle].topic, `${p.name}: topic ${m.topic} but principle ${m.principle} is ${PRINCIPLES[m.principle].topic}`);
            assert.ok(m.principle in PRINCIPLES, p.name);
            assert.ok(m.resourceTypes.length > 0, p.name);
            for (const id of m.checkov) assert.match(id, /^CKV2?_(AWS|AZURE|GCP|K8S)_\d+$/, `${p.name}: ${id}`);
            if (p.configSchema) assert.ok(!("enforcementLevel" in p.configSchema.properties), p.name);
        }
    });

    it("the analyzer accepts the pack's policy metadata (as it reports it to the engine)", () => {
        const { makeAnalyzerInfo } = require("@pulumi/policy/protoutil") as {
            makeAnalyzerInfo(name: string, version: string, level: string, args: object, config?: object): { getPoliciesList(): { getName(): string; getSeverity(): number }[] };
        };
        const served = policies.map(({ metadata: _metadata, ...policy }) => policy);
        const info = makeAnalyzerInfo(PACK_NAME, "0.1.0", "mandatory", { policies: served });
        assert.deepEqual(info.getPoliciesList().map((p) => p.getName()), policies.map((p) => p.name));
    });

    it("every setting in the config files is declared in the policy's configSchema (the CLI validates it)", () => {
        for (const env of ["prod", "dev"] as const) {
            for (const [name, settings] of Object.entries(loadPolicyConfig(env))) {
                const policy = policies.find((p) => p.name === name)!;
                for (const key of Object.keys(settings).filter((k) => k !== "enforcementLevel")) {
                    assert.ok(policy.configSchema?.properties[key], `${env}.json ${name}.${key}`);
                }
            }
        }
    });

    it("index.ts serves the same list through PolicyPack (without the metadata)", () => {
        const text = readFileSync(path.join(POLICIES_DIR, "index.ts"), "utf8");
        assert.match(text, /new PolicyPack\(PACK_NAME/);
        assert.match(text, /policies\.map\(\(\{ metadata: _metadata, \.\.\.policy \}\) => policy\)/);
        const pkg = JSON.parse(readFileSync(path.join(POLICIES_DIR, "package.json"), "utf8")) as { version: string; dependencies: Record<string, string> };
        assert.ok(pkg.version && pkg.dependencies["@pulumi/policy"]);
        assert.match(readFileSync(path.join(POLICIES_DIR, "PulumiPolicy.yaml"), "utf8"), /runtime:\s*\n\s*name: nodejs/);
    });
});
