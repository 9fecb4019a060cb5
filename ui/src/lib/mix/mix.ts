// The 70-20-10 targets, for the bucket chart's reference marks: a rule of
// thumb the planner draws, not a closed set (the buckets are CHOICES.bucket).
import type { Bucket } from "../bindings";

export const TARGET: Record<Bucket, number> = { experience: 70, exposure: 20, education: 10 };
