// The UI's one door to the Rust commands. Every call goes through the
// generated, typed `commands`; a refused call becomes an `AppFailure`
// carrying the typed `{ code, message, field, issues }` error.
import { commands, type IpcError } from "./bindings";

export { commands };
export type { IpcError };

/** A command the backend refused or that could not run. */
export class AppFailure extends Error {
  constructor(readonly error: IpcError) {
    super(error.message);
  }
}

type Answer<T> = { status: "ok"; data: T } | { status: "error"; error: IpcError };

/** Told when a command met the disk (a save it refused, a read-only
 *  database), so that the window can re-read the session's state. */
let storageTroubled: (() => void) | null = null;

/** Sets what is told when a command meets the disk (see `call`). */
export function whenStorageTroubled(listener: () => void): void {
  storageTroubled = listener;
}

/** Awaits a command and returns its data, or throws an `AppFailure`. */
export async function call<T>(answer: Promise<Answer<T>>): Promise<T> {
  const result = await answer;
  if (result.status === "ok") return result.data;
  // Tauri itself (not our command) rejects with a bare string, e.g. for
  // arguments it could not read: give it the same typed shape.
  const error: IpcError =
    typeof result.error === "object" && result.error !== null && "code" in result.error
      ? result.error
      : { code: "io", message: String(result.error), issues: [] };
  if (error.code === "io" || error.code === "read_only") storageTroubled?.();
  throw new AppFailure(error);
}

/** The typed error of a failure, or an `io`-like stand-in for anything else. */
export function failureOf(e: unknown): IpcError {
  if (e instanceof AppFailure) return e.error;
  return { code: "io", message: e instanceof Error ? e.message : String(e), issues: [] };
}
