// The item a link names in the query string (a notification's "?task=…", "?document=…"): the page
// opens it on arrival and again whenever a new link names another while the page is showing, and
// closing it drops the name from the address, so following the same link later opens it again.
import { useState } from "react";
import { navigate, useLocation } from "./router.tsx";

/** [the open item, open or close one (closing forgets the link), forget the link only]. */
export function useLinkedItem(param: string): [string | null, (id: string | null) => void, () => void] {
  const location = useLocation();
  const linked = location.search.get(param);
  const [open, setOpen] = useState<string | null>(linked);
  const [seen, setSeen] = useState<string | null>(linked);
  // Adjusting state while rendering (React's pattern for following a changing input): a new link
  // while the page is open opens its item without remounting the page.
  if (linked !== seen) {
    setSeen(linked);
    if (linked) setOpen(linked);
  }
  const forget = () => {
    if (!linked) return;
    const rest = new URLSearchParams(location.search);
    rest.delete(param);
    const qs = rest.toString();
    navigate(`${location.pathname}${qs ? `?${qs}` : ""}${location.hash}`, {
      replace: true,
      keepScroll: true,
    });
  };
  const change = (id: string | null) => {
    setOpen(id);
    if (id === null) forget();
  };
  return [open, change, forget];
}
