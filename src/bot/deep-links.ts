/** Generic over the context so that the context type can name the router without an import cycle. */
export type DeepLinkHandler<C> = (ctx: C, argument: string) => Promise<void>;

/** `/start <prefix>_<argument>` payloads (≤ 64 chars of A-Z a-z 0-9 _ -). */
const PAYLOAD = /^([a-z]+)_([A-Za-z0-9_-]{1,60})$/;

export function parseDeepLink(payload: string): { prefix: string; argument: string } | undefined {
  const match = PAYLOAD.exec(payload.trim());
  if (!match) return undefined;
  return { prefix: match[1] as string, argument: match[2] as string };
}

/** Hands a deep-link payload to the feature that owns its prefix (`p` → catalog, `staff` → invites). */
export class DeepLinkRouter<C> {
  private readonly handlers = new Map<string, DeepLinkHandler<C>>();

  register(prefix: string, handler: DeepLinkHandler<C>): void {
    if (this.handlers.has(prefix)) throw new Error(`deep-link prefix "${prefix}" registered twice`);
    this.handlers.set(prefix, handler);
  }

  /** Returns false when no feature owns the payload. */
  async dispatch(ctx: C, payload: string): Promise<boolean> {
    const parsed = parseDeepLink(payload);
    if (!parsed) return false;
    const handler = this.handlers.get(parsed.prefix);
    if (!handler) return false;
    await handler(ctx, parsed.argument);
    return true;
  }
}
