// The part of the WebAssembly API hy-check uses (Node.js has it; TypeScript declares it only with the DOM
// library, which would bring browser globals into every module).
declare global {
  namespace WebAssembly {
    class Module {
      constructor(bytes: Uint8Array);
    }
    class Instance {
      constructor(module: Module, imports?: Record<string, Record<string, Memory>>);
      readonly exports: Record<string, unknown>;
    }
    class Memory {
      constructor(descriptor: { initial: number; maximum?: number; shared?: boolean });
      readonly buffer: ArrayBuffer | SharedArrayBuffer;
      grow(pages: number): number;
    }
    interface Global {
      readonly value: unknown;
    }
  }
}
export {};
