// How each kind of artefact is edited: its fields in form order, with the
// input each needs, and a blank body to start from. The kinds, their
// values and their rules live in Rust; this only lays out the editors.
import { CHOICES, type ArtefactBody, type ArtefactKind, type Phase } from "../bindings";

export type FieldSpec = {
  key: string;
  input: "text" | "textarea" | "date" | "select" | "checkbox";
  /** A select's values, from the closed set in CHOICES. */
  options?: readonly string[];
  /** The field that names the artefact (required). */
  naming?: boolean;
};

/** The phase an artefact of this kind usually belongs to. */
export const HOME_PHASE: Record<ArtefactKind, Phase> = {
  interview_note: "empathize",
  persona: "empathize",
  empathy_map: "empathize",
  journey: "define",
  how_might_we: "define",
  idea: "ideate",
  prototype: "prototype",
  pilot_feedback: "test",
  pilot_decision: "test",
};

export const FIELDS: Record<ArtefactKind, FieldSpec[]> = {
  interview_note: [
    { key: "title", input: "text", naming: true },
    { key: "interviewee", input: "text" },
    { key: "date", input: "date" },
    { key: "notes", input: "textarea" },
  ],
  persona: [
    { key: "name", input: "text", naming: true },
    { key: "role", input: "text" },
    { key: "goals", input: "textarea" },
    { key: "frustrations", input: "textarea" },
    { key: "context", input: "textarea" },
    { key: "quote", input: "text" },
  ],
  empathy_map: [
    { key: "subject", input: "text", naming: true },
    { key: "says", input: "textarea" },
    { key: "thinks", input: "textarea" },
    { key: "does", input: "textarea" },
    { key: "feels", input: "textarea" },
  ],
  journey: [{ key: "title", input: "text", naming: true }],
  how_might_we: [{ key: "statement", input: "textarea", naming: true }],
  idea: [
    { key: "title", input: "text", naming: true },
    { key: "description", input: "textarea" },
    { key: "shortlisted", input: "checkbox" },
  ],
  prototype: [
    { key: "title", input: "text", naming: true },
    { key: "fidelity", input: "select", options: CHOICES.fidelity },
    { key: "description", input: "textarea" },
    { key: "link", input: "text" },
  ],
  pilot_feedback: [
    { key: "source", input: "text" },
    { key: "date", input: "date" },
    { key: "feedback", input: "textarea", naming: true },
  ],
  pilot_decision: [
    { key: "criteria", input: "textarea", naming: true },
    { key: "results", input: "textarea" },
    { key: "outcome", input: "select", options: CHOICES.pilot_outcome },
    { key: "decided_on", input: "date" },
  ],
};

/** An empty artefact of `kind`, ready for its editor. */
export function blankBody(kind: ArtefactKind): ArtefactBody {
  switch (kind) {
    case "interview_note":
      return { kind, title: "", interviewee: "", date: null, notes: "" };
    case "persona":
      return { kind, name: "", role: "", goals: "", frustrations: "", context: "", quote: "" };
    case "empathy_map":
      return { kind, subject: "", says: "", thinks: "", does: "", feels: "" };
    case "journey":
      return { kind, title: "", touchpoints: [] };
    case "how_might_we":
      return { kind, statement: "" };
    case "idea":
      return { kind, title: "", description: "", shortlisted: false };
    case "prototype":
      return { kind, title: "", description: "", fidelity: "low", link: "" };
    case "pilot_feedback":
      return { kind, source: "", date: null, feedback: "" };
    case "pilot_decision":
      return { kind, criteria: "", results: "", outcome: "pending", decided_on: null };
  }
}

/** The artefact's name, title or statement, for lists. */
export function labelOf(body: ArtefactBody): string {
  switch (body.kind) {
    case "persona":
      return body.name;
    case "empathy_map":
      return body.subject;
    case "how_might_we":
      return body.statement;
    case "pilot_feedback":
      return body.feedback;
    case "pilot_decision":
      return body.criteria;
    default:
      return body.title;
  }
}
