// Collects every Content Security Policy violation in the browser: each page's securitypolicyviolation events
// (reported through a binding, so none is lost to a reload) and Chromium's console errors naming the policy.
export async function watchCspViolations(context) {
  const violations = [];
  await context.exposeBinding("__e2eCspViolation", (_source, line) => violations.push(line));
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      window.__e2eCspViolation(
        `${event.effectiveDirective} refused ${event.blockedURI || "(inline)"} at ${event.sourceFile}:${event.lineNumber} on ${location.pathname}`,
      );
    });
  });
  context.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(`console ${message.type()}: ${message.text()}`);
  });
  return violations;
}
