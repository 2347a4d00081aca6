import { statSync, watch, type FSWatcher } from "node:fs";
import { basename, dirname } from "node:path";

const REARM_CHECK_MS = 2_000;

/**
 * Watches a folder for edits in a way that survives the folder itself being replaced (`mv new knowledge`, a
 * Kubernetes ConfigMap's symlink swap) and editors' atomic saves: the folder is watched recursively, its parent for
 * the folder's own name, and a cheap periodic check re-arms when the folder's inode changed or a watcher died.
 */
export class FolderWatch {
  private folder: FSWatcher | null = null;
  private parent: FSWatcher | null = null;
  private inode: number | null = null;
  private check: NodeJS.Timeout | null = null;

  constructor(
    private readonly dir: string,
    private readonly onChange: () => void,
    private readonly onError: (message: string) => void,
  ) {}

  start(): void {
    this.arm();
    try {
      this.parent = watch(dirname(this.dir), (_event, name) => {
        if (name === null || String(name) === basename(this.dir)) this.rearm();
      });
      this.parent.on("error", () => {
        this.parent = null;
      });
    } catch {
      // the periodic check still notices a replaced folder
    }
    this.check = setInterval(() => {
      if (this.currentInode() !== this.inode || !this.folder) this.rearm();
    }, REARM_CHECK_MS);
    this.check.unref();
  }

  /** True while the folder that is watched is the folder at the path. */
  get active(): boolean {
    return this.folder !== null && this.inode !== null && this.currentInode() === this.inode;
  }

  stop(): void {
    if (this.check) clearInterval(this.check);
    this.folder?.close();
    this.parent?.close();
    this.folder = this.parent = null;
    this.check = null;
  }

  private currentInode(): number | null {
    try {
      return statSync(this.dir).ino;
    } catch {
      return null;
    }
  }

  private arm(): void {
    this.folder?.close();
    this.folder = null;
    this.inode = this.currentInode();
    if (this.inode === null) return;
    try {
      this.folder = watch(this.dir, { recursive: true }, () => this.onChange());
      this.folder.on("error", (error) => {
        this.folder = null;
        this.onError(error.message);
      });
    } catch (error) {
      this.onError((error as Error).message);
    }
  }

  private rearm(): void {
    const before = this.inode;
    this.arm();
    if (this.inode !== before) this.onChange();
  }
}
