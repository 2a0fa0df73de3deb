// The one store. Components call `act(updater, …args)`; updaters are pure (updaters.ts).
import { create } from 'zustand';
import { initialState, type AppState } from './updaters';

export const useStore = create<AppState>(() => initialState());

export function act<A extends unknown[]>(fn: (s: AppState, ...args: A) => AppState, ...args: A): void {
  useStore.setState((s) => fn(s, ...args), true);
}
