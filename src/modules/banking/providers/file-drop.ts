// The file-drop provider: a folder per connection under the data dir. Statement files placed there
// (by a person, a scanner, an SFTP drop or the bank's export job) are imported on the next poll and
// moved to imported/, or to failed/ with the reason written next to them.
import fs from "node:fs/promises";
import path from "node:path";
import { AppError } from "../../../platform/errors.ts";
import type { Clock } from "../../../platform/clock.ts";
import {
  ConnectionLostError,
  type ConnectionProvider,
  type ImportSink,
  type PollReport,
  type ProviderConnection,
  type SetUpOutcome,
} from "./provider.ts";

export const FILE_DROP = "file-drop";

export interface FileDropOptions {
  /** Folders live under <root>/<connection id>. */
  root: string;
  clock: Clock;
  /** Files changed more recently than this are left for the next poll (they may still be written). */
  settleMs?: number;
}

/** Names that are not (yet) statements: hidden files and the usual partial-download suffixes. */
const IGNORED = /^\.|\.(part|tmp|crdownload|partial|swp)$|~$/i;

export class FileDropProvider implements ConnectionProvider {
  readonly name = FILE_DROP;
  readonly label = "File drop folder";
  private readonly settleMs: number;

  constructor(private readonly options: FileDropOptions) {
    this.settleMs = options.settleMs ?? 2000;
  }

  folderOf(connectionId: string): string {
    return path.join(this.options.root, connectionId);
  }

  async setUp(connection: ProviderConnection): Promise<SetUpOutcome> {
    const folder = this.folderOf(connection.id);
    await fs.mkdir(path.join(folder, "imported"), { recursive: true });
    await fs.mkdir(path.join(folder, "failed"), { recursive: true });
    return { state: "connected", details: { folder } };
  }

  async poll(connection: ProviderConnection, sink: ImportSink): Promise<PollReport> {
    const folder =
      typeof connection.details.folder === "string"
        ? connection.details.folder
        : this.folderOf(connection.id);
    let entries;
    try {
      entries = await fs.readdir(folder, { withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT")
        throw new ConnectionLostError(`the drop folder ${folder} no longer exists`);
      throw error;
    }
    const report: PollReport = { files: [] };
    // File times are the machine's real time, whatever the injected clock says.
    const now = Date.now();
    for (const entry of entries
      .filter((e) => e.isFile() && !IGNORED.test(e.name))
      .sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const file = path.join(folder, entry.name);
      const stat = await fs.stat(file);
      if (now - stat.mtimeMs < this.settleMs) continue;
      const bytes = await fs.readFile(file);
      try {
        const result = await sink.importFile(entry.name, bytes);
        await this.moveTo(folder, "imported", entry.name);
        report.files.push({ name: entry.name, ok: true, result });
      } catch (error) {
        // Only a refused file goes to failed/; anything else (the database is away) is retried next poll.
        if (!(error instanceof AppError)) throw error;
        const problem = { code: error.code, detail: error.detail, line: error.line ?? null };
        const moved = await this.moveTo(folder, "failed", entry.name);
        await fs.writeFile(
          `${moved}.error.txt`,
          `${problem.detail}${problem.line === null ? "" : ` (line ${problem.line})`}\n[${problem.code}]\n`,
        );
        report.files.push({ name: entry.name, ok: false, error: problem });
      }
    }
    return report;
  }

  /** Moves a file into a subfolder under a time-stamped name (never over another file); returns where it went. */
  private async moveTo(folder: string, sub: "imported" | "failed", name: string): Promise<string> {
    const stamp = this.options.clock.now().toISOString().replace(/[:.]/g, "").replace("T", "-");
    await fs.mkdir(path.join(folder, sub), { recursive: true });
    for (let n = 1; ; n++) {
      const target = path.join(folder, sub, `${stamp}${n > 1 ? `-${n}` : ""}-${name}`);
      try {
        await fs.access(target);
      } catch {
        await fs.rename(path.join(folder, name), target);
        return target;
      }
    }
  }
}
