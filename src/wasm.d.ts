// The part of the WebAssembly API hy-check uses (Node.js has it; TypeScript declares it only with the DOM
// library, which would bring browser globals into every module).
declare global {
  namespace WebAssembly {
    class Module {
      constructor(bytes: Uint8Array);
    }
    class Instance {
      constructor(module: Module, imports?: Record<string, never>);
      readonly exports: Record<string, unknown>;
    }
    interface Memory {
      readonly buffer: ArrayBuffer;
      grow(pages: number): number;
    }
    interface Global {
      readonly value: unknown;
    }
  }
}
export {};
