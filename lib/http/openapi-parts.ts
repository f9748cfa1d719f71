// Building blocks of the OpenAPI document, shared by every part that contributes paths.

export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

export const jsonResponse = (description: string, schema: object) => ({
  description,
  content: { "application/json": { schema } },
});

export const errorResponse = (description: string) => jsonResponse(description, ref("Error"));

export const jsonBody = (schema: object) => ({
  required: true,
  content: { "application/json": { schema } },
});

export const idParameter = { name: "id", in: "path", required: true, schema: { type: "string" } };
