// Progress of long work (imports, parsing, training, evaluation) as data, and the one line that
// shows it: a bar when the total is known, the count, the rate and the time so far. Pure: the
// terminal renderer (progress.ts) decides when to draw it.

/** What long work reports: its phase, and how far it is when it can count. */
export interface ProgressEvent {
  phase: string;
  done?: number | undefined;
  total?: number | undefined;
  /** What is counted: "lines", "transactions", "bytes"… */
  unit?: string | undefined;
}

export type OnProgress = (event: ProgressEvent) => void;

export interface ProgressSnapshot extends ProgressEvent {
  /** Milliseconds since the phase began. */
  elapsedMs: number;
}

const GROUP = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

export function formatCount(n: number, unit?: string): string {
  if (unit === "bytes") {
    if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB`;
    if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
    return `${n} B`;
  }
  return GROUP.format(n);
}

/** Items per second, or "" until there is enough time to say. */
export function formatRate(done: number, elapsedMs: number, unit?: string): string {
  if (elapsedMs < 200 || done <= 0) return "";
  const perSecond = (done * 1000) / elapsedMs;
  return unit === "bytes" ? `${formatCount(perSecond, unit)}/s` : `${GROUP.format(perSecond)}/s`;
}

export function formatSeconds(ms: number): string {
  return ms < 60_000
    ? `${(ms / 1000).toFixed(1)} s`
    : `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

/** The bar itself: `width` cells, filled in proportion (eighths of a cell for smooth motion). */
export function bar(done: number, total: number, width: number): string {
  const fraction = total > 0 ? Math.min(1, Math.max(0, done / total)) : 0;
  const eighths = Math.round(fraction * width * 8);
  const full = Math.floor(eighths / 8);
  const part = eighths % 8;
  const partial = part > 0 ? " ▏▎▍▌▋▊▉"[part]! : "";
  return `${"█".repeat(full)}${partial}`.padEnd(width, " ");
}

/**
 * One line, at most `columns` wide: `phase [bar] 45% 45,000/100,000 lines 12,345/s 3.6 s`;
 * without a total: `phase 45,000 lines 12,345/s 3.6 s`; without a count: `phase… 3.6 s`.
 */
export function progressLine(s: ProgressSnapshot, columns = 80): string {
  const time = formatSeconds(s.elapsedMs);
  const unit = s.unit && s.unit !== "bytes" ? ` ${s.unit}` : "";
  let text: string;
  if (s.done === undefined) {
    text = `${s.phase}… ${time}`;
  } else {
    const rate = formatRate(s.done, s.elapsedMs, s.unit);
    const counts =
      s.total === undefined
        ? `${formatCount(s.done, s.unit)}${unit}`
        : `${formatCount(s.done, s.unit)}/${formatCount(s.total, s.unit)}${unit}`;
    const tail = [counts, rate, time].filter(Boolean).join("  ");
    if (s.total !== undefined && s.total > 0) {
      const percent = `${String(Math.floor((100 * Math.min(s.done, s.total)) / s.total)).padStart(3)}%`;
      const room = columns - s.phase.length - tail.length - percent.length - 8;
      const width = Math.min(30, room);
      text =
        width >= 5
          ? `${s.phase}  [${bar(s.done, s.total, width)}] ${percent}  ${tail}`
          : `${s.phase}  ${percent}  ${tail}`;
    } else {
      text = `${s.phase}  ${tail}`;
    }
  }
  return text.length > columns - 1 ? `${text.slice(0, columns - 2)}…` : text;
}

/** Whether to draw again: at most every `intervalMs`, and always for a phase's last step. */
export function shouldDraw(
  lastDrawMs: number | undefined,
  nowMs: number,
  event: ProgressEvent,
  intervalMs = 100,
): boolean {
  if (lastDrawMs === undefined) return true;
  if (event.total !== undefined && event.done !== undefined && event.done >= event.total) return true;
  return nowMs - lastDrawMs >= intervalMs;
}
