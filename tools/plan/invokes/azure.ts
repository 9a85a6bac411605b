/**
 * Canned answers for azure data-source invokes during an offline plan, by invoke token. Invokes run
 * for real during `pulumi preview`; offline there is no cloud, so each answer here is a
 * well-formed stand-in (documented ids, no real account). Keep them few: prefer config over lookups.
 */

/** A kubeconfig shaped like AKS's `listClusterUserCredential` (format exec) answer, for the named cluster. */
function userKubeconfig(cluster: string, location: string): string {
    const server = `https://${cluster}-00000000.hcp.${location}.azmk8s.io:443`;
    const ca = Buffer.from("-----BEGIN CERTIFICATE-----\nplaceholder\n-----END CERTIFICATE-----\n").toString("base64");
    return [
        "apiVersion: v1",
        "kind: Config",
        "clusters:",
        `- name: ${cluster}`,
        "  cluster:",
        `    server: ${server}`,
        `    certificate-authority-data: ${ca}`,
        "users:",
        `- name: clusterUser_${cluster}`,
        "  user:",
        "    exec:",
        "      apiVersion: client.authentication.k8s.io/v1beta1",
        "      command: kubelogin",
        "      args: [get-token, --login, devicecode, --server-id, 6dae42f8-4368-4678-94ff-3960e28e3630]",
        "contexts:",
        `- name: ${cluster}`,
        "  context:",
        `    cluster: ${cluster}`,
        `    user: clusterUser_${cluster}`,
        `current-context: ${cluster}`,
        "",
    ].join("\n");
}

export const azureInvokes: Record<string, (args: Record<string, unknown>) => Record<string, unknown>> = {
    // Runs only once the cluster exists (its name is unknown in a preview), i.e. in fabricated runs.
    "azure-native:containerservice:listManagedClusterUserCredentials": (args) => ({
        kubeconfigs: [{
            name: "clusterUser",
            value: Buffer.from(userKubeconfig(String(args.resourceName ?? "aks"), "westeurope")).toString("base64"),
        }],
    }),
};
