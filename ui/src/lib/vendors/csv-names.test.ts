import { describe, expect, it } from "vitest";
import { CHOICES } from "../bindings";
import { csvValueNames } from "./csv-names";

describe("csvValueNames", () => {
  it("names every value Rust knows", () => {
    const names = csvValueNames();
    expect(names.vendor_types.map(([v]) => v)).toEqual([...CHOICES.vendor_type]);
    expect(names.stages.map(([s]) => s)).toEqual([...CHOICES.watch_stage]);
    expect(names.modalities.map(([m]) => m)).toEqual([...CHOICES.modality]);
  });

  it("gives every value its French and English labels", () => {
    const names = csvValueNames();
    expect(names.stages.find(([s]) => s === "piloting")?.[1]).toEqual(expect.arrayContaining(["En pilote"]));
    expect(names.modalities.find(([m]) => m === "virtual_class")?.[1]).toEqual(["Virtual class", "Classe virtuelle"]);
    for (const [, labels] of [...names.vendor_types, ...names.stages, ...names.modalities]) {
      expect(labels).toHaveLength(2);
      for (const label of labels) expect(label).not.toMatch(/^[a-z_]+\.[a-z_]+$/);
    }
  });
});
