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

function fieldText(fields: Readonly<Record<string, unknown>>, name: string): string {
  const value = fields[name.toLowerCase()] ?? fields[name];
  return value === undefined || value === null ? "" : String(value);
}

/** Fills `{{field}}` placeholders from a contact's fields; a missing value becomes empty text. */
export function renderTemplate(template: string, fields: Readonly<Record<string, unknown>>): string {
  return template.replace(PLACEHOLDER, (_whole, name: string) => fieldText(fields, name));
}

/**
 * The template parsed once into literal text and field names, for rendering it for many
 * contacts (campaign expansion): the same result as {@link renderTemplate}, without a regex per call.
 */
export function compileTemplate(template: string): (fields: Readonly<Record<string, unknown>>) => string {
  const literals: string[] = [];
  const names: string[] = [];
  let position = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    literals.push(template.slice(position, match.index));
    names.push(match[1]);
    position = match.index + match[0].length;
  }
  const tail = template.slice(position);
  return (fields) => {
    let text = "";
    for (let index = 0; index < names.length; index++) text += literals[index] + fieldText(fields, names[index]);
    return text + tail;
  };
}

// `{name}` with one brace on each side: not a placeholder, so it would go out exactly as typed.
const SINGLE_BRACE = /(?<!\{)\{\s*([A-Za-z0-9_]+)\s*\}(?!\})/g;

/** Names written as `{name}` (single braces), which are sent literally; the forms warn about them. */
export function singleBracePlaceholders(text: string): string[] {
  const names = new Set<string>();
  for (const match of text.matchAll(SINGLE_BRACE)) names.add(match[1]);
  return [...names];
}
