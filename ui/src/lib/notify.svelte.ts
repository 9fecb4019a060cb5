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
    setTimeout(() => this.dismiss(id), action ? 8000 : 4500);
  };

  success = (text: string, action?: Toast["action"]) => this.show("success", text, action);
  error = (text: string) => this.show("error", text);

  dismiss = (id: number) => {
    this.toasts = this.toasts.filter((t) => t.id !== id);
  };
}

export const notify = new Notifier();
