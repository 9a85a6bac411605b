import * as pulumi from "@pulumi/pulumi";

/** The exec credential plugin a kubeconfig user runs to get a short-lived token. */
export interface ExecCredential {
    command: string;
    args?: pulumi.Input<string>[];
    installHint?: string;
    provideClusterInfo?: boolean;
}

/**
 * A kubeconfig for one cluster whose user authenticates with an exec credential plugin (the
 * cloud's CLI), so no static token or client certificate is ever stored: the same shape on every
 * cloud, only the plugin differs.
 */
export function execKubeconfig(clusterName: pulumi.Input<string>, server: pulumi.Input<string>, caData: pulumi.Input<string> | undefined, exec: ExecCredential): pulumi.Output<string> {
    // Without CA data the server's certificate is checked against the system roots (GKE's DNS endpoint).
    const cluster = caData === undefined ? { server } : { server, "certificate-authority-data": caData };
    return pulumi.jsonStringify({
        apiVersion: "v1",
        kind: "Config",
        clusters: [{ name: clusterName, cluster }],
        contexts: [{ name: clusterName, context: { cluster: clusterName, user: clusterName } }],
        "current-context": clusterName,
        users: [{
            name: clusterName,
            user: { exec: { apiVersion: "client.authentication.k8s.io/v1beta1", interactiveMode: "Never", ...exec } },
        }],
    });
}
