/** Every message id in `<root>/locales/ru/*.ftl`, sorted, each once. */
export function localeKeys(root?: string): string[];

/** The content of src/text/locale-keys.ts for these ids. */
export function renderLocaleKeys(keys: readonly string[]): string;
