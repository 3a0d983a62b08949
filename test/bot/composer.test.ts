import type { Context } from 'grammy';
import { describe, expect, it } from 'vitest';
import { Composer } from '../../src/bot/composer.js';

type Ctx = Context & { seen: string[]; n: number };
async function run(composer: Composer<Ctx>, n: number): Promise<string[]> {
  const ctx = { seen: [], n } as unknown as Ctx;
  await composer.middleware()(ctx, async () => {
    ctx.seen.push('next');
  });
  return ctx.seen;
}

describe('Composer.filter (built once, decided per update)', () => {
  it('runs the filtered middleware when the predicate holds and passes on when it does not', async () => {
    const composer = new Composer<Ctx>();
    composer.filter(
      (ctx) => ctx.n > 0,
      (ctx) => {
        ctx.seen.push('positive');
      },
    );
    composer.use((ctx, next) => {
      ctx.seen.push('after');
      return next();
    });
    expect(await run(composer, 1)).toEqual(['positive']);
    expect(await run(composer, -1)).toEqual(['after', 'next']);
  });

  it('takes async predicates, and middleware added to the returned composer later', async () => {
    const composer = new Composer<Ctx>();
    const even = composer.filter(async (ctx) => ctx.n % 2 === 0);
    even.use((ctx, next) => {
      ctx.seen.push('even');
      return next();
    });
    expect(await run(composer, 2)).toEqual(['even', 'next']);
    expect(await run(composer, 3)).toEqual(['next']);
  });

  it('is what on/command/callbackQuery use: a message filter skips other updates', async () => {
    const composer = new Composer<Ctx>();
    composer.on('callback_query:data', (ctx) => {
      ctx.seen.push('callback');
    });
    const ctx = { seen: [] as string[], update: { update_id: 1, message: { text: 'hi' } } };
    Object.defineProperty(ctx, 'callbackQuery', { get: () => undefined });
    await composer.middleware()(ctx as unknown as Ctx, async () => {
      ctx.seen.push('next');
    });
    expect(ctx.seen).toEqual(['next']);
  });

  it('keeps grammY order: use, filter and nested composers run in the order they were added', async () => {
    const composer = new Composer<Ctx>();
    const log = (name: string) => (ctx: Ctx, next: () => Promise<void>) => {
      ctx.seen.push(name);
      return next();
    };
    composer.use(log('a'));
    composer.filter((ctx) => ctx.n > 0).use(log('b'), log('c'));
    const nested = new Composer<Ctx>(log('d'));
    nested.filter(() => false, log('never'));
    composer.use(nested);
    composer.use(log('e'));
    expect(await run(composer, 1)).toEqual(['a', 'b', 'c', 'd', 'e', 'next']);
    expect(await run(composer, 0)).toEqual(['a', 'd', 'e', 'next']);
  });

  it("works under grammY's errorBoundary, which calls its use", async () => {
    const composer = new Composer<Ctx>();
    const caught: unknown[] = [];
    composer
      .errorBoundary((err) => {
        caught.push(err.error);
      })
      .filter(
        (ctx) => ctx.n === 7,
        () => {
          throw new Error('boom');
        },
      );
    composer.use((ctx) => {
      ctx.seen.push('after boundary');
    });
    // As in grammY: a caught error ends the update unless the handler calls next.
    expect(await run(composer, 7)).toEqual([]);
    expect(caught).toHaveLength(1);
    expect(await run(composer, 1)).toEqual(['after boundary']);
  });
});

describe('Composer.errorBoundary (the bot error boundary on the flat composer)', () => {
  it('hands an error of its steps to the handler, which may pass the update on', async () => {
    const composer = new Composer<Ctx>();
    const handled: unknown[] = [];
    const guarded = composer.errorBoundary(async (error, next) => {
      handled.push(error.error);
      if (error.ctx.n > 5) await next();
    });
    guarded.use((ctx, next) => {
      ctx.seen.push('guarded');
      if (ctx.n > 0) throw new Error(`boom ${ctx.n}`);
      return next();
    });
    composer.use((ctx, next) => {
      ctx.seen.push('after');
      return next();
    });
    expect(await run(composer, 0)).toEqual(['guarded', 'after', 'next']);
    expect(handled).toEqual([]);
    expect(await run(composer, 1)).toEqual(['guarded']);
    expect(await run(composer, 9)).toEqual(['guarded', 'after', 'next']);
    expect(handled.map(String)).toEqual(['Error: boom 1', 'Error: boom 9']);
  });

  it('an error after the boundary passed the update on is not its to catch', async () => {
    const composer = new Composer<Ctx>();
    const guarded = composer.errorBoundary(() => undefined);
    guarded.use((_ctx, next) => next());
    composer.use(() => {
      throw new Error('outside');
    });
    await expect(run(composer, 1)).rejects.toThrow('outside');
  });
});
