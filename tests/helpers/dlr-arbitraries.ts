import { fc } from "@fast-check/vitest";
import { CELCOM_DLR_DESCRIPTIONS } from "@/lib/providers";

/**
 * Characters for generated text: mostly ordinary ones, sometimes those that databases and parsers
 * trip on (NUL, unpaired surrogates, control characters, quotes), or any code point at all.
 */
const character = fc.oneof(
  { weight: 150, arbitrary: fc.constantFrom("0", "1", "7", "9", "a", "Z", "-", ".", ":") },
  { weight: 1, arbitrary: fc.constantFrom("\u0000", "\ud800", "\udbff", "\udc00", "\udfff") },
  { weight: 4, arbitrary: fc.constantFrom("\u0001", "\u001f", "\u007f", "\t", "\n", " ", "\u2028", "\ufeff", "\\", '"', "'") },
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 0x10ffff }).map((codePoint) => String.fromCodePoint(codePoint)) },
);

export const nastyString = fc.oneof(
  { weight: 6, arbitrary: fc.string({ unit: character, maxLength: 16 }) },
  { weight: 1, arbitrary: fc.string({ unit: character, minLength: 60, maxLength: 300 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 12 }) },
);

const numberish = fc.oneof(
  fc.integer(),
  fc.maxSafeNat(),
  fc.double(),
  fc.constantFrom(-1, -0, 0, 2 ** 53, 2 ** 64, 1e308, -1e308, 0.5),
);

/** Celcom-format and ISO timestamps with any year, impossible months and days, and junk. */
const timestamp = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .record({
        year: fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 1, max: 9999 }) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 300_000 }) }),
        month: fc.integer({ min: 0, max: 13 }),
        day: fc.integer({ min: 0, max: 32 }),
        hour: fc.integer({ min: 0, max: 25 }),
        minute: fc.integer({ min: 0, max: 61 }),
      })
      .map(({ year, month, day, hour, minute }) => {
        const two = (value: number) => String(value).padStart(2, "0");
        return `${String(year).padStart(4, "0")}-${two(month)}-${two(day)} ${two(hour)}:${two(minute)}:00`;
      }),
  },
  { weight: 1, arbitrary: fc.date({ noInvalidDate: false }).map((date) => (Number.isNaN(date.getTime()) ? "Invalid Date" : date.toISOString())) },
  { weight: 1, arbitrary: nastyString as fc.Arbitrary<unknown> },
  { weight: 1, arbitrary: numberish as fc.Arbitrary<unknown> },
  { weight: 2, arbitrary: fc.constantFrom("", "  ", null, "2025-09-12 10:16:10", "99999-01-01 00:00:00", "yesterday") as fc.Arbitrary<unknown> },
);

/** Field values of any JSON type, with nasty text in keys and values. */
const anyField = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    nastyString,
    numberish,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("value"), { maxLength: 3 }),
    fc.dictionary(nastyString, tie("value"), { maxKeys: 3 }),
  ),
})).value;

/**
 * One pushed delivery report with arbitrary fields: usually shaped like Celcom's, with a known
 * description and (when `messageIds` is given) the id of a real message, so that the property
 * exercises both the refusals and the statement that applies accepted reports.
 */
export function celcomReportArbitrary(messageIds: readonly string[] = []) {
  const messageId = fc.oneof(
    ...(messageIds.length > 0 ? [{ weight: 3, arbitrary: fc.constantFrom(...messageIds) as fc.Arbitrary<unknown> }] : []),
    { weight: 1, arbitrary: nastyString as fc.Arbitrary<unknown> },
    { weight: 1, arbitrary: numberish as fc.Arbitrary<unknown> },
    { weight: 1, arbitrary: anyField },
  );
  const description = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...CELCOM_DLR_DESCRIPTIONS.map((entry) => entry.description)) as fc.Arbitrary<unknown> },
    { weight: 1, arbitrary: nastyString as fc.Arbitrary<unknown> },
    { weight: 1, arbitrary: anyField },
  );
  const fields = { description, messageid: messageId, timeTaken: fc.oneof(nastyString, numberish), timestamp, extra: fc.option(fc.dictionary(nastyString, anyField, { maxKeys: 3 }), { freq: 2, nil: {} }) };
  return fc
    .oneof(
      { weight: 6, arbitrary: fc.record(fields, { requiredKeys: ["description", "messageid", "extra"] }) },
      { weight: 1, arbitrary: fc.record(fields, { requiredKeys: [] }) },
    )
    .map(({ extra, ...known }) => ({ ...extra, ...known }) as Record<string, unknown>);
}
