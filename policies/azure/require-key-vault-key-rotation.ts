import { resourcePolicy } from "../lib/define";
import { durationDays, list } from "../lib/props";

/** Keys rotate automatically, at least yearly. */
export const policy = resourcePolicy({
    name: "require-key-vault-key-rotation",
    description: "Key Vault keys must have a rotation policy that rotates at least every 365 days.",
    metadata: {
        cloud: "azure", service: "keyvault", severity: "medium", topic: "security", principle: "key-rotation",
        remediation: "set properties.rotationPolicy.lifetimeActions [{ action: { type: \"rotate\" }, trigger: { timeAfterCreate: \"P365D\" } }] (keys.rotationDays)",
        checkov: ["CKV_AZURE_40"],
        resourceTypes: ["azure-native:keyvault:Key"],
    },
    validate: (props, _args, report) => {
        const rotate = list(props.properties?.rotationPolicy?.lifetimeActions)
            .find((a) => String(a.action?.type ?? "").toLowerCase() === "rotate");
        if (!rotate) {
            report("the key has no rotation policy.");
            return;
        }
        const days = durationDays(rotate.trigger?.timeAfterCreate) ?? durationDays(rotate.trigger?.timeBeforeExpiry);
        if (days !== undefined && days > 365 && rotate.trigger?.timeAfterCreate !== undefined) report(`the key rotates after ${days} days, more than 365.`);
    },
});
