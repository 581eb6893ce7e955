// Draws progress (progress-model.ts) on a terminal: one line per phase on stderr, redrawn in place
// at most ten times a second, left on screen when the phase ends. When stderr is not a terminal
// (piped, a log file, a server running the command) it draws nothing at all.
import { progressLine, shouldDraw, type OnProgress, type ProgressEvent } from "./progress-model.ts";

export interface TerminalLike {
  isTTY?: boolean | undefined;
  columns?: number | undefined;
  write(text: string): unknown;
}

export interface TerminalProgress {
  /** Report work; give it to long operations as their `onProgress`. */
  report: OnProgress;
  /** Ends the current line (call when the work is over, or failed). */
  end(): void;
}

export function terminalProgress(
  stream: TerminalLike = process.stderr,
  now: () => number = () => performance.now(),
): TerminalProgress {
  if (!stream.isTTY) return { report: () => undefined, end: () => undefined };
  let phase: string | undefined;
  let phaseStart = 0;
  let last: ProgressEvent | undefined;
  let lastDraw: number | undefined;
  const draw = (event: ProgressEvent, at: number) => {
    stream.write(`\r\x1b[2K${progressLine({ ...event, elapsedMs: at - phaseStart }, stream.columns ?? 80)}`);
    lastDraw = at;
  };
  const end = () => {
    if (phase === undefined) return;
    if (last) draw(last, now());
    stream.write("\n");
    phase = undefined;
    last = undefined;
    lastDraw = undefined;
  };
  return {
    report(event) {
      const at = now();
      if (event.phase !== phase) {
        end();
        phase = event.phase;
        phaseStart = at;
      }
      last = event;
      if (shouldDraw(lastDraw, at, event)) draw(event, at);
    },
    end,
  };
}
