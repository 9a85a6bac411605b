import { parse } from "yaml";

/** The Entra ID application of the AKS API server (the same in every tenant): kubelogin's `--server-id`. */
export const AKS_ENTRA_SERVER_APP_ID = "6dae42f8-4368-4678-94ff-3960e28e3630";

interface KubeconfigCluster {
    name: string;
    cluster: { server: string; "certificate-authority-data"?: string };
}

/**
 * A kubeconfig for an Entra-integrated AKS cluster that authenticates with `kubelogin` (exec
 * credential plugin, Azure CLI login by default; kubelogin's `AAD_LOGIN_METHOD` variable picks
 * another, e.g. `workloadidentity` in CI). Built from the cluster user credential's server and CA;
 * it never holds a token or the admin credential.
 */
export function aksKubeconfig(userCredentialBase64: string, contextName: string): string {
    const cluster = credentialCluster(userCredentialBase64, contextName);
    const config = {
        apiVersion: "v1",
        kind: "Config",
        clusters: [{ name: contextName, cluster: cluster.cluster }],
        users: [{
            name: `${contextName}-entra`,
            user: {
                exec: {
                    apiVersion: "client.authentication.k8s.io/v1beta1",
                    command: "kubelogin",
                    args: ["get-token", "--login", "azurecli", "--server-id", AKS_ENTRA_SERVER_APP_ID],
                    interactiveMode: "Never",
                    provideClusterInfo: false,
                },
            },
        }],
        contexts: [{ name: contextName, context: { cluster: contextName, user: `${contextName}-entra` } }],
        "current-context": contextName,
    };
    return JSON.stringify(config);
}

/** The API server URL of an AKS credential (the private FQDN for a private cluster). */
export function aksServer(userCredentialBase64: string, contextName: string): string {
    return credentialCluster(userCredentialBase64, contextName).cluster.server;
}

function credentialCluster(userCredentialBase64: string, contextName: string): KubeconfigCluster {
    const source = parse(Buffer.from(userCredentialBase64, "base64").toString("utf8")) as { clusters?: KubeconfigCluster[] };
    const cluster = source.clusters?.[0];
    if (!cluster?.cluster?.server) throw new Error(`AKS user credential for ${contextName} has no cluster server`);
    return cluster;
}
