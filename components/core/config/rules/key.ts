/** The project's config namespace: every key is reported as `landing-zone:<path>`. */
export const CONFIG_NAMESPACE = "landing-zone";

export function key(path: string): string {
    return `${CONFIG_NAMESPACE}:${path}`;
}
