// How the app writes its link (the hash of a state), provided by the composition root
// (main.tsx), which knows the link's parameters. Share, embed and export read it from here.
import { createContext, useContext } from 'react';
import type { AppState } from '../../state/appState';

export type HashOf = (s: AppState) => string;

export const LinkContext = createContext<HashOf | null>(null);

export function useHashOf(): HashOf {
  const f = useContext(LinkContext);
  if (!f) throw new Error('LinkContext is not provided: main.tsx provides how the link is written');
  return f;
}
