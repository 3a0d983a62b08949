/**
 * Browser-test helpers: the real sandbox (emulator + page + the bot through startApp and grammY runner
 * polling) in this process on a fresh database and a free port, and Debian's Chromium driven by
 * playwright-core with a fresh profile.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { type RunningApp, startApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import type { DatabaseHandle } from '../../src/db/client.js';
import { createLogger } from '../../src/logger.js';
import { PERSONAS, type Persona } from '../../src/sandbox/personas.js';
import { type Sandbox, startSandbox } from '../../src/sandbox/start.js';
import { createTestDatabase } from '../helpers/db.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = join(process.cwd(), 'test-artifacts');

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface RunningSandbox {
  sandbox: Sandbox;
  app: RunningApp;
  database: DatabaseHandle;
  url: string;
  close(): Promise<void>;
}

/** Starts the sandbox exactly as src/main.ts does, on a fresh database, a temp DATA_DIR and a free port. */
export async function startTestSandbox(): Promise<RunningSandbox> {
  const dataDir = mkdtempSync(join(tmpdir(), 'phx-sandbox-'));
  const config = loadConfig({
    PORT: '0',
    DATA_DIR: dataDir,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
  });
  const logger = createLogger(config.logLevel);
  const database = await createTestDatabase();
  const sandbox = await startSandbox(config, logger, database);
  const app = await startApp(sandbox.config, logger, database, {
    token: sandbox.token,
    apiRoot: sandbox.apiRoot,
    mountHttp: sandbox.mountHttp,
  });
  sandbox.ready({ print: false });
  return {
    sandbox,
    app,
    database,
    url: sandbox.url,
    async close() {
      await app.stop();
      await sandbox.stop();
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Headless Chromium with a fresh profile directory (`timezoneId`: the browser's own time zone). */
export async function launchBrowser(
  viewport = { width: 1200, height: 800 },
  timezoneId?: string,
): Promise<{
  context: BrowserContext;
  close(): Promise<void>;
}> {
  const profile = mkdtempSync(join(tmpdir(), 'phx-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
    ...(timezoneId ? { timezoneId } : {}),
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}

/** The sandbox persona with this username (throws for an unknown one). */
export function personaNamed(username: string): Persona {
  const persona = PERSONAS.find((p) => p.username === username);
  if (!persona) throw new Error(`no sandbox persona @${username}`);
  return persona;
}

/**
 * One sandbox and one Chromium for the test file: started before its tests, closed after them. Read
 * `env.sandbox` and `env.browser` inside tests and hooks.
 */
export function useSandboxInBrowser(
  viewport?: { width: number; height: number },
  timezoneId?: string,
): {
  readonly sandbox: RunningSandbox;
  readonly browser: Awaited<ReturnType<typeof launchBrowser>>;
} {
  let sandbox: RunningSandbox | undefined;
  let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined;
  beforeAll(async () => {
    sandbox = await startTestSandbox();
    browser = await launchBrowser(viewport, timezoneId);
  });
  afterAll(async () => {
    await browser?.close();
    await sandbox?.close();
  });
  return {
    get sandbox() {
      if (!sandbox) throw new Error('the sandbox is not started');
      return sandbox;
    },
    get browser() {
      if (!browser) throw new Error('the browser is not launched');
      return browser;
    },
  };
}

/** The page, driven as a person would: click a persona, type, press buttons. */
export class SandboxPage {
  constructor(
    readonly page: Page,
    /** Uncaught errors of the page's scripts: a test fails if any appear. */
    readonly errors: string[],
  ) {}

  static async open(context: BrowserContext, url: string): Promise<SandboxPage> {
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(url);
    await page.locator('[data-testid="app"][data-ready="true"]').waitFor();
    await page.locator('[data-testid="connection"][data-state="live"]').waitFor();
    return new SandboxPage(page, errors);
  }

  persona(id: number): Locator {
    return this.page.getByTestId(`persona-${id}`);
  }

  async openPersona(id: number): Promise<void> {
    await this.persona(id).click();
    await this.page.locator(`[data-testid="app"][data-chat="${id}"]`).waitFor();
    await this.page.locator('[data-testid="messages"]:not([data-loading])').waitFor({ state: 'attached' });
  }

  /** Presses START in the open chat and waits for the bot's greeting. */
  async startBot(): Promise<void> {
    await this.page.getByTestId('start-button').click();
    await this.botMessage('PHOENIX').waitFor();
  }

  /** Joins the sandbox channel with the header toggle. */
  async joinChannel(): Promise<void> {
    await this.page.getByTestId('toggle-channel').check({ force: true });
    await this.page.locator('[data-testid="toggle-channel"]:checked').waitFor({ state: 'attached' });
  }

  /** Bot messages of the open chat. */
  botMessages(): Locator {
    return this.page.locator('[data-testid="message"][data-sender="bot"]');
  }

  /** The last bot message whose text contains `text`. */
  botMessage(text: string | RegExp): Locator {
    return this.botMessages().filter({ hasText: text }).last();
  }

  async type(text: string): Promise<void> {
    const input = this.page.getByTestId('composer-input');
    await input.fill(text);
    await input.press('Enter');
  }

  /** Runs a command from the persona's command menu (set by the bot with setMyCommands). */
  async command(name: string): Promise<void> {
    await this.page.getByTestId('menu-button').click();
    await this.page.locator(`[data-testid="command-item"][data-command="${name}"]`).click();
  }

  /** Clicks the inline button labelled `label` on the last bot message that has one. */
  async pressButton(label: string | RegExp, within?: Locator): Promise<void> {
    const scope = within ?? this.page.locator('[data-testid="message"]');
    await scope.getByTestId('inline-button').filter({ hasText: label }).last().click();
  }
}
