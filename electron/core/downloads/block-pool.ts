/**
 * The fixed set of blocks a download's bytes pass through on their way to the disk. The blocks live in one shared
 * memory, so that the hashing thread reads them where they are (no copy, no transfer), and each starts on a page
 * boundary, which is what writes that bypass the page cache require of the memory they write from.
 */

/** Alignment the kernel may ask of direct I/O: offsets, lengths and memory in multiples of the logical block size. */
export const DIRECT_IO_ALIGNMENT = 4096;

const WASM_PAGE = 64 * 1024;

export interface Block {
  /** Position of this block in the pool. */
  readonly index: number;
  /** Where the block starts in `pool.memory`. */
  readonly offset: number;
  readonly bytes: Buffer;
}

interface SharedWasmMemory {
  buffer: SharedArrayBuffer;
}
type WasmMemoryConstructor = new (descriptor: {
  initial: number;
  maximum: number;
  shared: boolean;
}) => SharedWasmMemory;

export class BlockPool {
  readonly memory: SharedArrayBuffer;
  /** True when every block starts on a page boundary (the memory came from the WebAssembly allocator). */
  readonly aligned: boolean;
  private readonly free: Block[];

  constructor(
    readonly blockBytes: number,
    readonly count: number,
  ) {
    if (!Number.isSafeInteger(blockBytes) || blockBytes < 1 || !Number.isSafeInteger(count) || count < 1) {
      throw new RangeError(`a block pool needs whole positive sizes, not ${count} × ${blockBytes} bytes`);
    }
    const stride = roundUp(blockBytes, DIRECT_IO_ALIGNMENT);
    const { memory, aligned } = sharedMemory(stride * count);
    this.memory = memory;
    this.aligned = aligned;
    // Popped from the end: block 0 is handed out first, and a block given back is the next one taken (warm in cache).
    this.free = Array.from({ length: count }, (_, i) => count - 1 - i).map((index) => ({
      index,
      offset: index * stride,
      bytes: Buffer.from(memory, index * stride, blockBytes),
    }));
  }

  get available(): number {
    return this.free.length;
  }

  take(): Block | undefined {
    return this.free.pop();
  }

  give(block: Block): void {
    this.free.push(block);
  }
}

/**
 * WebAssembly memory is mapped page by page and starts on a page boundary; pages never touched cost no RAM. Where
 * WebAssembly is unavailable (a runtime started without it), a SharedArrayBuffer serves, and direct I/O is not used.
 */
function sharedMemory(bytes: number): { memory: SharedArrayBuffer; aligned: boolean } {
  const Memory = (globalThis as unknown as { WebAssembly?: { Memory?: WasmMemoryConstructor } }).WebAssembly?.Memory;
  if (Memory !== undefined) {
    try {
      const pages = Math.ceil(bytes / WASM_PAGE);
      return { memory: new Memory({ initial: pages, maximum: pages, shared: true }).buffer, aligned: true };
    } catch {
      // Fall through: the plain allocator still works, only without alignment.
    }
  }
  return { memory: new SharedArrayBuffer(bytes), aligned: false };
}

export function roundUp(value: number, multiple: number): number {
  return Math.ceil(value / multiple) * multiple;
}
