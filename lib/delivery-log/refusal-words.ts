import { wordsOf } from "../i18n/catalog-words";
import type { ResendRefusal } from "./resend-rules";

/** A refusal in the API's words (English); the interface words `reasonText` in the reader's. */
export function describeRefusal(text: ResendRefusal): {
  reason: string;
  reasonText: ResendRefusal;
} {
  return { reason: wordsOf("en", "resendRefusal", text), reasonText: text };
}
