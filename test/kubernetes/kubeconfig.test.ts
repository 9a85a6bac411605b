import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { execKubeconfig } from "../../components/kubernetes/kubeconfig";

const text = (o: pulumi.Output<string>) => new Promise<string>((resolve) => o.apply(resolve));

describe("components/kubernetes/kubeconfig", () => {
    it("authenticates through the exec plugin only: no token, no client certificate", async () => {
        const config = JSON.parse(await text(execKubeconfig("c1", "https://api.example", "Q0E=", { command: "aws", args: ["eks", "get-token"] })));
        assert.equal(config["current-context"], "c1");
        assert.equal(config.clusters[0].cluster.server, "https://api.example");
        assert.equal(config.clusters[0].cluster["certificate-authority-data"], "Q0E=");
        assert.deepEqual(Object.keys(config.users[0].user), ["exec"]);
        assert.equal(config.users[0].user.exec.command, "aws");
        assert.deepEqual(config.users[0].user.exec.args, ["eks", "get-token"]);
        assert.equal(config.users[0].user.exec.interactiveMode, "Never");
    });

    it("resolves outputs inside (cluster name, endpoint, plugin arguments)", async () => {
        const config = JSON.parse(await text(execKubeconfig(pulumi.output("c2"), pulumi.output("https://x"), "", { command: "k", args: [pulumi.output("c2")] })));
        assert.equal(config.contexts[0].context.cluster, "c2");
        assert.deepEqual(config.users[0].user.exec.args, ["c2"]);
    });
});
