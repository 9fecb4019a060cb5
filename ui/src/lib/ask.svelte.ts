// One question at a time for the whole window: "this is unusual — save it
// anyway?". A form awaits the answer; `CautionDialog` shows the question.

export type Question = {
  title: string;
  lines: { key: string; text: string }[];
  confirmLabel: string;
  answer: (yes: boolean) => void;
};

class Asker {
  pending = $state<Question | null>(null);

  /** Asks the DLM; resolves true when they confirm, false when they cancel. */
  ask = (title: string, lines: Question["lines"], confirmLabel: string): Promise<boolean> => {
    this.pending?.answer(false);
    return new Promise((resolve) => {
      this.pending = {
        title,
        lines,
        confirmLabel,
        answer: (yes) => {
          this.pending = null;
          resolve(yes);
        },
      };
    });
  };
}

export const asker = new Asker();
