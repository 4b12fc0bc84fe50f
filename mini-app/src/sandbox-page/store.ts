import { useSyncExternalStore } from "react";

/**
 * A little state container for the page's two timelines (chat, feed). Their logic (cursors, the
 * resident generation, one poll at a time) lives in plain classes rather than in hooks: a poll that
 * resolves a second later must read the state as it is then, not as a closure saw it when it started.
 * Components read a snapshot through useStore and re-render when it changes.
 */
export class Store<S extends object> {
  #state: S;
  readonly #listeners = new Set<() => void>();

  constructor(initial: S) {
    this.#state = initial;
  }

  get state(): S {
    return this.#state;
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  protected set(patch: Partial<S>): void {
    this.#state = { ...this.#state, ...patch };
    for (const listener of this.#listeners) listener();
  }
}

export function useStore<S extends object>(store: Store<S>): S {
  return useSyncExternalStore(store.subscribe, () => store.state);
}
