import { strict as assert } from "node:assert";
import { childName, nameRules, Naming, physicalName, stableHash, type NameKind } from "../../components/core/naming";

const long = ["acme", "prod", "paymentsandrefunds", "customer-uploads-archive-with-a-very-long-purpose-name"];

describe("components/core/naming", () => {
    for (const kind of Object.keys(nameRules) as NameKind[]) {
        const rule = nameRules[kind];
        it(`${kind}: names stay within ${rule.min}-${rule.max} characters and the cloud's character set`, () => {
            for (const parts of [["a"], ["acme", "dev", "orders", "data"], long, ["ACME", "Dev", "Orders_Data.Bucket"], ["9lives", "x"]]) {
                const name = physicalName(kind, parts, ["eu-west-1"]);
                assert.ok(name.length >= rule.min && name.length <= rule.max, `${kind} ${name} (${name.length})`);
                assert.match(name, rule.pattern, `${kind}: ${name}`);
            }
        });
    }

    it("is deterministic and distinguishes inputs that would collide when cut", () => {
        const a = physicalName("azure.storageAccount", [...long, "one"]);
        const b = physicalName("azure.storageAccount", [...long, "two"]);
        assert.equal(a, physicalName("azure.storageAccount", [...long, "one"]));
        assert.notEqual(a, b);
    });

    it("adds a stable hash of the seed only to globally unique kinds", () => {
        const eu = physicalName("aws.s3Bucket", ["acme", "prod", "logs"], ["eu-west-1"]);
        const us = physicalName("aws.s3Bucket", ["acme", "prod", "logs"], ["us-east-1"]);
        assert.notEqual(eu, us);
        assert.match(eu, /^acme-prod-logs-[a-z0-9]{6}$/);
        assert.equal(physicalName("aws.sqsQueue", ["acme", "prod", "orders"], ["eu-west-1"]), "acme-prod-orders");
    });

    it("enforces the documented limits: S3 63, GCP project id 30, storage account 24, Key Vault 24, SQS 80", () => {
        assert.equal(nameRules["aws.s3Bucket"].max, 63);
        assert.equal(nameRules["gcp.projectId"].max, 30);
        assert.equal(nameRules["gcp.projectId"].min, 6);
        assert.equal(nameRules["azure.storageAccount"].max, 24);
        assert.equal(nameRules["azure.keyVault"].max, 24);
        assert.equal(nameRules["aws.sqsQueue"].max, 80);
        assert.match(physicalName("gcp.projectId", long), /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/);
        assert.match(physicalName("azure.storageAccount", long), /^[a-z0-9]{3,24}$/);
    });

    it("Naming prefixes every name with prefix, environment and domain", () => {
        const naming = new Naming("acme", "dev", "westeurope", "orders");
        assert.equal(naming.physical("azure.resourceGroup", "data"), "acme-dev-orders-data");
        const vault = naming.physical("azure.keyVault", "kv");
        assert.ok(vault.startsWith("acme-dev-") && vault.length <= 24, vault);
        assert.equal(vault, naming.physical("azure.keyVault", "kv"));
    });

    it("exactly the globally unique kinds end in a hash of the seed (a name another customer may hold)", () => {
        const GLOBAL = ["aws.s3Bucket", "azure.storageAccount", "azure.keyVault", "azure.containerRegistry", "azure.postgresServer",
            "azure.serviceBusNamespace", "azure.managedRedis", "gcp.projectId", "gcp.bucket"];
        const seeded = (Object.keys(nameRules) as NameKind[]).filter((kind) =>
            physicalName(kind, ["acme", "dev", "data"], ["eu-west-1"]) !== physicalName(kind, ["acme", "dev", "data"], ["us-east-1"]));
        assert.deepEqual(seeded.sort(), [...GLOBAL].sort());
    });

    it("every kind lowercases (no character of ACME is dropped)", () => {
        for (const kind of Object.keys(nameRules) as NameKind[]) {
            assert.ok(physicalName(kind, ["ACME", "Dev", "Data"]).startsWith("acme"), kind);
        }
    });

    it("cuts only names over the limit, and a name at the minimum needs no padding", () => {
        assert.equal(physicalName("aws.sqsQueue", ["a".repeat(80)]), "a".repeat(80), "80 characters fit in 80");
        const over = physicalName("aws.sqsQueue", ["a".repeat(81)]);
        assert.equal(over.length, 80);
        assert.match(over, /^a{75}-[a-z0-9]{4}$/);
        assert.equal(physicalName("gcp.serviceAccountId", ["abcdef"]), "abcdef", "6 characters meet the minimum of 6");
        assert.match(physicalName("gcp.serviceAccountId", ["abcde"]), /^abcde-[a-z0-9]+$/, "5 characters are padded");
    });

    it("never leaves an empty word between separators, from the parts or from a cut", () => {
        assert.equal(physicalName("aws.sqsQueue", ["acme-", "-dev"]), "acme-dev");
        // 81 characters with the doubled separators, 79 without: no cut
        assert.equal(physicalName("aws.sqsQueue", [`${"a".repeat(40)}-`, `-${"b".repeat(38)}`]), `${"a".repeat(40)}-${"b".repeat(38)}`);
        const parts = ["a".repeat(74), "b".repeat(10)];
        assert.equal(physicalName("aws.sqsQueue", parts), `${"a".repeat(74)}-${stableHash(["long", ...parts], 4)}`);
    });

    it("child logical names start with the parent's name", () => {
        assert.equal(childName("network", "vpc"), "network-vpc");
        assert.equal(childName("orders-db", "replica", "1"), "orders-db-replica-1");
    });

    it("stableHash is lowercase base36 of the requested length", () => {
        assert.match(stableHash(["x"]), /^[a-z0-9]{6}$/);
        assert.match(stableHash(["x"], 4), /^[a-z0-9]{4}$/);
    });
});
