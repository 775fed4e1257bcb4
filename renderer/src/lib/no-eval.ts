/**
 * Imported first by the page's entry: zod compiles fast validators with `new Function` when it may, and even its
 * probe for that is reported as a violation of the page's CSP (no eval). Schemas check the setting when they are
 * declared, at import time, so it must be set before any module declaring one is evaluated.
 */
import { z } from 'zod';

z.config({ jitless: true });
