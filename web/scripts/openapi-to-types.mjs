// The one conversion from the Worker's OpenAPI document to web/src/api/openapi.d.ts, shared by the generator
// (scripts/generate-web-api-types.mjs) and the test that checks the committed file is its output.
import openapiTS, { astToString } from "openapi-typescript";

export const REGENERATE_COMMAND = "npm run api:types";

const HEADER = `// Generated from web/src/api/openapi.json by openapi-typescript: do not edit. Regenerate with \`${REGENERATE_COMMAND}\`.\n\n`;

/** The TypeScript text of the document's paths, operations and component schemas. */
export async function typesFromOpenApi(document) {
  // openapi-typescript annotates the document it is given; it gets a copy.
  return HEADER + astToString(await openapiTS(structuredClone(document)));
}

/** The document as it is committed: two-space JSON with a final newline. */
export function documentText(document) {
  return `${JSON.stringify(document, null, 2)}\n`;
}
