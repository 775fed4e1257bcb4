import { describe, expect, it, vi } from 'vitest';
import { ActionRunner, type ActionHandlers } from '../../../renderer/src/state/action.js';

/** A call the test answers when it chooses, so "while it is on its way" needs no waiting. */
function pendingCall<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function runnerWith<I, R>(handlers: ActionHandlers<I, R>) {
  const runner = new ActionRunner<I, R>(() => handlers);
  const renders = vi.fn();
  runner.subscribe(renders);
  return { runner, renders };
}

describe('a user action', () => {
  it('is busy while its call is on its way and hands the result to the screen when it arrives', async () => {
    const call = pendingCall<string>();
    const onDone = vi.fn();
    const { runner, renders } = runnerWith({ perform: () => call.promise, onDone });

    const run = runner.run('NW-1');
    expect(runner.get()).toEqual({ running: { input: 'NW-1' }, error: null });
    expect(renders).toHaveBeenCalledTimes(1);

    call.resolve('saved');
    await run;
    expect(runner.get()).toEqual({ running: null, error: null });
    expect(onDone).toHaveBeenCalledWith('saved', 'NW-1');
  });

  it('a second click while the first is on its way sends nothing twice', async () => {
    const call = pendingCall<void>();
    const perform = vi.fn(() => call.promise);
    const { runner } = runnerWith({ perform });

    const first = runner.run(undefined);
    await runner.run(undefined);
    call.resolve();
    await first;
    expect(perform).toHaveBeenCalledTimes(1);
    // Once it is back, the button works again.
    await runner.run(undefined);
    expect(perform).toHaveBeenCalledTimes(2);
  });

  it('a refusal is shown in the words and with the remedy the app gave, and the next run clears it', async () => {
    const onError = vi.fn();
    const refusal = Object.assign(new Error('The version 9.9.9 is not in the catalog.'), {
      code: 'UNKNOWN_VERSION',
      remedy: 'Pick a listed version.',
    });
    const perform = vi
      .fn<(input: string) => Promise<void>>()
      .mockRejectedValueOnce(refusal)
      .mockResolvedValueOnce(undefined);
    const { runner } = runnerWith({ perform, onError });

    await runner.run('9.9.9');
    const shown = {
      code: 'UNKNOWN_VERSION',
      message: 'The version 9.9.9 is not in the catalog.',
      remedy: 'Pick a listed version.',
    };
    expect(runner.get()).toEqual({ running: null, error: shown });
    expect(onError).toHaveBeenCalledWith(shown, '9.9.9');

    const retry = runner.run('2.0.0');
    expect(runner.get().error).toBeNull();
    await retry;
    expect(runner.get()).toEqual({ running: null, error: null });
  });

  it('something thrown without words for the user is shown as a plain message, never its internals', async () => {
    const { runner } = runnerWith({ perform: () => Promise.reject('ENOENT: no such file, open /home/x/.hicare') });
    await runner.run(undefined);
    expect(runner.get().error?.message).not.toMatch(/ENOENT|hicare/);
    expect(runner.get().error?.remedy).toMatch(/try again/i);
  });

  it('reset forgets the error once the user changes what failed', async () => {
    const { runner, renders } = runnerWith({ perform: () => Promise.reject(new Error('Refused.')) });
    await runner.run(undefined);
    runner.reset();
    expect(runner.get().error).toBeNull();
    const count = renders.mock.calls.length;
    runner.reset();
    expect(renders).toHaveBeenCalledTimes(count);
  });

  it('a result arriving after the screen closed is dropped', async () => {
    const saved = pendingCall<string>();
    const refused = pendingCall<string>();
    const onDone = vi.fn();
    const onError = vi.fn();
    const done = runnerWith({ perform: () => saved.promise, onDone });
    const failed = runnerWith({ perform: () => refused.promise, onError });
    const detachDone = done.runner.attach();
    const detachFailed = failed.runner.attach();

    const runs = [done.runner.run(undefined), failed.runner.run(undefined)];
    detachDone();
    detachFailed();
    saved.resolve('saved');
    refused.reject(new Error('Refused.'));
    await Promise.all(runs);
    expect(onDone).not.toHaveBeenCalled();
    expect(onError).not.toHaveBeenCalled();
  });

  it('strict mode’s unmount and mount again leaves the action working', async () => {
    const onDone = vi.fn();
    const { runner } = runnerWith({ perform: () => Promise.resolve('ok'), onDone });
    runner.attach()();
    runner.attach();
    await runner.run(undefined);
    expect(onDone).toHaveBeenCalledWith('ok', undefined);
  });
});
