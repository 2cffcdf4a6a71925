/** A text in each of the admin's languages, Swedish first. */
export type Texts = Record<string, { readonly sv: string; readonly en: string }>;
