// Display order of modalities, buckets and deliveries in the mix planner.
import type { Bucket, Delivery, Modality } from "../bindings";

export const MODALITIES: Modality[] = [
  "elearning",
  "mooc",
  "cooc",
  "spoc",
  "virtual_class",
  "classroom",
  "blended",
  "serious_game",
  "ar_vr",
  "microlearning",
  "mentoring",
  "on_the_job",
  "social_learning",
];
export const BUCKETS: Bucket[] = ["experience", "exposure", "education"];
/** The 70-20-10 targets, for the chart's reference marks. */
export const TARGET: Record<Bucket, number> = { experience: 70, exposure: 20, education: 10 };
export const DELIVERIES: Delivery[] = ["live", "self_paced"];
