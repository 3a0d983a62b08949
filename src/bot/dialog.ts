import type { z } from 'zod';
import type { BotContext, DialogState } from './context.js';
import { retireKeyboardAt, type Screen, sendScreen } from './ui/screen.js';

/**
 * Explicit, persisted dialogs (rather than the conversations plugin's replay): one small JSON object
 * per chat in the sessions table, `{ name, step, data, prompt }`, so a restart mid-dialog loses
 * nothing and the next message continues from the stored step.
 *
 * A feature declares each of its dialogs once with {@link defineDialog}: its name, its steps, which
 * steps read the next free text as the answer, and the schema of its data. Nothing outside the
 * feature names a step; data that no longer fits the schema (saved by an older version) ends the
 * dialog cleanly instead of crashing.
 */

export interface DialogOptions<Step extends string, Data> {
  steps: readonly Step[];
  /** Steps whose answer is the next free text (an email, a title): a command there ends the dialog. */
  freeText: readonly Step[];
  data: z.ZodType<Data>;
  /** A dialog of the admin panel (a wizard, the advertising compose): opening /admin again ends it. */
  adminPanel?: boolean;
  /**
   * What the user is told when a command typed at a free-text step ends the dialog (the command
   * then runs), so that nothing they started disappears without a word; without it the dialog
   * ends quietly.
   */
  interrupted?: (ctx: BotContext, data: Data) => Screen | Promise<Screen>;
}

export interface Dialog<Step extends string, Data> {
  readonly name: string;
  readonly steps: readonly Step[];
  readonly adminPanel: boolean;
  /** True when the user's next free text at `step` is read as the answer. */
  readsFreeText(step: string): boolean;
  /** Starts (or restarts) the dialog at `step`. */
  start(ctx: BotContext, step: Step, data: Data): Promise<void>;
  /** The dialog's step and validated data, if the user is in it. */
  read(ctx: BotContext): { step: Step; data: Data } | undefined;
  /** Moves to `step`, merging `patch` into the data; the previous prompt's keyboard is retired. */
  go(ctx: BotContext, step: Step, patch?: Partial<Data>): Promise<void>;
  /** Ends the dialog; its last prompt's keyboard is retired. */
  end(ctx: BotContext): Promise<void>;
  /** Ends the dialog because a command took over, with the dialog's word about it (if any). */
  interrupt(ctx: BotContext): Promise<void>;
  /** Whether the user is in this dialog (at one of `steps`, when given). */
  isIn(ctx: BotContext, ...steps: Step[]): boolean;
  /** Filter for this dialog's free-text answers (at `steps`, when given): commands still reach their handlers. */
  answers(...steps: Step[]): (ctx: BotContext) => boolean;
  /**
   * Sends the prompt of the current step and remembers it, so that its keyboard is retired once the
   * step is answered.
   */
  prompt(ctx: BotContext, screen: Screen): Promise<void>;
}

const dialogs = new Map<string, Dialog<string, unknown>>();

/** The definition of a stored dialog, by name (undefined for a name no feature defines). */
export const dialogNamed = (name: string): Dialog<string, unknown> | undefined => dialogs.get(name);

/** True when the stored dialog reads the user's next free text as an answer. */
export function readsFreeText(state: DialogState | undefined): boolean {
  return state !== undefined && (dialogNamed(state.name)?.readsFreeText(state.step) ?? false);
}

/** True when the stored dialog belongs to the admin panel. */
export function isAdminPanelDialog(state: DialogState | undefined): boolean {
  return state !== undefined && (dialogNamed(state.name)?.adminPanel ?? false);
}

/**
 * Prompts answered by a button of their own in this update: the handler may still draw on that
 * message (edit it into the next screen), so its keyboard is retired only if a new prompt is sent.
 */
const pressedPrompts = new WeakMap<BotContext, number>();

/**
 * Retires the keyboard of the stored prompt. The message whose button is being pressed is left to
 * the handler, unless the dialog then sends its next prompt as a new message (see `prompt`).
 */
async function retirePrompt(ctx: BotContext, state: DialogState | undefined): Promise<void> {
  const prompt = state?.prompt;
  const chatId = ctx.chat?.id;
  if (prompt === undefined || chatId === undefined) return;
  if (ctx.callbackQuery?.message?.message_id === prompt) {
    pressedPrompts.set(ctx, prompt);
    return;
  }
  await retireKeyboardAt(ctx.api, chatId, prompt, ctx.log);
}

export function defineDialog<const Step extends string, Data extends Record<string, unknown>>(
  name: string,
  options: DialogOptions<Step, Data>,
): Dialog<Step, Data> {
  if (dialogs.has(name)) throw new Error(`dialog "${name}" defined twice`);
  const freeText = new Set<string>(options.freeText);
  const stepSet = new Set<string>(options.steps);
  const current = (ctx: BotContext): DialogState | undefined =>
    ctx.session.dialog?.name === name ? ctx.session.dialog : undefined;

  const dialog: Dialog<Step, Data> = {
    name,
    steps: options.steps,
    adminPanel: options.adminPanel ?? false,
    readsFreeText: (step) => freeText.has(step),
    async start(ctx, step, data) {
      const previous = ctx.session.dialog;
      ctx.session.dialog = { name, step, data };
      await retirePrompt(ctx, previous);
    },
    read(ctx) {
      const state = current(ctx);
      if (!state) return undefined;
      const parsed = options.data.safeParse(state.data);
      if (!parsed.success || !stepSet.has(state.step)) {
        ctx.session.dialog = undefined;
        return undefined;
      }
      return { step: state.step as Step, data: parsed.data };
    },
    async go(ctx, step, patch = {}) {
      const state = current(ctx);
      if (!state) throw new Error(`dialog "${name}" is not open`);
      ctx.session.dialog = { name, step, data: { ...state.data, ...patch } };
      await retirePrompt(ctx, state);
    },
    async end(ctx) {
      const state = current(ctx);
      if (!state) return;
      ctx.session.dialog = undefined;
      await retirePrompt(ctx, state);
    },
    async interrupt(ctx) {
      const state = dialog.read(ctx);
      await dialog.end(ctx);
      if (state && options.interrupted) await sendScreen(ctx, await options.interrupted(ctx, state.data));
    },
    isIn(ctx, ...steps) {
      const state = current(ctx);
      return state !== undefined && (steps.length === 0 || (steps as string[]).includes(state.step));
    },
    answers:
      (...steps) =>
      (ctx) =>
        dialog.isIn(ctx, ...steps) && !ctx.message?.text?.startsWith('/'),
    async prompt(ctx, screen) {
      const message = await sendScreen(ctx, screen);
      const state = current(ctx);
      if (state) ctx.session.dialog = { ...state, prompt: message.message_id };
      // The pressed prompt was answered and the next one is below it: only the new one stays live.
      const pressed = pressedPrompts.get(ctx);
      pressedPrompts.delete(ctx);
      if (pressed !== undefined && ctx.chat) await retireKeyboardAt(ctx.api, ctx.chat.id, pressed, ctx.log);
    },
  };
  dialogs.set(name, dialog as unknown as Dialog<string, unknown>);
  return dialog;
}

/**
 * Ends the open dialog because a command typed at one of its free-text steps takes over: the
 * dialog says what became of it (see {@link DialogOptions.interrupted}), then the command runs.
 */
export async function interruptDialog(ctx: BotContext): Promise<void> {
  const state = ctx.session.dialog;
  const definition = state && dialogNamed(state.name);
  if (definition) await definition.interrupt(ctx);
  else await endAnyDialog(ctx);
}

/** Ends whatever dialog is open (/cancel, a new /admin); its prompt's keyboard is retired. */
export async function endAnyDialog(ctx: BotContext): Promise<void> {
  const state = ctx.session.dialog;
  ctx.session.dialog = undefined;
  await retirePrompt(ctx, state);
}
