import { API_KEY_MESSAGES } from "@/lib/auth/api-key-scopes";
import { AUTH_MESSAGES } from "@/lib/auth/schemas";
import { UNSTORABLE_MESSAGE } from "@/lib/model/call-limits";
import {
  EVENT_MESSAGE_VALUES,
  EVENT_MESSAGES,
  NAME_MESSAGE,
  PARAM_MESSAGE_VALUES,
  PARAM_MESSAGES,
  REQUEST_FIELD_MESSAGES,
  REQUEST_MESSAGE_VALUES,
  REQUEST_MESSAGES,
} from "@/lib/model/event-schema";
import { ID_MESSAGE } from "@/lib/model/ids";
import {
  SIGNING_ROTATION_MESSAGE_VALUES,
  SIGNING_ROTATION_MESSAGES,
} from "@/lib/model/signing-rotation";
import { SINGLE_LINE_MESSAGE } from "@/lib/model/text";
import { PROJECT_MESSAGES } from "@/lib/projects/schemas";
import { SIMULATOR_MESSAGES } from "@/lib/simulator/simulation-options";

export type MessageValues = Readonly<Record<string, number>>;

/** Where the interface finds a schema's message: its catalog namespace and key, and its values. */
export type SchemaMessageKey = {
  namespace: "validation" | "schemaMessages";
  key: string;
  values: MessageValues;
};

function keyed(
  namespace: SchemaMessageKey["namespace"],
  messages: Readonly<Record<string, string>>,
  values: Readonly<Record<string, MessageValues | undefined>> = {},
): Array<[string, SchemaMessageKey]> {
  return Object.entries(messages).map(([key, english]) => [
    english,
    { namespace, key, values: values[key] ?? {} },
  ]);
}

/**
 * Every specific message the schemas give, by its English text. The schemas speak English, which
 * the API answers as it is; a zod issue keeps only that text, so the text is what leads from an
 * issue to its catalog key. The records live beside their schemas (lib/**), each message written
 * once; the schemaMessages namespace is the wizard's first set, kept under its keys.
 */
export const SCHEMA_MESSAGE_KEYS: ReadonlyMap<string, SchemaMessageKey> = new Map([
  ...keyed("schemaMessages", { ...REQUEST_MESSAGES, paramName: NAME_MESSAGE }),
  ...keyed("validation", {
    singleLine: SINGLE_LINE_MESSAGE,
    unstorable: UNSTORABLE_MESSAGE,
    idInvalid: ID_MESSAGE,
  }),
  ...keyed("validation", PARAM_MESSAGES, PARAM_MESSAGE_VALUES),
  ...keyed("validation", REQUEST_FIELD_MESSAGES, REQUEST_MESSAGE_VALUES),
  ...keyed("validation", EVENT_MESSAGES, EVENT_MESSAGE_VALUES),
  ...keyed("validation", SIGNING_ROTATION_MESSAGES, SIGNING_ROTATION_MESSAGE_VALUES),
  ...keyed("validation", AUTH_MESSAGES),
  ...keyed("validation", PROJECT_MESSAGES),
  ...keyed("validation", API_KEY_MESSAGES),
  ...keyed("validation", SIMULATOR_MESSAGES),
]);
