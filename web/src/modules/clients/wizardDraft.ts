// Where an unfinished "Add client" wizard waits to be resumed: its step and the details typed
// so far (no secrets), in this browser's storage.
const KEY = "closebook.add-client.draft";

export interface WizardDraft {
  step: number;
  /** The client's slug once the details step created it. */
  client: string | null;
  name: string;
  details: Record<string, string>;
}

export function loadWizardDraft(): WizardDraft | null {
  try {
    const raw = window.localStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as WizardDraft) : null;
  } catch {
    return null;
  }
}

export function saveWizardDraft(draft: WizardDraft): void {
  window.localStorage.setItem(KEY, JSON.stringify(draft));
}

export function clearWizardDraft(): void {
  window.localStorage.removeItem(KEY);
}
