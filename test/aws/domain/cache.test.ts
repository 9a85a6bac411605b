import { strict as assert } from "node:assert";
import { APP_ACCESS_STRING, DEFAULT_USER_ACCESS_STRING } from "../../../components/aws/cache";
import { FAKE_DATA_SUBNETS, FAKE_NODE_SG } from "./fake-platform";
import { domainOutput, fabricatedArn, list, recordDomain } from "./helpers";

const GROUP = "aws:elasticache/replicationGroup:ReplicationGroup";
const USER = "aws:elasticache/user:User";

describe("components/aws/cache.ts", () => {
    it("encrypts at rest with the domain key and requires TLS in transit", async () => {
        const rec = await recordDomain("dev", {}, { preview: false });
        const group = rec.inputs(rec.one(GROUP));
        assert.equal(group.atRestEncryptionEnabled, true);
        assert.equal(group.kmsKeyId, fabricatedArn(rec.one("aws:kms/key:Key", "orders-key")));
        assert.equal(group.transitEncryptionEnabled, true);
        assert.equal(group.transitEncryptionMode, "required");
        assert.equal((await domainOutput("dev", {}, "cache")).tls, true);
    });

    it("authenticates with RBAC + IAM: no AUTH token, the default user off, the app user IAM-only", async () => {
        const rec = await recordDomain("dev", {}, { preview: false });
        const group = rec.inputs(rec.one(GROUP));
        assert.equal(group.authToken, undefined);
        assert.equal(group.authTokenWo, undefined);
        const userGroup = rec.inputs(rec.one("aws:elasticache/userGroup:UserGroup"));
        assert.deepEqual(group.userGroupIds, [userGroup.userGroupId]);
        const users = rec.ofType(USER).map((u) => rec.inputs(u));
        assert.deepEqual(users.map((u) => u.userId).sort(), [...userGroup.userIds].sort());
        for (const user of users) {
            assert.equal(user.passwords, undefined);
            assert.equal(user.passwordsWo, undefined);
        }
        const defaultUser = users.find((u) => u.userName === "default")!;
        assert.equal(defaultUser.accessString, DEFAULT_USER_ACCESS_STRING);
        assert.match(defaultUser.accessString, /^off /);
        assert.notEqual(defaultUser.userId, "default", "the account's built-in default user (no password, full access) is not used");
        const app = users.find((u) => u.userName !== "default")!;
        assert.equal(app.authenticationMode.type, "iam");
        assert.equal(app.userId, app.userName);
        assert.equal(app.accessString, APP_ACCESS_STRING);
    });

    it("prod (cache.replicas 2): Multi-AZ with automatic failover, nodes in distinct zones", async () => {
        const rec = await recordDomain("prod");
        const group = rec.inputs(rec.one(GROUP));
        assert.equal(group.numCacheClusters, 3);
        assert.equal(group.automaticFailoverEnabled, true);
        assert.equal(group.multiAzEnabled, true);
        assert.equal(new Set(group.preferredCacheClusterAzs).size, 3);
        assert.equal((await domainOutput("prod", {}, "cache")).replicas, 2);
    });

    it("dev (no replica): a single node, no failover", async () => {
        const group = (await recordDomain("dev")).inputs((await recordDomain("dev")).one(GROUP));
        assert.equal(group.numCacheClusters, 1);
        assert.equal(group.automaticFailoverEnabled, false);
        assert.equal(group.multiAzEnabled, false);
    });

    it("turns on failover as soon as cache.replicas > 0, in any environment", async () => {
        const rec = await recordDomain("dev", { cache: { replicas: 1 } });
        const group = rec.inputs(rec.one(GROUP));
        assert.equal(group.automaticFailoverEnabled, true);
        assert.equal(group.multiAzEnabled, true);
    });

    it("sits in the data subnets, reachable only from the cluster nodes on 6379", async () => {
        const rec = await recordDomain("dev");
        assert.deepEqual(rec.inputs(rec.one("aws:elasticache/subnetGroup:SubnetGroup")).subnetIds, FAKE_DATA_SUBNETS);
        const sg = rec.inputs(rec.one("aws:ec2/securityGroup:SecurityGroup", "cache"));
        assert.equal(sg.ingress.length, 1);
        assert.deepEqual(sg.ingress[0].securityGroups, [FAKE_NODE_SG]);
        assert.equal(sg.ingress[0].fromPort, 6379);
        assert.equal(list(sg.ingress[0].cidrBlocks).length, 0);
        assert.deepEqual(sg.egress, []);
    });

    it("cache.enabled false: no cache and no cache output", async () => {
        const rec = await recordDomain("dev", { cache: { enabled: false } });
        assert.equal(rec.ofType(GROUP).length, 0);
        assert.equal(rec.ofType(USER).length, 0);
        assert.equal(await domainOutput("dev", { cache: { enabled: false } }, "cache"), undefined);
    });
});
