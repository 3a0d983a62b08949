import {
  BotError,
  type Context,
  Composer as GrammyComposer,
  type Middleware,
  type MiddlewareFn,
  type NextFunction,
} from 'grammy';

type Predicate<C> = (ctx: C) => boolean | Promise<boolean>;

/** One entry of a composer: middleware, or a filter with the composer it guards. */
type Step<C extends Context> =
  | { run: MiddlewareFn<C>; predicate?: undefined; branch?: undefined }
  | { run?: undefined; predicate: Predicate<C>; branch: Composer<C> };

/** One of ours runs its steps directly; grammY's builds its function per call (it may still grow). */
const toFn = <C extends Context>(middleware: Middleware<C>): MiddlewareFn<C> => {
  if (typeof middleware === 'function') return middleware;
  if (middleware instanceof Composer) return middleware.dispatcher;
  return (ctx, next) => middleware.middleware()(ctx, next);
};

/**
 * grammY's Composer, walked more cheaply per update. grammY nests every `use` into a chain of async
 * closures and runs each `filter` (behind `on`, `command`, `callbackQuery`, `chatType`, `hears`)
 * through `branch` → `lazy`, which builds a new Composer for every filter an update passes, matched
 * or not. With the bot's hundred-odd filters that was a good part of the CPU an update costs. Here a
 * composer keeps a flat list of steps: a filter whose predicate is false is skipped in a loop (no
 * closure, no promise), and a new `next` is made only for a step that runs. Same semantics: steps run
 * in order, a predicate may be async, and middleware added later to a returned composer still runs.
 */
export class Composer<C extends Context> extends GrammyComposer<C> {
  private readonly steps: Step<C>[];
  readonly dispatcher: MiddlewareFn<C> = (ctx, next) => this.from(0, ctx, next);

  constructor(...middleware: Middleware<C>[]) {
    super();
    this.steps = middleware.map((m) => ({ run: toFn(m) }));
  }

  override middleware(): MiddlewareFn<C> {
    return this.dispatcher;
  }

  override use(...middleware: Middleware<C>[]): Composer<C> {
    const composer = new Composer<C>(...middleware);
    this.steps.push({ run: composer.dispatcher });
    return composer;
  }

  // The overloads (type-narrowing predicates) are grammY's; one implementation serves both.
  override filter<D extends C>(predicate: (ctx: C) => ctx is D, ...middleware: Middleware<D>[]): Composer<D>;
  override filter(predicate: Predicate<C>, ...middleware: Middleware<C>[]): Composer<C>;
  override filter(predicate: Predicate<C>, ...middleware: Middleware<C>[]): Composer<C> {
    const branch = new Composer<C>(...middleware);
    this.steps.push({ predicate, branch });
    return branch;
  }

  /**
   * grammY's error boundary on this composer's steps: an error thrown by `middleware` (or what is added
   * to the returned composer) goes to `errorHandler`, which may pass the update on with its `next`.
   */
  override errorBoundary(
    errorHandler: (error: BotError<C>, next: NextFunction) => unknown,
    ...middleware: Middleware<C>[]
  ): Composer<C> {
    const inner = new Composer<C>(...middleware);
    this.steps.push({
      run: async (ctx, next) => {
        let passedOn = false;
        const pass = () => {
          passedOn = true;
          return Promise.resolve();
        };
        try {
          await inner.from(0, ctx, pass);
        } catch (error) {
          passedOn = false;
          await errorHandler(new BotError<C>(error, ctx), pass);
        }
        if (passedOn) await next();
      },
    });
    return inner;
  }

  /**
   * Runs the steps from `index` on; `next` once they all passed the update on. Not an `async`
   * function: a step's own promise is handed back as it is (an async wrapper would add a promise and
   * a microtask per step on every update); a synchronous throw still comes back as a rejection.
   */
  private from(index: number, ctx: C, next: NextFunction): Promise<void> {
    try {
      for (let i = index; i < this.steps.length; i++) {
        const step = this.steps[i] as Step<C>;
        if (step.run)
          return Promise.resolve(step.run(ctx, () => this.from(i + 1, ctx, next))) as Promise<void>;
        const matched = step.predicate(ctx);
        if (matched instanceof Promise) {
          return matched.then((yes) =>
            yes ? step.branch.from(0, ctx, () => this.from(i + 1, ctx, next)) : this.from(i + 1, ctx, next),
          );
        }
        if (matched) return step.branch.from(0, ctx, () => this.from(i + 1, ctx, next));
      }
      return next();
    } catch (error) {
      return Promise.reject(error);
    }
  }
}
