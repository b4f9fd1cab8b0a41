/** A table or column name as SQL reads it on both engines: double-quoted, a quote inside doubled. */
export const quoteIdentifier = (name: string): string => `"${name.replaceAll('"', '""')}"`;
