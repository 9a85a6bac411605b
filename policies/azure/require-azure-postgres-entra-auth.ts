import { resourcePolicy } from "../lib/define";
import { isSet } from "../lib/props";

/** Applications sign in with their Entra workload identity; no administrator password exists. */
export const policy = resourcePolicy({
    name: "require-azure-postgres-entra-auth",
    description: "PostgreSQL flexible servers must use Microsoft Entra authentication only and take no administrator password.",
    metadata: {
        cloud: "azure", service: "dbforpostgresql", severity: "critical", topic: "security", principle: "no-plaintext-secrets",
        remediation: "set authConfig { activeDirectoryAuth: Enabled, passwordAuth: Disabled } and drop administratorLoginPassword",
        checkov: [],
        resourceTypes: ["azure-native:dbforpostgresql:Server"],
    },
    validate: (props, _args, report) => {
        if (isSet(props, "administratorLoginPassword")) report("administratorLoginPassword is set as an input.");
        if (props.createMode === "Replica") return;
        const auth = props.authConfig ?? {};
        if (auth.activeDirectoryAuth !== "Enabled") report("authConfig.activeDirectoryAuth is not Enabled.");
        if (auth.passwordAuth !== "Disabled") report("authConfig.passwordAuth is not Disabled.");
    },
});
