/** Markup that is already safe HTML (built by the bot itself) and must not be escaped again. */
export class Html {
  constructor(readonly html: string) {}
  toString(): string {
    return this.html;
  }
}

export const html = (markup: string): Html => new Html(markup);
