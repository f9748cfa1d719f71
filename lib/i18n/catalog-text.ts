import type messages from "../../messages/en.json";

type Messages = typeof messages;

/** "a" and "b.c" for every message of a catalog object: the keys a translator takes under it. */
type LeafKeys<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : LeafKeys<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/**
 * The catalog namespaces whose sentences the server decides and the interface words: an
 * AppError's text, why a resend is refused, why a request was paused, why an attempt failed.
 */
export type TextNamespace = "serverErrors" | "resendRefusal" | "pausedReasons" | "attemptErrors";

export type TextKey<N extends TextNamespace> = LeafKeys<Messages[N]>;

/**
 * A placeholder's value: words that stay as they are (an email, a host), a number, or another
 * catalog text worded in the same language (a resend refused because the request was paused
 * "after 5 failed deliveries in a row").
 */
export type TextValue = string | number | NestedText;
export type TextValues = Record<string, TextValue>;

export type NestedText = {
  [N in TextNamespace]: { namespace: N } & CatalogText<N>;
}[TextNamespace];

/**
 * A sentence carried as data instead of words: its key in one namespace of the catalogs
 * (checked against messages/en.json at compile time) and the values its placeholders take.
 * Whoever shows it words it in the reader's language.
 */
export type CatalogText<N extends TextNamespace> = { key: TextKey<N>; values?: TextValues };
