import { resourcePolicy } from "../lib/define";
import { list } from "../lib/props";

const LEVELS = ["debug5", "debug4", "debug3", "debug2", "debug1", "info", "notice", "warning", "error"];

/** Each flag and the values that pass (Checkov's CIS PostgreSQL logging checks). */
export const REQUIRED_FLAGS: Record<string, string[]> = {
    "log_checkpoints": ["on"],
    "log_connections": ["on"],
    "log_disconnections": ["on"],
    "log_lock_waits": ["on"],
    "log_hostname": ["on"],
    "cloudsql.enable_pgaudit": ["on"],
    "log_statement": ["ddl", "mod", "all"],
    "log_min_error_statement": LEVELS,
    "log_min_messages": [...LEVELS, "log", "fatal", "panic"],
    "log_temp_files": ["0"],
    // -1 keeps statement text (which can carry data) out of the logs
    "log_min_duration_statement": ["-1"],
};

/** PostgreSQL instances log connections, checkpoints, lock waits, temp files and DDL, and audit with pgAudit. */
export const policy = resourcePolicy({
    name: "configure-cloud-sql-logging-flags",
    description: "Cloud SQL for PostgreSQL instances must set the CIS logging flags (connections, checkpoints, lock waits, hostname, pgAudit, log_statement, error levels, temp files) and keep statement durations off.",
    metadata: {
        cloud: "gcp", service: "sql", severity: "medium", topic: "security", principle: "audit-logging",
        remediation: "add settings.databaseFlags: cloudsql.enable_pgaudit, log_checkpoints, log_connections, log_disconnections, log_hostname, log_lock_waits on; log_statement ddl; log_min_error_statement error; log_min_messages warning; log_temp_files 0; log_min_duration_statement -1",
        checkov: ["CKV_GCP_51", "CKV_GCP_52", "CKV_GCP_53", "CKV_GCP_54", "CKV_GCP_55", "CKV_GCP_56", "CKV_GCP_57", "CKV_GCP_108", "CKV_GCP_109", "CKV_GCP_110", "CKV_GCP_111"],
        resourceTypes: ["gcp:sql/databaseInstance:DatabaseInstance"],
    },
    validate: (props, _args, report) => {
        if (!String(props.databaseVersion ?? "").startsWith("POSTGRES")) return;
        const flags = new Map(list(props.settings?.databaseFlags).map((f) => [String(f.name), String(f.value)]));
        for (const [name, allowed] of Object.entries(REQUIRED_FLAGS)) {
            const value = flags.get(name);
            if (value === undefined) report(`database flag ${name} is unset, needs ${allowed.length > 3 ? `one of ${allowed.slice(0, 3).join(", ")}...` : allowed.join(" or ")}.`);
            else if (!allowed.includes(value)) report(`database flag ${name} is ${value}, needs ${allowed.length > 3 ? "a valid level" : allowed.join(" or ")}.`);
        }
    },
});
