// What test/harness/global-setup.ts provides to the test configuration.
declare module "vitest" {
  export interface ProvidedContext {
    harnessUrl: string;
  }
}
export {};
