// A small history-API router: the current location as React state, navigation, links and
// pattern matching ("/c/:client/ledger/entries/:id"). The portal's pages are few and flat, so
// this is all the routing it needs.
import { forwardRef, useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from "react";

const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());
window.addEventListener("popstate", notify);

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
const snapshot = () => window.location.pathname + window.location.search + window.location.hash;

/** The current path, query string and hash; re-renders on every navigation. */
export function useLocation(): { pathname: string; search: URLSearchParams; hash: string; href: string } {
  const href = useSyncExternalStore(subscribe, snapshot);
  const url = new URL(href, window.location.origin);
  return { pathname: url.pathname, search: url.searchParams, hash: url.hash, href };
}

export function navigate(to: string, options: { replace?: boolean; keepScroll?: boolean } = {}): void {
  if (to === snapshot()) return;
  window.history[options.replace ? "replaceState" : "pushState"](null, "", to);
  notify();
  if (!to.includes("#") && !options.keepScroll) window.scrollTo(0, 0);
}

export type Params = Record<string, string>;

/** Matches a pattern against a path; returns the named segments, or null. */
export function matchPath(pattern: string, pathname: string): Params | null {
  const want = pattern.split("/").filter(Boolean);
  const have = pathname.split("/").filter(Boolean);
  if (want.length !== have.length) return null;
  const params: Params = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i]!;
    const h = decodeURIComponent(have[i]!);
    if (w.startsWith(":")) params[w.slice(1)] = h;
    else if (w !== h) return null;
  }
  return params;
}

/** A plain link that navigates inside the app (modified clicks still open a new tab). */
export const Link = forwardRef<HTMLAnchorElement, AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }>(
  function Link({ onClick, ...props }, ref) {
    const handle = (event: MouseEvent<HTMLAnchorElement>) => {
      onClick?.(event);
      if (
        event.defaultPrevented ||
        event.button !== 0 ||
        event.metaKey ||
        event.ctrlKey ||
        event.shiftKey ||
        event.altKey ||
        props.target
      )
        return;
      if (!props.href.startsWith("/")) return;
      event.preventDefault();
      navigate(props.href);
    };
    return <a ref={ref} {...props} onClick={handle} />;
  },
);
