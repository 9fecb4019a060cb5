// The one way a screen runs a call that may fail: on failure the DLM is
// told, in their language, where it helps most. A broken rule goes next to
// its field when the screen shows fields; anything else is a toast.
import type { IpcError } from "./bindings";
import { errorMessage, fieldMessages } from "./errors";
import { failureOf } from "./ipc";
import { notify } from "./notify.svelte";

/** Where a failure goes instead of a toast. */
export type Handling = {
  /** The field messages of a refused draft (`validation`); without it a
   *  broken rule is a toast like any other failure. */
  fields?: (messages: Record<string, string>) => void;
  /** A message of the screen's own for this failure, or null for the
   *  usual one (e.g. "Claire has no dot left" for `too_many`). */
  message?: (failure: IpcError) => string | null;
};

/** Runs `run` and returns its value, or `undefined` when it failed — the
 *  failure then shown as `handling` says, else as an error toast. */
export async function attempt<T>(run: () => Promise<T>, handling: Handling = {}): Promise<T | undefined> {
  try {
    return await run();
  } catch (e) {
    const failure = failureOf(e);
    if (failure.code === "validation" && handling.fields) handling.fields(fieldMessages(failure));
    else notify.error(handling.message?.(failure) ?? errorMessage(failure));
    return undefined;
  }
}
