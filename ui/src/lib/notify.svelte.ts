// Short confirmations and errors shown at the bottom of the window, with
// an optional action such as "Undo".
export type Toast = {
  id: number;
  kind: "success" | "error";
  text: string;
  action?: { label: string; run: () => void };
};

class Notifier {
  toasts = $state<Toast[]>([]);
  private next = 1;

  show = (kind: Toast["kind"], text: string, action?: Toast["action"]) => {
    const id = this.next++;
    this.toasts = [...this.toasts, { id, kind, text, action }];
    setTimeout(() => this.dismiss(id), visibleFor(kind, text, action !== undefined));
  };

  success = (text: string, action?: Toast["action"]) => this.show("success", text, action);
  error = (text: string) => this.show("error", text);

  dismiss = (id: number) => {
    this.toasts = this.toasts.filter((t) => t.id !== id);
  };
}

/** How long a toast stays, in milliseconds: long enough to read it (about
 *  15 characters a second on top of a base), longer for errors and toasts
 *  with an action, which ask for something. The close button is always there. */
export function visibleFor(kind: Toast["kind"], text: string, hasAction: boolean): number {
  const base = kind === "error" || hasAction ? 8000 : 4500;
  return base + Math.round((text.length / 15) * 1000 * (kind === "error" ? 1 : 0.5));
}

export const notify = new Notifier();
