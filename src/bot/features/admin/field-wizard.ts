import { InlineKeyboard } from 'grammy';
import type { MessageKey } from '../../../text/i18n.js';
import { stillAdmin } from '../../access.js';
import type { BotContext } from '../../context.js';
import type { Dialog } from '../../dialog.js';
import { callbackTarget, retirePressedKeyboard, type Screen, showScreen } from '../../ui/screen.js';

/**
 * The scaffolding the admin panel's record wizards share (products, promo codes): a creation
 * dialog that asks each field in turn, refuses a bad answer with the reason and asks again, shows
 * a preview with Save / Cancel, and an edit dialog that changes one field of a saved record.
 * The record's own rules (questions, parsing, saving) come from its {@link WizardSpec}.
 */

/** A parsed answer: the draft's new values, or why it was refused. */
export type Answer<Draft> = { ok: true; patch: Partial<Draft> } | { ok: false; refusal: string };

/** What a message carried, for a field's parser. */
export interface Reply {
  text?: string | undefined;
  /** The largest size of a sent photo. */
  photo?: string | undefined;
}

export type WizardMode = 'new' | 'edit';

/** Where the user is: a field of the creation draft, or the one field of a record being edited. */
export type WizardPosition<Field, Draft> =
  | { mode: 'new'; field: Field; draft: Draft }
  | { mode: 'edit'; field: Field; id: number; screen?: number | undefined };

/** The outcome of saving a draft or an edit: the record, or the field to ask again and why. */
export type SaveResult<Field, Entity> =
  | { ok: true; entity: Entity }
  | { ok: false; gone: true }
  | { ok: false; gone?: false; field: Field; refusal: string };

/** What the wizard needs of a dialog whose steps and data it does not know. */
export interface DialogHandle {
  isIn(ctx: BotContext): boolean;
  end(ctx: BotContext): Promise<void>;
  prompt(ctx: BotContext, screen: Screen): Promise<void>;
}

/** How one wizard's edit dialog stores the record and field being edited. */
export interface EditDialog<Field> {
  dialog: DialogHandle;
  /** `screen`: the message of the record's screen the edit was opened from, redrawn once saved. */
  start(ctx: BotContext, id: number, field: Field, screen?: number): Promise<void>;
  read(ctx: BotContext): { id: number; field: Field; screen?: number | undefined } | undefined;
}

/**
 * The edit dialog of a wizard whose one step `value` keeps the field being edited as a short code
 * (callback data and session stay small): `codeOf` and `fieldOf` translate both ways.
 */
export function codedEditDialog<Field extends string, Code extends string>(
  dialog: Dialog<'value', { id: number; field: Code; screen?: number | undefined }>,
  codeOf: Readonly<Record<Field, Code>>,
  fieldOf: Readonly<Record<Code, Field>>,
): EditDialog<Field> {
  return {
    dialog,
    start: (ctx, id, field, screen) =>
      dialog.start(ctx, 'value', { id, field: codeOf[field], ...(screen ? { screen } : {}) }),
    read(ctx) {
      const data = dialog.read(ctx)?.data;
      return data && { id: data.id, field: fieldOf[data.field], screen: data.screen };
    },
  };
}

export interface WizardSpec<Field extends string, Final extends string, Draft, Entity> {
  /** The creation dialog: one step per field, then `final` (the preview). */
  create: Dialog<Field | Final, Draft>;
  final: Final;
  /** The fields in the order they are asked, each with the draft keys it fills. */
  fields: Readonly<Record<Field, readonly (keyof Draft)[]>>;
  edit: EditDialog<Field>;
  /** Answers known before the first question (a picker with one choice): those fields are not asked. */
  prefill?(ctx: BotContext): Promise<Partial<Draft>>;
  /** Fields answered by buttons only (a picker): a typed message there is pointed at the buttons. */
  buttonFields?: readonly Field[];
  /** Callback data of Cancel: the wizard's own, or back to the record being edited. */
  cancelData(mode: WizardMode, id?: number): string;
  /** The question of a field and its buttons above Cancel (`page`: a picker's page). */
  question(ctx: BotContext, field: Field, mode: WizardMode, page: number): Promise<Question>;
  /** Validates a message answering `field` (`selfId`: the record being edited). */
  parse(ctx: BotContext, field: Field, reply: Reply, selfId?: number): Promise<Answer<Draft>>;
  /** Shows the complete draft with Save / Cancel; the last screen is the step's prompt. */
  preview(ctx: BotContext, draft: Draft, prompt: (screen: Screen) => Promise<void>): Promise<void>;
  save(ctx: BotContext, draft: Draft): Promise<SaveResult<Field, Entity>>;
  update(ctx: BotContext, id: number, patch: Partial<Draft>): Promise<SaveResult<Field, Entity>>;
  /**
   * The record's own screen, after a save or an edit: in place of the pressed message, or of
   * message `at` (the screen an edit answered by typing was opened from), or as a new message.
   */
  show(ctx: BotContext, entity: Entity, at?: number): Promise<void>;
  /** Translation keys, and the "created" line of a saved record. */
  texts: {
    saved: MessageKey;
    created(ctx: BotContext, entity: Entity): string;
    updated: MessageKey;
    gone: MessageKey;
  };
}

export interface Question {
  text: string;
  buttons?: InlineKeyboard | undefined;
}

/** The wizard built from a spec: what the record's buttons and messages call. */
export interface FieldWizard<Field extends string, Draft> {
  position(ctx: BotContext): WizardPosition<Field, Draft> | undefined;
  startNew(ctx: BotContext): Promise<void>;
  /** Opens the edit of one field; `buttons` go above Cancel on the first question only. */
  startEdit(ctx: BotContext, id: number, field: Field, buttons?: InlineKeyboard): Promise<void>;
  /** An answer to the current field (typed or a button): next field, preview, or the edit saved. */
  accept(ctx: BotContext, patch: Partial<Draft>): Promise<void>;
  /** Another page of the current field's picker, in place of the pressed question. */
  turnPage(ctx: BotContext, page: number): Promise<void>;
  /** Saves the previewed draft (the Save button). */
  save(ctx: BotContext): Promise<void>;
  /** Ends either dialog (Cancel). */
  end(ctx: BotContext): Promise<void>;
  /** Ends the creation dialog only. */
  endNew(ctx: BotContext): Promise<void>;
  /** Ends the edit dialog only (leaving for the record's screen or a list). */
  endEdit(ctx: BotContext): Promise<void>;
  /** The middleware reading typed answers of both dialogs. */
  onMessage(ctx: BotContext, next: () => Promise<void>): Promise<void>;
}

/** Builds a record's wizard from its spec; register its buttons and {@link FieldWizard.onMessage}. */
export function fieldWizard<
  Field extends string,
  Final extends string,
  Draft extends Record<string, unknown>,
  Entity,
>(spec: WizardSpec<Field, Final, Draft, Entity>): FieldWizard<Field, Draft> {
  const order = Object.keys(spec.fields) as Field[];
  const isAnswered = (draft: Draft, field: Field) =>
    spec.fields[field].every((key) => draft[key] !== undefined);
  /** The first field still missing, so a refused or re-asked field never loses what came after it. */
  const nextStep = (draft: Draft): Field | Final =>
    order.find((field) => !isAnswered(draft, field)) ?? spec.final;

  const position = (ctx: BotContext): WizardPosition<Field, Draft> | undefined => {
    const created = spec.create.read(ctx);
    if (created) {
      return created.step === spec.final
        ? undefined
        : { mode: 'new', field: created.step as Field, draft: created.data };
    }
    const edited = spec.edit.read(ctx);
    return edited ? { mode: 'edit', ...edited } : undefined;
  };

  const questionScreen = async (
    ctx: BotContext,
    at: WizardPosition<Field, Draft>,
    refusal?: string,
    page = 0,
    buttons?: InlineKeyboard,
  ): Promise<Screen> => {
    const question = await spec.question(ctx, at.field, at.mode, page);
    const cancel = spec.cancelData(at.mode, at.mode === 'edit' ? at.id : undefined);
    return {
      text: refusal ? `${refusal}\n\n${question.text}` : question.text,
      keyboard: (buttons ?? question.buttons ?? new InlineKeyboard())
        .row()
        .text(ctx.t('admin-btn-cancel'), cancel),
    };
  };

  const prompt = async (ctx: BotContext, at: WizardPosition<Field, Draft>, screen: Screen) => {
    if (at.mode === 'new') await spec.create.prompt(ctx, screen);
    else await spec.edit.dialog.prompt(ctx, screen);
  };

  /** Asks `at`'s field (again, after `refusal`); the previous question loses its buttons. */
  const ask = async (ctx: BotContext, at: WizardPosition<Field, Draft>, refusal?: string) => {
    if (at.mode === 'new') await spec.create.go(ctx, at.field);
    else await spec.edit.start(ctx, at.id, at.field, at.screen);
    await prompt(ctx, at, await questionScreen(ctx, at, refusal));
  };

  const advance = async (ctx: BotContext, draft: Draft, patch: Partial<Draft>) => {
    const step = nextStep(draft);
    await spec.create.go(ctx, step, patch);
    if (step === spec.final) await spec.preview(ctx, draft, (screen) => spec.create.prompt(ctx, screen));
    else
      await spec.create.prompt(ctx, await questionScreen(ctx, { mode: 'new', field: step as Field, draft }));
  };

  const applyEdit = async (
    ctx: BotContext,
    at: { id: number; field: Field; screen?: number | undefined },
    patch: Partial<Draft>,
  ) => {
    const { id, field, screen } = at;
    const result = await spec.update(ctx, id, patch);
    if (!result.ok) {
      if (ctx.callbackQuery) await ctx.answerCallbackQuery();
      if (result.gone) {
        await spec.edit.dialog.end(ctx);
        await ctx.reply(ctx.t(spec.texts.gone));
        return;
      }
      await ask(ctx, { mode: 'edit', id, field, screen }, result.refusal);
      return;
    }
    await spec.edit.dialog.end(ctx);
    // The screen the edit was opened from is redrawn, so no second copy of it appears; the answered
    // question (a picker, "no expiry") becomes the "updated" line, as a typed answer gets one.
    // Without that screen (an older stored dialog) the pressed message becomes the record's screen.
    if (ctx.callbackQuery) {
      await ctx.answerCallbackQuery({ text: ctx.t(spec.texts.updated) });
      if (screen === undefined) {
        await spec.show(ctx, result.entity);
        return;
      }
      await showScreen(ctx, { text: ctx.t(spec.texts.updated) });
    } else {
      await ctx.reply(ctx.t(spec.texts.updated));
    }
    await spec.show(ctx, result.entity, screen);
  };

  const wizard: FieldWizard<Field, Draft> = {
    position,
    async startNew(ctx) {
      const draft = { ...(await spec.prefill?.(ctx)) } as Draft;
      const at = { mode: 'new', field: nextStep(draft) as Field, draft } as const;
      await spec.create.start(ctx, at.field, at.draft);
      await prompt(ctx, at, await questionScreen(ctx, at));
    },
    async startEdit(ctx, id, field, buttons) {
      const screen = callbackTarget(ctx)?.messageId;
      await spec.edit.start(ctx, id, field, screen);
      const at = { mode: 'edit', id, field, screen } as const;
      await prompt(ctx, at, await questionScreen(ctx, at, undefined, 0, buttons));
    },
    async accept(ctx, patch) {
      const at = position(ctx);
      if (!at) return;
      if (at.mode === 'edit') {
        await applyEdit(ctx, at, patch);
        return;
      }
      if (ctx.callbackQuery) {
        await ctx.answerCallbackQuery();
        await retirePressedKeyboard(ctx);
      }
      await advance(ctx, { ...at.draft, ...patch }, patch);
    },
    async turnPage(ctx, page) {
      const at = position(ctx);
      if (!at) return;
      await ctx.answerCallbackQuery();
      await showScreen(ctx, await questionScreen(ctx, at, undefined, page));
    },
    async save(ctx) {
      const dialog = spec.create.read(ctx);
      if (!dialog || nextStep(dialog.data) !== spec.final) {
        await ctx.answerCallbackQuery({ text: ctx.t('button-outdated') });
        return;
      }
      const result = await spec.save(ctx, dialog.data);
      if (!result.ok) {
        await ctx.answerCallbackQuery();
        await retirePressedKeyboard(ctx);
        if (result.gone) return;
        // A refused field (e.g. the title was taken meanwhile) is asked again; the rest is kept.
        const cleared = { ...dialog.data };
        for (const key of spec.fields[result.field]) delete cleared[key];
        const at = { mode: 'new', field: result.field, draft: cleared } as const;
        await spec.create.start(ctx, at.field, at.draft);
        await prompt(ctx, at, await questionScreen(ctx, at, result.refusal));
        return;
      }
      await spec.create.end(ctx);
      await ctx.answerCallbackQuery({ text: ctx.t(spec.texts.saved) });
      // The record's screen takes the preview's place first, then "created" follows it: the same
      // order whether the preview was a photo (replaced) or text (edited in place).
      await spec.show(ctx, result.entity);
      await ctx.reply(spec.texts.created(ctx, result.entity));
    },
    async end(ctx) {
      await spec.create.end(ctx);
      await spec.edit.dialog.end(ctx);
    },
    endNew: (ctx) => spec.create.end(ctx),
    endEdit: (ctx) => spec.edit.dialog.end(ctx),
    async onMessage(ctx, next) {
      const inWizard = spec.create.isIn(ctx) || spec.edit.dialog.isIn(ctx);
      if (!inWizard || ctx.message?.text?.startsWith('/')) return next();
      if (!(await stillAdmin(ctx))) return;
      if (spec.create.isIn(ctx, spec.final)) {
        await ctx.reply(ctx.t('admin-wizard-use-buttons'));
        return;
      }
      const at = position(ctx);
      if (!at) return next();
      if (spec.buttonFields?.includes(at.field)) {
        await ctx.reply(ctx.t('admin-wizard-use-buttons'));
        return;
      }
      const reply = { text: ctx.message?.text, photo: ctx.message?.photo?.at(-1)?.file_id };
      const answer = await spec.parse(ctx, at.field, reply, at.mode === 'edit' ? at.id : undefined);
      if (!answer.ok) await ask(ctx, at, answer.refusal);
      else if (at.mode === 'edit') await applyEdit(ctx, at, answer.patch);
      else await advance(ctx, { ...at.draft, ...answer.patch }, answer.patch);
    },
  };
  return wizard;
}

/** The refusal of a message without text where text is asked for. */
export const needText = <Draft>(ctx: BotContext): Answer<Draft> => ({
  ok: false,
  refusal: ctx.t('admin-wizard-need-text'),
});
