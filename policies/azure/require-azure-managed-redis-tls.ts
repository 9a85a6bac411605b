import { resourcePolicy } from "../lib/define";

const CLUSTER = "azure-native:redisenterprise:RedisEnterprise";
const DATABASE = "azure-native:redisenterprise:Database";

/** Clients speak TLS 1.2 or later to the cache; the database never serves plaintext. */
export const policy = resourcePolicy({
    name: "require-azure-managed-redis-tls",
    description: "Azure Managed Redis clusters must require TLS 1.2 and their databases must use the encrypted client protocol.",
    metadata: {
        cloud: "azure", service: "redisenterprise", severity: "high", topic: "security", principle: "encryption-in-transit",
        remediation: "set minimumTlsVersion 1.2 on the cluster and clientProtocol Encrypted (the default) on the database",
        checkov: [],
        resourceTypes: [CLUSTER, DATABASE],
    },
    validate: (props, args, report) => {
        if (args.type === CLUSTER && !["1.2", "1.3"].includes(props.minimumTlsVersion)) {
            report(`minimumTlsVersion is ${props.minimumTlsVersion ?? "unset"}, needs 1.2.`);
        }
        if (args.type === DATABASE && props.clientProtocol === "Plaintext") report("the database's clientProtocol is Plaintext.");
    },
});
