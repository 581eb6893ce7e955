// A clock tests move forward by hand, so timeouts and throttle windows are tested without waiting.
import type { Clock } from "../../src/platform/clock.ts";

export interface TestClock extends Clock {
  advance(ms: number): void;
  set(iso: string): void;
}

export const MINUTE = 60_000;

export function testClock(iso = "2026-06-15T12:00:00Z"): TestClock {
  let at = new Date(iso).getTime();
  return {
    now: () => new Date(at),
    today: () => new Date(at).toISOString().slice(0, 10),
    advance: (ms) => {
      at += ms;
    },
    set: (next) => {
      at = new Date(next).getTime();
    },
  };
}
