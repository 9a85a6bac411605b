/**
 * Runs a Pulumi program on the SDK's mock runtime and records what the engine would be asked to
 * do: every resource with its type, logical name, parent, inputs, options and dependencies.
 *
 * It behaves like a preview by default (design.md §5): a resource's state is its inputs, so every
 * computed output (ids, ARNs, endpoints) is unknown and `apply` callbacks on them do not run.
 * `fabricateOutputs` instead hands back made-up ids and ARNs, like an update would. Resource and
 * stack transforms run here, in the order the engine runs them, because the SDK's mock monitor
 * leaves them to the engine.
 */
import * as pulumi from "@pulumi/pulumi";
import { deserializeProperties, serializeProperties } from "@pulumi/pulumi/runtime/rpc";
import * as settings from "@pulumi/pulumi/runtime/settings";
import * as resproto from "@pulumi/pulumi/proto/resource_pb";
import * as structproto from "google-protobuf/google/protobuf/struct_pb";

/** The engine's marker for a value that is only known after deploy. */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
/** The engine's signature key of a secret value: `{ [SECRET_SIG]: SECRET_SIG_VALUE, value }`. */
export const SECRET_SIG = "4dabf18193072939515e22adb298388d";
const SECRET_SIG_VALUE = "1b47061264138c4ac30d75fd1eb44270";

export interface RecordedResource {
    urn: string;
    type: string;
    name: string;
    custom: boolean;
    /** Parent URN (the stack's own resource for top-level resources). */
    parent?: string;
    /** Inputs as the engine receives them: unknowns as `UNKNOWN`, secrets wrapped with `SECRET_SIG`. */
    inputs: Record<string, unknown>;
    protect: boolean;
    retainOnDelete: boolean;
    deleteBeforeReplace: boolean;
    ignoreChanges: string[];
    /** URNs this resource depends on (explicit `dependsOn` and those implied by its inputs). */
    dependencies: string[];
    /** Provider reference (`urn::id`) when one was set explicitly or inherited. */
    provider?: string;
    aliases: unknown[];
}

export interface RunOptions {
    project?: string;
    stack: string;
    /** Full config keys (`landing-zone:layer`, `aws:region`) to raw string values, as the engine passes them. */
    config: Record<string, string>;
    secretKeys?: string[];
    /** Preview (default): computed outputs are unknown. */
    preview?: boolean;
    /** Outputs of referenced stacks, by stack name, in wire form (see `wireOutputs`). */
    stackReferences?: Record<string, Record<string, unknown>>;
    /** Result of data-source invokes, by token; by default an invoke returns its arguments. */
    invokes?: Record<string, (args: Record<string, unknown>) => Record<string, unknown>>;
    /**
     * Receives each `pulumi.log.warn` of the program (without an engine the SDK prints it to stderr
     * as `warning: [runtime] ...`, detached from the stack it belongs to).
     */
    onWarning?: (message: string) => void;
}

export interface RunResult {
    resources: RecordedResource[];
    /** Stack outputs in wire form (unknowns as `UNKNOWN`, secrets signed). */
    outputs: Record<string, unknown>;
}

type Transform = (args: pulumi.ResourceTransformArgs) => Promise<pulumi.ResourceTransformResult | undefined> | pulumi.ResourceTransformResult | undefined;

/**
 * GCP resources whose id is a resource path that code (or a referencing stack) parses: the id the
 * provider sets, built from the inputs (the KMS ring's location, a key's ring).
 */
const GCP_PATH_IDS: Partial<Record<string, (inputs: Record<string, unknown>) => string>> = {
    "gcp:kms/keyRing:KeyRing": (i) => `projects/${String(i.project)}/locations/${String(i.location)}/keyRings/${String(i.name)}`,
    "gcp:kms/cryptoKey:CryptoKey": (i) => `${String(i.keyRing)}/cryptoKeys/${String(i.name)}`,
    "gcp:cloudbuildv2/repository:Repository": (i) =>
        `projects/${String(i.project)}/locations/${String(i.location)}/connections/${String(i.parentConnection)}/repositories/${String(i.name)}`,
};

/** Made-up but well-formed outputs for a fabricated (update-like) run. */
/**
 * The id a resource gets in a fabricated run. Azure ids are ARM paths (code parses them), so they
 * get that shape; so do the GCP ids that are resource paths, when the inputs are given.
 */
export function fabricatedId(resource: { type: string; name: string; inputs?: Record<string, unknown> }): string {
    if (resource.type.startsWith("azure-native:")) {
        return `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/${resource.type.split(":")[1]}/${resource.name}`;
    }
    const path = GCP_PATH_IDS[resource.type];
    return path && resource.inputs ? path(resource.inputs) : `${resource.name}-id`;
}

function fabricatedState(type: string, name: string, inputs: Record<string, unknown>): { id: string; state: Record<string, unknown> } {
    const pkg = type.split(":")[0];
    const id = fabricatedId({ type, name, inputs });
    const state: Record<string, unknown> = { ...inputs, id };
    if (pkg === "aws") {
        state.arn = `arn:aws:${type.split(":")[1].split("/")[0]}:eu-west-1:123456789012:${name}`;
    }
    if (pkg === "gcp") {
        state.selfLink = `https://www.googleapis.com/${name}`;
    }
    if (type === "aws:rds/instance:Instance") {
        // RDS names the instance's host after its identifier.
        state.address = `${String(inputs.identifier ?? name)}.c0example0.eu-west-1.rds.amazonaws.com`;
        state.endpoint = `${String(state.address)}:${String(inputs.port ?? 5432)}`;
    }
    if (type === "aws:rds/instance:Instance" && inputs.manageMasterUserPassword === true) {
        // RDS creates the managed master secret and reports it on the instance.
        state.masterUserSecrets = [{ secretArn: `arn:aws:secretsmanager:eu-west-1:123456789012:secret:rds!${name}`, secretStatus: "active", kmsKeyId: inputs.masterUserSecretKmsKeyId }];
    }
    if (type === "azure-native:redisenterprise:RedisEnterprise") {
        // Azure Managed Redis names its host after the cluster and region.
        state.hostName = `${String(inputs.clusterName)}.${String(inputs.location)}.redis.azure.net`;
    }
    // azure-native takes a resource's name as `<resource>Name` (networkWatcherName) and reports it as `name`.
    const azureName = pkg === "azure-native" ? inputs[`${type.split(":")[2].charAt(0).toLowerCase()}${type.split(":")[2].slice(1)}Name`] : undefined;
    state.name = inputs.name ?? azureName ?? name;
    return { id, state };
}

/** The run in progress: the SDK's runtime (mocks, config, stack) is global, so runs take turns. */
let running: Promise<unknown> = Promise.resolve();

/**
 * Runs `program` (which registers resources and returns the stack outputs) on the mock runtime.
 * Safe to call repeatedly in one process: each run installs a new mock monitor and config. Runs
 * started at once (e.g. `Promise.all` over stacks) are queued, one after the other: two programs
 * on the one global runtime would register into each other's monitor.
 */
export function runOnMocks(program: () => unknown, options: RunOptions): Promise<RunResult> {
    const run = running.then(() => runAlone(program, options));
    running = run.catch(() => undefined);
    return run;
}

async function runAlone(program: () => unknown, options: RunOptions): Promise<RunResult> {
    const preview = options.preview ?? true;
    const stackTransforms: Transform[] = [];
    const references = options.stackReferences ?? {};
    const mocks: pulumi.runtime.Mocks = {
        newResource(args) {
            if (args.type === "pulumi:pulumi:StackReference") {
                const stackName = String(args.inputs.name ?? args.name);
                const outputs = references[stackName];
                if (!outputs) throw new Error(`no planned stack "${stackName}" to reference (plan it first)`);
                return { id: stackName, state: { name: stackName, outputs, secretOutputNames: [] } };
            }
            if (preview) return { id: undefined, state: args.inputs };
            return fabricatedState(args.type, args.name, args.inputs);
        },
        call(args) {
            const invoke = options.invokes?.[args.token];
            return invoke ? invoke(args.inputs) : args.inputs;
        },
        registerTransform(transform) {
            stackTransforms.push(transform as Transform);
        },
    };

    pulumi.runtime.setAllConfig(options.config, options.secretKeys);
    await pulumi.runtime.setMocks(mocks, options.project ?? "landing-zone", options.stack, preview);
    const monitor = settings.getMonitor() as unknown as {
        transformCallbacks: Map<string, Transform>;
        resources: Map<string, { urn: string; id: string | null; state: unknown }>;
        registerResource(req: RegisterRequest, callback: (err: unknown, res?: unknown) => void): void;
    };
    const recorded: RecordedResource[] = [];
    /** Registrations the engine refuses: the run fails with the first, after the program settles. */
    const failures: Error[] = [];
    // Registration as the engine does it: transforms first, then the provider (here: the mocks),
    // with URNs that carry the whole parent type chain.
    monitor.registerResource = (req, callback) => {
        (async () => {
            const resource = await record(req, monitor.transformCallbacks, stackTransforms);
            // As the engine does: a second registration of one URN fails the whole run.
            if (recorded.some((r) => r.urn === resource.urn)) {
                const duplicate = new Error(`Duplicate resource URN '${resource.urn}'; try giving it a unique name`);
                failures.push(duplicate);
                throw duplicate;
            }
            recorded.push(resource);
            const result = await mocks.newResource({
                type: resource.type,
                name: resource.name,
                inputs: deserializeProperties(req.getObject()!),
                provider: resource.provider,
                custom: resource.custom,
                id: req.getImportid() || undefined,
            });
            const state = await serializeProperties("", result.state);
            monitor.resources.set(resource.urn, { urn: resource.urn, id: result.id ?? null, state });
            const response = new resproto.RegisterResourceResponse();
            response.setUrn(resource.urn);
            response.setId(result.id || "");
            response.setObject(structproto.Struct.fromJavaScript(state));
            return response;
        })().then((response) => callback(null, response), (err) => callback(err));
    };

    // The stack's own output property is unknown in a preview as soon as one output is; keep the
    // program's result to serialise each output on its own.
    let outputs: pulumi.Inputs = {};
    const restore = options.onWarning ? captureWarnings(options.onWarning) : () => undefined;
    try {
        await pulumi.runtime.runInPulumiStack(async () => (outputs = (await program()) as pulumi.Inputs));
        await settings.disconnect();
    } finally {
        restore();
    }
    if (failures.length > 0) throw failures[0];
    const wire = (await pulumi.runtime.serializeProperties("outputs", outputs)) as Record<string, unknown>;
    return { resources: recorded, outputs: wire };
}

const RUNTIME_WARNING = "warning: [runtime] ";

/** Routes the SDK's engine-less warnings to `sink` until the returned function is called. */
function captureWarnings(sink: (message: string) => void): () => void {
    const original = console.warn;
    console.warn = (...args: unknown[]) => {
        const text = args.map(String).join(" ");
        if (text.startsWith(RUNTIME_WARNING)) sink(text.slice(RUNTIME_WARNING.length));
        else original(...args);
    };
    return () => {
        console.warn = original;
    };
}

interface RegisterRequest {
    getType(): string;
    getName(): string;
    getParent(): string;
    getCustom(): boolean;
    getProtect(): boolean;
    getRetainondelete(): boolean;
    getDeletebeforereplace(): boolean;
    getIgnorechangesList(): string[];
    getDependenciesList(): string[];
    getProvider(): string;
    getAliasesList(): { toObject(): unknown }[];
    getObject(): structproto.Struct | undefined;
    setObject(value: structproto.Struct): void;
    setProtect(value: boolean): void;
    getTransformsList(): { getToken(): string }[];
    getImportid(): string;
}

async function record(req: RegisterRequest, callbacks: Map<string, Transform>, stackTransforms: Transform[]): Promise<RecordedResource> {
    const type = req.getType();
    const name = req.getName();
    let inputs = (req.getObject()?.toJavaScript() ?? {}) as Record<string, unknown>;
    let protect = req.getProtect();
    // The engine runs a resource's own transforms, then the stack's, on the wire-form inputs.
    const own = req.getTransformsList().map((t) => callbacks.get(t.getToken())).filter((t): t is Transform => !!t);
    if (type !== "pulumi:pulumi:Stack") {
        for (const transform of [...own, ...stackTransforms]) {
            const result = await transform({ type, name, custom: req.getCustom(), props: inputs, opts: { protect } });
            if (!result) continue;
            inputs = result.props as Record<string, unknown>;
            if (result.opts?.protect !== undefined) protect = !!result.opts.protect;
        }
        inputs = withoutUndefined(inputs) as Record<string, unknown>;
        req.setObject(structproto.Struct.fromJavaScript(inputs as Record<string, structproto.JavaScriptValue>));
        req.setProtect(protect);
    }
    const parent = req.getParent() || undefined;
    return {
        urn: urnOf(parent, type, name),
        type,
        name,
        custom: req.getCustom(),
        parent,
        inputs,
        protect,
        retainOnDelete: req.getRetainondelete(),
        deleteBeforeReplace: req.getDeletebeforereplace(),
        ignoreChanges: req.getIgnorechangesList(),
        dependencies: req.getDependenciesList(),
        provider: req.getProvider() || undefined,
        aliases: req.getAliasesList().map((a) => a.toObject()),
    };
}

/** Transforms may leave `undefined` values, which the wire format has no word for: drop them. */
function withoutUndefined(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(withoutUndefined);
    if (typeof value === "object" && value !== null) {
        return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, withoutUndefined(v)]));
    }
    return value;
}

/** The URN the engine gives a resource (the stack resource's type is not part of its children's). */
export function urnOf(parentUrn: string | undefined, type: string, name: string): string {
    let qualified = type;
    if (parentUrn) {
        const parentType = parentUrn.split("::")[2].split("$").pop()!;
        if (parentType !== "pulumi:pulumi:Stack") qualified = `${parentUrn.split("::")[2]}$${type}`;
    }
    return `urn:pulumi:${settings.getStack()}::${settings.getProject()}::${qualified}::${name}`;
}

export function isUnknown(value: unknown): boolean {
    return value === UNKNOWN;
}

export function isSecret(value: unknown): value is { value: unknown } {
    return typeof value === "object" && value !== null && (value as Record<string, unknown>)[SECRET_SIG] === SECRET_SIG_VALUE;
}

/** Wire form to a readable value: unknowns and secrets spelled out, nothing secret revealed. */
export function displayValue(value: unknown): unknown {
    if (isUnknown(value)) return "(known after deploy)";
    if (isSecret(value)) return "[secret]";
    if (Array.isArray(value)) return value.map(displayValue);
    if (typeof value === "object" && value !== null) {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, displayValue(v)]));
    }
    return value;
}

/** Wire form to plain JS with unknowns as `undefined` and secrets unwrapped (for assertions). */
export function plainValue(value: unknown): unknown {
    if (isUnknown(value)) return undefined;
    if (isSecret(value)) return plainValue(value.value);
    if (Array.isArray(value)) return value.map(plainValue);
    if (typeof value === "object" && value !== null) {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plainValue(v)]));
    }
    return value;
}
