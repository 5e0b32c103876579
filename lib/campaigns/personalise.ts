const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;

/** Field names a template uses, in order of first appearance. */
export function templateFields(template: string): string[] {
  const names = new Set<string>();
  for (const match of template.matchAll(PLACEHOLDER)) names.add(match[1].toLowerCase());
  return [...names];
}

export function hasPlaceholders(template: string): boolean {
  return templateFields(template).length > 0;
}

/** Fills `{{field}}` placeholders from a contact's fields; a missing value becomes empty text. */
export function renderTemplate(template: string, fields: Readonly<Record<string, unknown>>): string {
  return template.replace(PLACEHOLDER, (_whole, name: string) => {
    const value = fields[name.toLowerCase()] ?? fields[name];
    return value === undefined || value === null ? "" : String(value);
  });
}
