// The words the radar is drawn with, taken from the DLM's catalog, and the
// judgement form's values as typed.
import type { Adoption, HypeStage, Judgement, RadarLabels } from "../bindings";
import { t } from "../i18n/index.svelte";

/** Every word drawn on the radar, in the current language. */
export function radarLabels(): RadarLabels {
  return {
    title: t("radar.title"),
    adopt: t("ring.adopt"),
    trial: t("ring.trial"),
    assess: t("ring.assess"),
    hold: t("ring.hold"),
    online: t("family.online"),
    live: t("family.live"),
    immersive: t("family.immersive"),
    social: t("family.social"),
    buzz: t("verdict.buzz"),
    trend: t("verdict.trend"),
    too_early: t("verdict.too_early"),
    vendor: t("radar.kind_vendor"),
    theme: t("radar.kind_theme"),
  };
}

/** A judgement as typed: counts are text until read. */
export type JudgementValues = { hype: HypeStage; pilots: string; references: string; adoption: Adoption; evidence: string };

export function toJudgementValues(j: Judgement | null): JudgementValues {
  return {
    hype: j?.hype ?? "trigger",
    pilots: String(j?.pilots ?? 0),
    references: String(j?.references ?? 0),
    adoption: j?.adoption ?? "none",
    evidence: j?.evidence ?? "",
  };
}

/** The judgement to send, or the count fields that are not whole numbers. */
export function fromJudgementValues(v: JudgementValues): { judgement: Judgement } | { unreadable: Record<string, "not_a_count"> } {
  const unreadable: Record<string, "not_a_count"> = {};
  const count = (field: "pilots" | "references") => {
    const text = v[field].trim();
    if (text === "") return 0;
    if (!/^\d{1,6}$/.test(text)) unreadable[field] = "not_a_count";
    return Number(text);
  };
  const pilots = count("pilots");
  const references = count("references");
  if (Object.keys(unreadable).length > 0) return { unreadable };
  return { judgement: { hype: v.hype, pilots, references, adoption: v.adoption, evidence: v.evidence } };
}
