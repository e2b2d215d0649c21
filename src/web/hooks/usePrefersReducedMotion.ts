import { useSyncExternalStore } from 'react';

// One query list for the page: every render of the app and of each chart reads it.
let query: MediaQueryList | undefined;
const reducedMotionQuery = () => (query ??= window.matchMedia('(prefers-reduced-motion: reduce)'));

function subscribe(onChange: () => void): () => void {
  const media = reducedMotionQuery();
  media.addEventListener('change', onChange);
  return () => media.removeEventListener('change', onChange);
}

/**
 * Whether the user asked the system for less motion (WCAG 2.1, 2.3.3 Animation from
 * Interactions). The console then opens dialogs, menus and charts without animating them;
 * it follows the setting as it changes.
 */
export function usePrefersReducedMotion(): boolean {
  return useSyncExternalStore(subscribe, () => reducedMotionQuery().matches, () => false);
}
