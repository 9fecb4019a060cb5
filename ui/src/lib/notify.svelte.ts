// Short confirmations and errors shown at the bottom of the window, with
// an optional action such as "Undo". One toast per kind of event: the same
// news again replaces the one on screen instead of piling up.
export type Toast = {
  id: number;
  kind: "success" | "error";
  text: string;
  /** What makes two toasts the same event; the text unless said. */
  key: string;
  action?: { label: string; run: () => void | Promise<void> };
};

class Notifier {
  toasts = $state<Toast[]>([]);
  private next = 1;
  private timers = new Map<number, ReturnType<typeof setTimeout>>();

  /** Shows a toast, replacing any other toast of the same `key`. */
  show = (kind: Toast["kind"], text: string, action?: Toast["action"], key = `${kind}:${text}`) => {
    this.retract(key);
    const id = this.next++;
    this.toasts = [...this.toasts, { id, kind, text, key, action }];
    this.timers.set(
      id,
      setTimeout(() => this.dismiss(id), visibleFor(kind, text, action !== undefined)),
    );
  };

  success = (text: string, action?: Toast["action"], key?: string) => this.show("success", text, action, key);
  error = (text: string) => this.show("error", text);

  dismiss = (id: number) => {
    clearTimeout(this.timers.get(id));
    this.timers.delete(id);
    this.toasts = this.toasts.filter((t) => t.id !== id);
  };

  /** Takes back the toasts of `key`: an undo that can no longer work. */
  retract = (key: string) => {
    for (const t of this.toasts.filter((t) => t.key === key)) this.dismiss(t.id);
  };

  /** Runs a toast's action once, closing the toast first; a failing
   *  action says so instead of doing nothing. */
  act = async (toast: Toast, failed: (e: unknown) => string) => {
    this.dismiss(toast.id);
    try {
      await toast.action?.run();
    } catch (e) {
      this.error(failed(e));
    }
  };
}

/** How long a toast stays, in milliseconds: long enough to read it (about
 *  15 characters a second on top of a base), longer for errors and toasts
 *  with an action, which ask for something. The close button is always there. */
export function visibleFor(kind: Toast["kind"], text: string, hasAction: boolean): number {
  const base = kind === "error" || hasAction ? 8000 : 4500;
  return base + Math.round((text.length / 15) * 1000 * (kind === "error" ? 1 : 0.5));
}

/** The key of the "moved to the trash — Undo" toast of a project. */
export const trashKey = (project: string) => `trash:${project}`;
/** The key of the "sample projects moved to the trash — Undo" toast. */
export const SAMPLES_KEY = "trash:samples";

export const notify = new Notifier();
