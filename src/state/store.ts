// The one store of shareable and persisted state. Components call `act(updater, …args)`;
// updaters are pure (updaters.ts and the state modules beside it). The shape is appState.ts.
import { create } from 'zustand';
import { initialState, type AppState } from './appState';

export const useStore = create<AppState>(() => initialState());

export function act<A extends unknown[]>(fn: (s: AppState, ...args: A) => AppState, ...args: A): void {
  useStore.setState((s) => fn(s, ...args), true);
}
