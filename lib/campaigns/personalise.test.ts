import { describe, expect, it } from "vitest";
import { countSegments } from "@/lib/content/encoding";
import { compileTemplate, hasPlaceholders, renderTemplate, singleBracePlaceholders, templateFields } from "@/lib/campaigns/personalise";

describe("campaign personalisation", () => {
  it("lists the fields a template uses, once each and case-insensitively", () => {
    expect(templateFields("Hi {{ Name }}, your code {{code}} — {{name}}")).toEqual(["name", "code"]);
    expect(hasPlaceholders("No fields here {not one}")).toBe(false);
  });

  it("fills placeholders from contact fields and leaves missing ones empty", () => {
    expect(renderTemplate("Hi {{name}}, pay {{ amount }} by {{due}}", { name: "Wanjiru", amount: "KES 500" })).toBe("Hi Wanjiru, pay KES 500 by ");
  });

  it("counts segments on the rendered text, not on the braces of the template", () => {
    const template = "Hello {{name}}";
    expect(countSegments(template).units).toBeGreaterThan(countSegments(renderTemplate(template, { name: "Ann" })).units);
    expect(countSegments(renderTemplate(template, { name: "Zoé Ωmega" })).encoding).toBe("gsm7");
    expect(countSegments(renderTemplate(template, { name: "Amina 😊" })).encoding).toBe("ucs2");
  });

  it("renders a compiled template exactly as renderTemplate does", () => {
    const templates = ["Hi {{name}}, pay {{ amount }} by {{DUE}}", "{{name}}", "No fields", "{{a}}{{b}} and {{ a }}", ""];
    const contacts = [{ name: "Wanjiru", amount: 500, due: "Friday", a: "x", b: null }, {}, { NAME: "Upper only", Name: "Mixed" }];
    for (const template of templates) {
      const render = compileTemplate(template);
      for (const fields of contacts) expect(render(fields)).toBe(renderTemplate(template, fields));
    }
  });
});

describe("single-brace placeholders", () => {
  it("finds {name} but not {{name}}", () => {
    expect(singleBracePlaceholders("Hi {name}, your {{code}} and { town } and {{{odd}}}")).toEqual(["name", "town"]);
    expect(singleBracePlaceholders("Hi {{name}}")).toEqual([]);
  });
});
