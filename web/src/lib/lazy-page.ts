// A page loaded when it is first shown, not with the portal: each module's pages become their own
// script chunk, so signing in fetches the shell alone and a module's code arrives with its page.
// The router's <Suspense> shows a loader meanwhile.
import { lazy, type ComponentType, type LazyExoticComponent } from "react";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any props: the page's own type is kept
type AnyComponent = ComponentType<any>;

export function lazyPage<M extends Record<K, AnyComponent>, K extends keyof M & string>(
  load: () => Promise<M>,
  name: K,
): LazyExoticComponent<M[K]> {
  return lazy(async () => ({ default: (await load())[name] }));
}
