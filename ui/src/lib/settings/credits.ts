// What Atelier is built with, for the About dialog: the libraries it
// ships and the fonts its PDF exports embed, with their licences. The list
// is `credits.json`, which the tests hold to the truth: each npm package's
// licence against its package.json (credits.test.ts), each crate's against
// `cargo metadata`, and every direct dependency listed (tests/credits.rs).
/// <reference types="vite/client" />
import raw from "./credits.json?raw";

/** One library (or a family of them) and its licence, an SPDX expression. */
export type Library = { id: string; name: string; licence: string; crates: string[]; npm: string[] };
/** Fonts shipped inside Atelier; `files` are the font files' name prefixes. */
export type Font = { id: string; name: string; licence: string; files: string[] };

export const credits: { libraries: Library[]; fonts: Font[] } = JSON.parse(raw);

/** An SPDX expression in words, in pieces: each licence's identifier
 *  ("BSD-3-Clause", kept on one line) and the words between them.
 *  "MIT OR Apache-2.0" → MIT · " or " · Apache-2.0. */
export function licenceWords(spdx: string, words: { or: string; and: string }): { text: string; id: boolean }[] {
  return spdx
    .split(/( OR | AND |[()])/)
    .filter((piece) => piece !== "")
    .map((piece) =>
      piece === " OR " ? { text: ` ${words.or} `, id: false } : piece === " AND " ? { text: ` ${words.and} `, id: false } : { text: piece, id: !/^[()]$/.test(piece) },
    );
}
