// zod compiles object parsers with `new Function` when it may; the app's CSP has no 'unsafe-eval', and the probe
// alone would be reported as a violation. Imported before any schema is built, because zod decides per schema.
import { config } from "zod";

config({ jitless: true });
