// Tells the shell, once, that the first screen has drawn its first frame:
// the shell notes how long the start took (`make perf` reads it). Two
// animation frames: the first runs before the paint, the second after it.
import { firstScreenPainted } from "./settings/api";

let told = false;

/** Called by a screen once its content is on the page; only the first call counts. */
export function tellFirstScreenPainted(): void {
  if (told) return;
  told = true;
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      // Only a figure for the logs: a failure here means nothing to the DLM.
      firstScreenPainted().catch(() => undefined);
    }),
  );
}
