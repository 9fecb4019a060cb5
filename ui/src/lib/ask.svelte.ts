// One question at a time for the whole window: "this is unusual — save it
// anyway?". A form awaits the answer; `CautionDialog` shows the question.

export type Question = {
  title: string;
  lines: { key: string; text: string }[];
  confirmLabel: string;
  /** A third way out, e.g. "Open Claire Martin" instead of saving a twin. */
  aside?: Aside;
  answer: (yes: boolean) => void;
};

/** A third answer: its label and what it does (the save is not made). */
export type Aside = { label: string; run: () => void };

class Asker {
  pending = $state<Question | null>(null);

  /** Asks the DLM; resolves true when they confirm, false when they cancel
   *  or take the `aside` (which then runs). */
  ask = (title: string, lines: Question["lines"], confirmLabel: string, aside?: Aside): Promise<boolean> => {
    this.pending?.answer(false);
    return new Promise((resolve) => {
      this.pending = {
        title,
        lines,
        confirmLabel,
        aside,
        answer: (yes) => {
          this.pending = null;
          resolve(yes);
        },
      };
    });
  };

  /** Answers the pending question with its `aside`: no save, and the
   *  aside runs once the question is gone. */
  takeAside = () => {
    const question = this.pending;
    if (!question?.aside) return;
    const run = question.aside.run;
    question.answer(false);
    run();
  };
}

export const asker = new Asker();
