import { describe, expect, it } from "vitest";
import { csvValueNames } from "./csv-names";

describe("csvValueNames", () => {
  it("gives every value its French and English labels", () => {
    const names = csvValueNames();
    expect(names.stages.find(([s]) => s === "piloting")?.[1]).toEqual(expect.arrayContaining(["En pilote"]));
    expect(names.vendor_types).toHaveLength(4);
    expect(names.modalities.find(([m]) => m === "virtual_class")?.[1]).toEqual(["Virtual class", "Classe virtuelle"]);
    for (const [, labels] of [...names.vendor_types, ...names.stages, ...names.modalities]) {
      expect(labels).toHaveLength(2);
      for (const label of labels) expect(label).not.toMatch(/^[a-z_]+\.[a-z_]+$/);
    }
  });
});
