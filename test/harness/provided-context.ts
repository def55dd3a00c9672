// What test/harness/global-setup.ts provides to the test configuration.
declare module "vitest" {
  export interface ProvidedContext {
    harnessUrl: string;
    /** The fake Messages API of test/harness/fake-anthropic.ts. */
    anthropicUrl: string;
  }
}
export {};
