/**
 * A value as a CSS string literal, for placeholders passed to `content: var(--…)`: quotes and
 * backslashes escaped, line breaks as spaces (a raw newline would end the string).
 */
export function cssString(text: string): string {
  return `"${text.replace(/[\r\n\f]+/g, ' ').replace(/["\\]/g, '\\$&')}"`
}
