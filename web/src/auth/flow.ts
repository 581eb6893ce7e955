// The state carried between sign-in steps: the current 2FA challenge or enrolment (no secrets:
// destinations are masked) in sessionStorage so a reload keeps the step, and the one-time
// recovery codes in memory only.
import type { Challenge, Enrolment } from "../api/identity.ts";

const KEY = "closebook.sign-in";

interface Flow {
  challenge?: Challenge;
  enrolment?: Enrolment;
  /** Where to go once signed in. */
  next?: string;
}

export function readFlow(): Flow {
  try {
    return JSON.parse(window.sessionStorage.getItem(KEY) ?? "{}") as Flow;
  } catch {
    return {};
  }
}

export function writeFlow(patch: Flow): void {
  window.sessionStorage.setItem(KEY, JSON.stringify({ ...readFlow(), ...patch }));
}

export function clearFlow(): void {
  window.sessionStorage.removeItem(KEY);
}

let recoveryCodes: string[] | null = null;
export const setRecoveryCodes = (codes: string[] | null) => {
  recoveryCodes = codes;
};
export const takeRecoveryCodes = () => recoveryCodes;
