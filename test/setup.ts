// Test files that run the CLI with spawnSync block their worker; yielding between tests keeps vitest's
// worker RPC alive on a loaded 2-core machine (otherwise "Timeout calling onTaskUpdate").
import { beforeEach } from "vitest";

beforeEach(() => new Promise<void>((resolve) => setImmediate(resolve)));
