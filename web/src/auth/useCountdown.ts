// Seconds left until a moment (for "Resend in 42 s"), ticking once a second.
import { useEffect, useState } from "react";

export function useCountdown(until: string | number | null): number {
  const target = until === null ? 0 : typeof until === "number" ? until : Date.parse(until);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (target <= Date.now()) return;
    const t = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(t);
  }, [target]);
  return Math.max(0, Math.ceil((target - now) / 1000));
}
